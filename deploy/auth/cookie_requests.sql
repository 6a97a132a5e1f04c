-- Deploy neuronplane:auth/cookie_requests to pg
-- requires: auth/oidc
-- requires: auth/api_key_requests
-- requires: hooks
-- requires: roles

BEGIN;

-- A browser that logged in through the glue (docs/oidc.md) holds its access token in the
-- HttpOnly cookie np_access, which PostgREST 12 does not read: it verifies only the
-- Authorization header. The pre-request hook does it instead, for a request that has
-- neither Authorization nor X-API-Key: it verifies the cookie's token (ES256 against the
-- published keys, our iss and aud, not expired), checks its session, and switches the
-- request's role and claims as for an API key. A request that may change something
-- (any method but GET, HEAD and OPTIONS) must also carry the session's CSRF token in
-- X-CSRF-Token (the browser reads it from the np_csrf cookie, which a page of another
-- site cannot read): a cross-site form or fetch that rides on the cookie is refused (403).
-- A request with an Authorization header or an API key ignores the cookies: a header
-- cannot be set by another site, so it needs no CSRF token.

SET LOCAL ROLE neuronplane_owner;

-- The role and claims of a request authenticated by the np_access cookie; 401 for a bad or
-- expired token or an ended session, 403 for a write without the CSRF token.
-- SECURITY DEFINER: verifying reads the signing keys and sessions, which API roles cannot.
CREATE FUNCTION hooks.authenticate_cookie_request(token text, csrf_token text, method text,
                                                  OUT role text, OUT claims jsonb)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sid uuid;
BEGIN
    claims := auth.verify_access_token(token);
    IF claims IS NULL OR claims ->> 'role' NOT IN ('authenticated', 'service') THEN
        RAISE SQLSTATE 'PGRST'
            USING MESSAGE = jsonb_build_object(
                      'code', '28000', 'message', 'the np_access cookie holds no valid access token',
                      'details', NULL, 'hint', 'Refresh (POST /auth/refresh) or log in again.')::text,
                  DETAIL = jsonb_build_object('status', 401, 'headers', '{}'::jsonb)::text;
    END IF;
    sid := CASE WHEN claims ->> 'sid' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                THEN (claims ->> 'sid')::uuid END;
    IF sid IS NULL OR NOT auth.session_is_active(sid) THEN
        RAISE SQLSTATE 'PT401' USING
            MESSAGE = 'the session of this access token has ended',
            HINT = 'Log in again, or refresh with a valid refresh token.';
    END IF;
    IF upper(coalesce(method, '')) NOT IN ('GET', 'HEAD', 'OPTIONS')
       AND NOT auth.csrf_ok(sid, csrf_token) THEN
        RAISE SQLSTATE 'PT403' USING
            MESSAGE = 'a request authenticated by cookie that changes something needs the X-CSRF-Token header',
            HINT = 'Send the value of the np_csrf cookie in X-CSRF-Token.';
    END IF;
    role := claims ->> 'role';
END
$$;
COMMENT ON FUNCTION hooks.authenticate_cookie_request(text, text, text) IS
    'For hooks.pre_request(): the role and claims of a request authenticated by the np_access cookie (401 invalid token or ended session, 403 a write without the session''s X-CSRF-Token).';

-- PostgREST's db-pre-request: X-API-Key (as auth/api_key_requests made it), else an
-- Authorization header (the token checks), else the np_access cookie, else anonymous.
-- SECURITY INVOKER: a SECURITY DEFINER function may not change the role.
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
    'PostgREST db-pre-request: a request with X-API-Key becomes the key''s principal (401 refused key, 429 over the limit); one with an Authorization header: refuses (401) tokens that are not ours and tokens of ended sessions; one with only the np_access cookie (a browser logged in through the glue) becomes the cookie token''s principal (401 bad token or ended session, 403 a write without X-CSRF-Token).';

GRANT EXECUTE ON FUNCTION hooks.authenticate_cookie_request(text, text, text) TO anon, authenticated, service;

COMMIT;
