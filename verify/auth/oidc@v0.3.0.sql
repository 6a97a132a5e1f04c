-- Verify neuronplane:auth/oidc on pg

BEGIN;

SELECT name, issuer, client_id, client_secret, authorization_endpoint, token_endpoint, jwks_uri,
       userinfo_endpoint, end_session_endpoint, id_token_algs, jwks, jwks_fetched_at, scopes,
       callback_url, redirect_uris, link_verified_email, enabled, created_at, updated_at
  FROM auth.oidc_providers WHERE false;

SELECT id, provider, state_hash, nonce, code_verifier, redirect_uri, binding_hash, ip, user_agent,
       created_at, expires_at, consumed_at, completed_at, failed_reason
  FROM auth.login_attempts WHERE false;

SELECT id, provider, subject, user_id, email, email_verified, last_claims, created_at, last_login_at
  FROM auth.external_identities WHERE false;

SELECT oidc_login_ttl, oidc_attempt_retention FROM auth.settings WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('auth.es256_verify(text, jsonb, text, text, boolean)'::regprocedure,
               'auth.random_token(integer)'::regprocedure,
               'auth.pkce_challenge(text)'::regprocedure,
               'auth.csrf_token(uuid)'::regprocedure,
               'auth.csrf_ok(uuid, text)'::regprocedure,
               'auth.verify_access_token(text, boolean)'::regprocedure,
               'auth.oidc_error(text, text, text, text, text, uuid, inet, text)'::regprocedure,
               'auth.save_oidc_provider(text, text, text, text, text, text, text, text, text[], text[], text, text, text[], boolean, boolean)'::regprocedure,
               'auth.delete_oidc_provider(text)'::regprocedure,
               'auth.oidc_provider_keys(text)'::regprocedure,
               'auth.store_oidc_jwks(text, jsonb)'::regprocedure,
               'auth.begin_oidc_login(text, text, inet, text)'::regprocedure,
               'auth.consume_login_attempt(text, text, inet, text)'::regprocedure,
               'auth.fail_oidc_login(uuid, text, inet, text)'::regprocedure,
               'auth.oidc_username(jsonb, text)'::regprocedure,
               'auth.complete_oidc_login(uuid, jsonb, inet, text)'::regprocedure,
               'auth.cookie_refresh(text, text, inet, text)'::regprocedure,
               'auth.cookie_logout(text, text, inet, text)'::regprocedure,
               'auth.cookie_session(text)'::regprocedure,
               'auth.cleanup_login_attempts()'::regprocedure)
HAVING count(*) = 20;

DO $$
BEGIN
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'auth.login_attempts'::regclass), 'login_attempts without forced RLS';
    ASSERT has_function_privilege('neuronplane_worker', 'auth.begin_oidc_login(text, text, inet, text)', 'EXECUTE');
    ASSERT NOT has_function_privilege('neuronplane_worker',
        'auth.save_oidc_provider(text, text, text, text, text, text, text, text, text[], text[], text, text, text[], boolean, boolean)', 'EXECUTE');
    ASSERT NOT has_function_privilege('anon', 'auth.begin_oidc_login(text, text, inet, text)', 'EXECUTE');
    ASSERT NOT has_table_privilege('neuronplane_worker', 'auth.login_attempts', 'SELECT');
    ASSERT EXISTS (SELECT FROM cron.job WHERE jobname = 'neuronplane-oidc-login-attempts');
    ASSERT (SELECT count(*) FROM audit.actions
             WHERE action IN ('auth.oidc.consumed', 'auth.oidc.linked', 'auth.oidc.provider.saved',
                              'auth.oidc.provider.deleted', 'auth.csrf.refused')) = 5;
END
$$;

SELECT iss_parameter_supported FROM auth.oidc_providers WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.oidc_callback_is_own(text, text)'::regprocedure;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.set_oidc_iss_parameter_supported(text, boolean)'::regprocedure;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.consume_oidc_callback(text, text, text, text, inet, text)'::regprocedure;

DO $$
BEGIN
    ASSERT pg_get_functiondef('auth.consume_login_attempt(text, text, inet, text)'::regprocedure)
           LIKE '%provider_not_given%',
        'the provider-blind consume_login_attempt(state, binding, ...) must refuse';
    ASSERT pg_get_functiondef('auth.save_oidc_provider(text, text, text, text, text, text, text, text, text[], text[], text, text, text[], boolean, boolean)'::regprocedure)
           LIKE '%oidc_callback_is_own%',
        'save_oidc_provider must require a callback URL of the provider''s own';
    ASSERT pg_get_functiondef('auth.begin_oidc_login(text, text, inet, text)'::regprocedure)
           LIKE '%callback_not_per_provider%',
        'begin_oidc_login must refuse a provider without a callback URL of its own';
    ASSERT has_function_privilege('neuronplane_worker',
           'auth.consume_oidc_callback(text, text, text, text, inet, text)', 'EXECUTE');
    ASSERT NOT has_function_privilege('anon',
           'auth.consume_oidc_callback(text, text, text, text, inet, text)', 'EXECUTE');
    ASSERT NOT has_function_privilege('authenticated',
           'auth.set_oidc_iss_parameter_supported(text, boolean)', 'EXECUTE');
END
$$;

ROLLBACK;
