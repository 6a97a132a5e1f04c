-- Deploy neuronplane:auth/read_only_refusal to pg
-- requires: auth/cookie_requests
-- requires: auth/sessions
-- requires: hooks
-- requires: roles

BEGIN;

-- PostgREST runs GET and HEAD in a read-only transaction. A function that must write (log
-- in, refresh, count, audit) then failed at its first write: which write that was showed in
-- the answer (for api.login: a wrong password's INSERT, a right one's DELETE), and what it
-- had counted rolled back with it, so GET /rpc/login was a password oracle that skipped
-- lockout and audit. Now the pre-request hook refuses a GET or HEAD of any VOLATILE api
-- function before anything runs: one answer (405, Allow: POST, code 25006) whatever the
-- arguments. A function's volatility is the one statement of whether it writes (STYLE:
-- volatility must be true). api.login also refuses a read-only transaction by itself, for
-- SQL callers.

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

CREATE OR REPLACE FUNCTION api.login(username_or_email text, password text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ip inet := auth.request_ip();
    ua text := auth.request_user_agent();
    attempt record;
BEGIN
    -- Before anything: in a read-only transaction the login would fail at its first write,
    -- which differs for a right and a wrong password, and its counters would roll back.
    PERFORM auth.require_read_write('api.login');
    SELECT * INTO attempt
      FROM auth.attempt_password_login(username_or_email, password, ip, ua);
    CASE attempt.outcome
    WHEN 'ok' THEN
        RETURN auth.create_session(attempt.user_id, 'password', ip, ua);
    WHEN 'locked' THEN
        RETURN auth.error_response(429, 'locked', '28P01',
                                   'too many failed logins; try again later', attempt.retry_after);
    WHEN 'rate_limited' THEN
        RETURN auth.error_response(429, 'rate_limited', '53400',
                                   'too many login attempts from this address; try again later',
                                   attempt.retry_after);
    ELSE
        RETURN auth.error_response(401, 'invalid_grant', '28P01', 'invalid username or password');
    END CASE;
END
$$;
COMMENT ON FUNCTION api.login(text, text) IS
$$Log in with a username (or e-mail) and password. Answers {access_token, token_type, expires_in, expires_at, refresh_token, session_id, principal_id, principal_type}; or, with HTTP 401, {error: "invalid_grant", code: "28P01", message} — the same whether or not the account exists; or, with HTTP 429 and Retry-After, {error: "locked" | "rate_limited", retry_after}. Failed logins count towards the account's and the address's lockout.$$;

REVOKE ALL ON FUNCTION auth.require_read_write(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION hooks.refuse_read_only_write() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hooks.refuse_read_only_write() TO anon, authenticated, service;

COMMIT;
