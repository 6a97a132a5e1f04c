-- Revert neuronplane:auth/cookie_requests from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The pre-request hook as auth/api_key_requests made it.
CREATE OR REPLACE FUNCTION hooks.pre_request()
RETURNS void
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    key text := nullif(current_setting('request.headers', true), '')::jsonb ->> 'x-api-key';
    who record;
BEGIN
    IF key IS NULL THEN
        PERFORM hooks.check_access_token();
        RETURN;
    END IF;
    SELECT * INTO who FROM hooks.authenticate_api_key_request(key);
    PERFORM set_config('request.jwt.claims', who.claims::text, true),
            set_config('role', who.role, true);
END
$$;
COMMENT ON FUNCTION hooks.pre_request() IS
    'PostgREST db-pre-request: a request with X-API-Key becomes the key''s principal (role and claims), counted against the key''s rate limit (401 refused key, 429 over the limit); other requests: refuses (401) tokens that are not ours and tokens of revoked or expired sessions.';

DROP FUNCTION hooks.authenticate_cookie_request(text, text, text);

COMMIT;
