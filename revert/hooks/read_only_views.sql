-- Revert neuronplane:hooks/read_only_views from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- hooks.pre_request() as auth/read_only_refusal made it.
CREATE OR REPLACE FUNCTION hooks.pre_request()
RETURNS void
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    headers jsonb := coalesce(nullif(current_setting('request.headers', true), '')::jsonb, '{}');
    key text := headers ->> 'x-api-key';
    cookie text;
    who record;
BEGIN
    PERFORM hooks.refuse_read_only_write();
    IF key IS NOT NULL THEN
        SELECT * INTO who FROM hooks.authenticate_api_key_request(key);
        PERFORM set_config('request.jwt.claims', who.claims::text, true),
                set_config('role', who.role, true);
        RETURN;
    END IF;
    IF NOT headers ? 'authorization' THEN
        cookie := nullif(current_setting('request.cookies', true), '')::jsonb ->> 'np_access';
        IF cookie IS NOT NULL THEN
            SELECT * INTO who FROM hooks.authenticate_cookie_request(
                cookie, headers ->> 'x-csrf-token', current_setting('request.method', true));
            PERFORM set_config('request.jwt.claims', who.claims::text, true),
                    set_config('role', who.role, true);
            RETURN;
        END IF;
    END IF;
    PERFORM hooks.check_access_token();
END
$$;
COMMENT ON FUNCTION hooks.pre_request() IS
    'PostgREST db-pre-request: a GET or HEAD of an api function that changes data is refused first (405, 25006); then a request with X-API-Key becomes the key''s principal (401 refused key, 429 over the limit); one with an Authorization header: refuses (401) tokens that are not ours and tokens of ended sessions; one with only the np_access cookie (a browser logged in through the glue) becomes the cookie token''s principal (401 bad token or ended session, 403 a write without X-CSRF-Token).';

DROP FUNCTION hooks.refuse_read_only_view_write();

COMMIT;
