-- Deploy neuronplane:auth/cookie_requests to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- hooks.authenticate_cookie_request(): as auth/csrf_refusal_audit made it, and the session
-- must be the token subject's.
CREATE FUNCTION hooks.authenticate_cookie_request(token text, csrf_token text, method text,
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
    IF sid IS NULL OR NOT auth.session_is_live_for(sid, claims ->> 'sub') THEN
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
COMMENT ON FUNCTION hooks.authenticate_cookie_request(text, text, text) IS
    'For hooks.pre_request(): the role and claims of a request authenticated by the np_access cookie (401 invalid token or ended session, 403 a write without the session''s X-CSRF-Token).';

GRANT EXECUTE ON FUNCTION hooks.authenticate_cookie_request(text, text, text) TO anon, authenticated, service;


-- Run on the autonomous connection: audit a CSRF refusal of the pre-request hook
-- (auth.csrf.refused, details method and path), unless one of the same session was audited
-- within the last minute: a page of another site that makes a victim's browser post in a
-- loop writes one event a minute, not one per request. Refusals of one session take turns
-- (an advisory lock), so two at once write one event.
-- SECURITY DEFINER: neuronplane_autonomous may run it, and nothing else of auth.
CREATE FUNCTION auth.record_csrf_refusal(session_id uuid, principal_id uuid,
                                         principal_type text, method text, path text,
                                         ip inet, user_agent text, request_id text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('auth.csrf.refused:' || session_id, 0));
    IF EXISTS (SELECT FROM audit.events e
                WHERE e.principal_id = record_csrf_refusal.principal_id
                  AND e.occurred_at > clock_timestamp() - interval '1 minute'
                  AND e.action = 'auth.csrf.refused'
                  AND e.resource_id = session_id::text) THEN
        RETURN jsonb_build_object('audited', false);
    END IF;
    PERFORM set_config('request.headers', '{}', true);  -- as in auth.record_api_key_rejection()
    PERFORM audit.record('auth.csrf.refused', 'denied', 'session', session_id::text,
                         jsonb_build_object('method', method, 'path', path, 'via', 'postgrest'),
                         principal_id, principal_type,
                         ip => ip, user_agent => user_agent, request_id => request_id);
    RETURN jsonb_build_object('audited', true);
END
$$;
COMMENT ON FUNCTION auth.record_csrf_refusal(uuid, uuid, text, text, text, inet, text, text) IS
    'Autonomous side of a CSRF refusal at PostgREST: audits auth.csrf.refused (method, path), the first of each minute per session. Returns {audited}.';
REVOKE ALL ON FUNCTION auth.record_csrf_refusal(uuid, uuid, text, text, text, inet, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth.record_csrf_refusal(uuid, uuid, text, text, text, inet, text, text)
   TO neuronplane_autonomous;

RESET ROLE;

COMMIT;
