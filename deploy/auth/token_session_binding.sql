-- Deploy neuronplane:auth/token_session_binding to pg
-- requires: auth/api_key_requests
-- requires: auth/csrf_refusal_audit
-- requires: auth/sessions

BEGIN;

-- An access token was accepted when its sid was missing, named another principal's session,
-- or its sub named no principal: the hook checked only that a sid, when present, was live.
-- Every access token this server issues carries the sid of a session of its sub
-- (auth.token_response()), so the pre-request hook now requires exactly that, for bearer
-- tokens and for the np_access cookie alike: sid present, a live session, and that
-- session's principal is sub. One more primary-key probe, in the same row.

SET LOCAL ROLE neuronplane_owner;

-- True while the session is live (auth.session_is_active(), the one rule of liveness) and
-- belongs to the principal. sub arrives as text from the claims: anything but a uuid is
-- nobody's. SECURITY DEFINER: the hook runs as the request's role, which cannot read sessions.
CREATE FUNCTION auth.session_is_live_for(session_id uuid, sub text)
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(sub ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', false)
       AND EXISTS (SELECT FROM auth.sessions s
                    WHERE s.id = session_is_live_for.session_id
                      AND s.principal_id = session_is_live_for.sub::uuid)
       AND auth.session_is_active(session_is_live_for.session_id)
$$;
COMMENT ON FUNCTION auth.session_is_live_for(uuid, text) IS
    'True while the session is live (auth.session_is_active()) and is a session of the principal sub.';

-- hooks.check_access_token(): as auth/api_key_requests made it, and a token must name a live
-- session of its own subject.
CREATE OR REPLACE FUNCTION hooks.check_access_token()
RETURNS void
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sid uuid := auth.current_session_id();
    claims jsonb;
BEGIN
    PERFORM auth.check_access_token();
    claims := coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb, '{}');
    IF NOT (claims ?| ARRAY['sub', 'sid'])
       AND coalesce(nullif(current_setting('request.headers', true), '')::jsonb ->> 'authorization', '')
           !~* '^bearer\s+\S' THEN
        RETURN;  -- anonymous: no token, no claims of one
    END IF;
    IF sid IS NOT NULL AND auth.session_is_active(sid) AND NOT auth.session_is_live_for(sid, claims ->> 'sub') THEN
        sid := NULL;  -- another principal's session: no session of this token's subject
    END IF;
    IF sid IS NULL THEN
        RAISE SQLSTATE 'PT401' USING
            MESSAGE = 'the access token names no session of its subject',
            HINT = 'Use a token issued by api.login or api.refresh.';
    END IF;
    IF NOT auth.session_is_active(sid) THEN
        RAISE SQLSTATE 'PT401' USING
            MESSAGE = 'the session of this access token has ended',
            HINT = 'Log in again, or refresh with a valid refresh token.';
    END IF;
END
$$;
COMMENT ON FUNCTION hooks.check_access_token() IS
    'For hooks.pre_request(): refuses (401) tokens PostgREST let through that are not ours (issuer, audience, expiry, key), tokens without a session of their own subject (sid missing, another principal''s, or sub no principal), and tokens of revoked or expired sessions.';

-- hooks.authenticate_cookie_request(): as auth/csrf_refusal_audit made it, and the session
-- must be the token subject's.
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


REVOKE ALL ON FUNCTION auth.session_is_live_for(uuid, text) FROM PUBLIC;

COMMIT;
