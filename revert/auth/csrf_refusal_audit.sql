-- Revert neuronplane:auth/csrf_refusal_audit from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

CREATE OR REPLACE FUNCTION hooks.authenticate_cookie_request(token text, csrf_token text, method text,
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

DROP FUNCTION auth.record_csrf_refusal(uuid, uuid, text, text, text, inet, text, text);

-- Events already written keep their action; its description goes back.
UPDATE audit.actions
   SET description = 'A cookie-authenticated refresh or logout at the glue came without its session''s CSRF token.'
 WHERE action = 'auth.csrf.refused';

COMMIT;
