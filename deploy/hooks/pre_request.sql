-- Deploy neuronplane:hooks/pre_request to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

CREATE FUNCTION auth.require_read_write(what text)
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF current_setting('transaction_read_only') = 'on' THEN
        RAISE EXCEPTION '% changes data and cannot run in a read-only transaction', what
            USING ERRCODE = '25006',
                  HINT = 'Call it in a read-write transaction (over HTTP: POST, not GET or HEAD).';
    END IF;
END
$$;
COMMENT ON FUNCTION auth.require_read_write(text) IS
    'Raises 25006 in a read-only transaction, before a function that must write does anything. Granted to no one: definer functions call it.';

-- For hooks.pre_request(): GET and HEAD of a function that changes data. SECURITY INVOKER:
-- it reads only the catalog and the request's settings.
CREATE FUNCTION hooks.refuse_read_only_write()
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    fn text;
BEGIN
    IF current_setting('transaction_read_only') <> 'on' THEN
        RETURN;
    END IF;
    fn := substring(current_setting('request.path', true) FROM '^/rpc/([A-Za-z_][A-Za-z0-9_]*)$');
    IF fn IS NULL OR NOT EXISTS (SELECT FROM pg_proc p
                                  WHERE p.pronamespace = 'api'::regnamespace
                                    AND p.proname = fn AND p.provolatile = 'v') THEN
        RETURN;
    END IF;
    RAISE SQLSTATE 'PGRST'
        USING MESSAGE = jsonb_build_object(
                  'code', '25006', 'message', format('api.%s changes data: call it with POST', fn),
                  'details', NULL,
                  'hint', 'GET and HEAD run in a read-only transaction; send the arguments as a JSON body with POST.')::text,
              DETAIL = jsonb_build_object('status', 405,
                                          'headers', jsonb_build_object('Allow', 'POST'))::text;
END
$$;
COMMENT ON FUNCTION hooks.refuse_read_only_write() IS
    'For hooks.pre_request(): in a read-only transaction (PostgREST''s GET and HEAD), a call of a VOLATILE api function is refused with 405 (Allow: POST, code 25006) before it runs.';

REVOKE ALL ON FUNCTION auth.require_read_write(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION hooks.refuse_read_only_write() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hooks.refuse_read_only_write() TO anon, authenticated, service;


CREATE FUNCTION hooks.refuse_read_only_view_write()
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rel    text := substring(current_setting('request.path', true) FROM '^/([A-Za-z_][A-Za-z0-9_]*)$');
    method text := upper(coalesce(current_setting('request.method', true), ''));
    need   integer;
    view   oid;
BEGIN
    -- pg_relation_is_updatable()'s bits: 4 UPDATE, 8 INSERT, 16 DELETE.
    need := CASE method WHEN 'POST' THEN 8 WHEN 'PATCH' THEN 4 WHEN 'PUT' THEN 12
                        WHEN 'DELETE' THEN 16 END;
    IF rel IS NULL OR need IS NULL THEN
        RETURN;
    END IF;
    SELECT c.oid INTO view FROM pg_class c
     WHERE c.relnamespace = 'api'::regnamespace AND c.relname = rel AND c.relkind = 'v';
    IF view IS NULL OR pg_relation_is_updatable(view, true) & need = need THEN
        RETURN;
    END IF;
    RAISE SQLSTATE 'PGRST'
        USING MESSAGE = jsonb_build_object(
                  'code', '42809', 'message', format('api.%s is read-only: it does not take %s', rel, method),
                  'details', NULL, 'hint', 'Read it with GET.')::text,
              DETAIL = jsonb_build_object('status', 405,
                                          'headers', jsonb_build_object('Allow', 'GET, HEAD'))::text;
END
$$;
COMMENT ON FUNCTION hooks.refuse_read_only_view_write() IS
    'For hooks.pre_request(): a POST, PATCH, PUT or DELETE on an api view that cannot take it (pg_relation_is_updatable()) is refused with 405 (Allow: GET, HEAD; code 42809) before it runs.';
REVOKE ALL ON FUNCTION hooks.refuse_read_only_view_write() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hooks.refuse_read_only_view_write() TO anon, authenticated, service;


-- PostgREST's db-pre-request: an access token whose session was revoked (logout, reuse,
-- password change) is refused on its next request, although its signature and expiry are
-- still good. One primary-key probe per request that carries a token.
-- SECURITY DEFINER: it runs as the request's role, anon included, which cannot read
-- sessions.
CREATE FUNCTION hooks.pre_request()
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
    PERFORM hooks.refuse_read_only_view_write();
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
    'PostgREST db-pre-request: a GET or HEAD of an api function that changes data, and a write to a read-only api view, are refused first (405, 25006 / 42809); then a request with X-API-Key becomes the key''s principal (401 refused key, 429 over the limit); one with an Authorization header: refuses (401) tokens that are not ours and tokens of ended sessions; one with only the np_access cookie (a browser logged in through the glue) becomes the cookie token''s principal (401 bad token or ended session, 403 a write without X-CSRF-Token).';

GRANT EXECUTE ON FUNCTION hooks.pre_request() TO anon, authenticated, service;

RESET ROLE;

COMMIT;
