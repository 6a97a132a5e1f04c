-- Revert neuronplane:auth/oidc from pg

BEGIN;

DELETE FROM internal.secret_columns WHERE name IN ('oidc_client_secrets', 'oidc_code_verifiers');

DO $$
BEGIN
    PERFORM cron.unschedule(j.jobid) FROM cron.job j
      WHERE j.jobname = 'neuronplane-oidc-login-attempts';
END
$$;
ALTER TABLE auth.settings DROP COLUMN oidc_attempt_retention, DROP COLUMN oidc_login_ttl;
-- Audit events that name these actions keep them: remove only unused ones.
DELETE FROM audit.actions a
 WHERE a.action IN ('auth.oidc.consumed', 'auth.oidc.linked', 'auth.oidc.provider.saved',
                    'auth.oidc.provider.deleted', 'auth.csrf.refused')
   AND NOT EXISTS (SELECT FROM audit.events e WHERE e.action = a.action);
REVOKE USAGE ON SCHEMA auth FROM neuronplane_worker;

SET LOCAL ROLE neuronplane_owner;

DROP TABLE auth.external_identities;
DROP TABLE auth.login_attempts;
DROP TABLE auth.oidc_providers;
DROP FUNCTION auth.consume_oidc_callback(text,text,text,text,inet,text);
DROP FUNCTION auth.set_oidc_iss_parameter_supported(text,bool);
DROP FUNCTION auth.oidc_callback_is_own(text,text);
DROP FUNCTION auth.cleanup_login_attempts();
DROP FUNCTION auth.cookie_session(text);
DROP FUNCTION auth.cookie_logout(text,text,inet,text);
DROP FUNCTION auth.cookie_refresh(text,text,inet,text);
DROP FUNCTION auth.complete_oidc_login(uuid,jsonb,inet,text);
DROP FUNCTION auth.oidc_username(jsonb,text);
DROP FUNCTION auth.fail_oidc_login(uuid,text,inet,text);
DROP FUNCTION auth.consume_login_attempt(text,text,inet,text);
DROP FUNCTION auth.begin_oidc_login(text,text,inet,text);
DROP FUNCTION auth.store_oidc_jwks(text,jsonb);
DROP FUNCTION auth.oidc_provider_keys(text);
DROP FUNCTION auth.delete_oidc_provider(text);
DROP FUNCTION auth.save_oidc_provider(text,text,text,text,text,text,text,text,text[],text[],text,text,text[],bool,bool);
DROP FUNCTION auth.oidc_error(text,text,text,text,text,uuid,inet,text);
DROP FUNCTION auth.verify_access_token(text,bool);
DROP FUNCTION auth.csrf_ok(uuid,text);
DROP FUNCTION auth.csrf_token(uuid);
DROP FUNCTION auth.pkce_challenge(text);
DROP FUNCTION auth.random_token(int4);
DROP FUNCTION auth.es256_verify(text,jsonb,text,text,bool);

COMMIT;
