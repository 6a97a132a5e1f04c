-- Revert neuronplane:auth/read_only_refusal from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- hooks.pre_request() as auth/cookie_requests made it, api.login() as auth/sessions did.
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

DROP FUNCTION hooks.refuse_read_only_write();
DROP FUNCTION auth.require_read_write(text);

COMMIT;
