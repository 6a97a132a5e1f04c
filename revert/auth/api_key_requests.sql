-- Revert neuronplane:auth/api_key_requests from pg

BEGIN;

DO $$
BEGIN
    PERFORM cron.unschedule(j.jobid) FROM cron.job j
      WHERE j.jobname = 'neuronplane-api-key-rejections';
END
$$;

SET LOCAL ROLE neuronplane_owner;

-- The pre-request hook as auth/sessions made it.
CREATE OR REPLACE FUNCTION hooks.pre_request()
RETURNS void
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sid uuid := auth.current_session_id();
BEGIN
    -- The token's issuer, audience, expiry and key, which PostgREST does not check (401).
    PERFORM auth.check_access_token();
    IF sid IS NOT NULL AND NOT auth.session_is_active(sid) THEN
        RAISE SQLSTATE 'PT401' USING
            MESSAGE = 'the session of this access token has ended',
            HINT = 'Log in again, or refresh with a valid refresh token.';
    END IF;
END
$$;
COMMENT ON FUNCTION hooks.pre_request() IS
    'PostgREST db-pre-request: refuses (401) access tokens of revoked or expired sessions.';

DROP FUNCTION hooks.authenticate_api_key_request(text);
DROP FUNCTION hooks.check_access_token();
DROP TRIGGER api_keys_use_keeps_updated_at ON identity.api_keys;
DROP FUNCTION identity.tg_api_keys__keep_updated_at();
DROP FUNCTION auth.purge_api_key_rejections();
DROP FUNCTION auth.record_api_key_rejection(uuid, text, text, inet, text, text);
DROP FUNCTION auth.count_api_key_request(uuid, integer, integer, boolean, inet, text, text);
DROP FUNCTION auth.api_key_lease_size(integer);
DROP FUNCTION auth.rate_limit_retry_after(timestamptz, timestamptz);
DROP FUNCTION auth.autonomous(text);
DROP FUNCTION auth.autonomous_conninfo();
DROP FUNCTION auth.authenticate_api_key(text);
DROP FUNCTION auth.check_api_key(text);
DROP FUNCTION auth.digests_equal(bytea, bytea);
DROP TABLE auth.api_key_rejections;
DROP TABLE auth.api_key_request_counts;
DROP TABLE auth.autonomous_logins;
DELETE FROM audit.actions WHERE action = 'api_key.rejected';

DROP FUNCTION auth.keep_leased_requests(uuid, timestamptz, integer);
DROP FUNCTION auth.take_leased_request(uuid, timestamptz);

RESET ROLE;

REVOKE service, authenticated FROM anon;
REVOKE USAGE ON SCHEMA auth FROM neuronplane_autonomous;
DROP ROLE neuronplane_autonomous;
DROP EXTENSION dblink;

COMMIT;
