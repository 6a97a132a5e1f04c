-- Revert neuronplane:auth/token_session_binding from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- As auth/api_key_requests and auth/csrf_refusal_audit made them.
CREATE OR REPLACE FUNCTION hooks.check_access_token()
RETURNS void
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sid uuid := auth.current_session_id();
BEGIN
    PERFORM auth.check_access_token();
    IF sid IS NOT NULL AND NOT auth.session_is_active(sid) THEN
        RAISE SQLSTATE 'PT401' USING
            MESSAGE = 'the session of this access token has ended',
            HINT = 'Log in again, or refresh with a valid refresh token.';
    END IF;
END
$$;
COMMENT ON FUNCTION hooks.check_access_token() IS
    'For hooks.pre_request(): refuses (401) tokens PostgREST let through that are not ours (issuer, audience, expiry, key) and tokens of revoked or expired sessions.';

CREATE OR REPLACE FUNCTION hooks.authenticate_cookie_request(token text, csrf_token text, method text,
                                                  OUT role text, OUT claims jsonb)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sid uuid;
    headers jsonb;
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
        -- Audited through the autonomous connection: the refusal rolls this transaction
        -- back. If that connection cannot be had, the request is still refused (403), and
        -- the server log says why the event is missing.
        BEGIN
            headers := coalesce(nullif(current_setting('request.headers', true), '')::jsonb, '{}');
            PERFORM auth.autonomous(format(
                'SELECT auth.record_csrf_refusal(%L, %L, %L, %L, %L, %L, %L, %L)',
                sid, claims ->> 'sub', claims ->> 'principal_type', upper(method),
                left(current_setting('request.path', true), 512), audit.client_ip(headers),
                left(headers ->> 'user-agent', 512), left(headers ->> 'x-request-id', 128)));
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'neuronplane: a CSRF refusal of session % was not audited: %', sid, SQLERRM;
        END;
        RAISE SQLSTATE 'PT403' USING
            MESSAGE = 'a request authenticated by cookie that changes something needs the X-CSRF-Token header',
            HINT = 'Send the value of the np_csrf cookie in X-CSRF-Token.';
    END IF;
    role := claims ->> 'role';
END
$$;


DROP FUNCTION auth.session_is_live_for(uuid, text);

COMMIT;
