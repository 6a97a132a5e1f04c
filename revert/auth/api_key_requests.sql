-- Revert neuronplane:auth/api_key_requests from pg

BEGIN;

DELETE FROM internal.secret_columns WHERE name IN ('autonomous_logins');

DO $$
BEGIN
    PERFORM cron.unschedule(j.jobid) FROM cron.job j
      WHERE j.jobname = 'neuronplane-api-key-rejections';
END
$$;
DELETE FROM audit.actions WHERE action = 'api_key.rejected';
REVOKE service, authenticated FROM anon;
REVOKE USAGE ON SCHEMA auth FROM neuronplane_autonomous;
DROP EXTENSION dblink;

SET LOCAL ROLE neuronplane_owner;

DROP TRIGGER api_keys_use_keeps_updated_at ON identity.api_keys;
DROP TABLE auth.api_key_rejections;
DROP TABLE auth.api_key_request_counts;
DROP TABLE auth.autonomous_logins;
DROP FUNCTION auth.session_is_live_for(uuid,text);
DROP FUNCTION hooks.authenticate_api_key_request(text);
DROP FUNCTION hooks.check_access_token();
DROP FUNCTION identity.tg_api_keys__keep_updated_at();
DROP FUNCTION auth.purge_api_key_rejections();
DROP FUNCTION auth.record_api_key_rejection(uuid,text,text,inet,text,text);
DROP FUNCTION auth.count_api_key_request(uuid,int4,int4,bool,inet,text,text);
DROP FUNCTION auth.api_key_lease_size(int4);
DROP FUNCTION auth.rate_limit_retry_after(timestamptz,timestamptz);
DROP FUNCTION auth.autonomous(text);
DROP FUNCTION auth.autonomous_conninfo();
DROP FUNCTION auth.authenticate_api_key(text);
DROP FUNCTION auth.check_api_key(text);
DROP FUNCTION auth.digests_equal(bytea,bytea);
DROP FUNCTION auth.keep_leased_requests(uuid,timestamptz,int4);
DROP FUNCTION auth.take_leased_request(uuid,timestamptz);

COMMIT;
