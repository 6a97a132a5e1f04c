-- Deploy neuronplane:auth/revoke_session_argument to pg
-- requires: auth/sessions

BEGIN;

-- api.revoke_session(NULL) ended every session of the caller (auth.revoke_sessions() takes
-- a NULL only_session as "all") and audited a NULL resource; docs/auth.md says it ends one
-- session or answers 42704. A missing id is now refused (22004, HTTP 400).

SET LOCAL ROLE neuronplane_owner;

CREATE OR REPLACE FUNCTION api.revoke_session(session_id uuid)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
BEGIN
    -- auth.revoke_sessions() reads a NULL only_session as "every session".
    IF session_id IS NULL THEN
        RAISE EXCEPTION 'session_id is required: give the id of one of your sessions'
            USING ERRCODE = '22004',
                  HINT = 'api.sessions() lists them; api.logout_all() ends them all.';
    END IF;
    IF auth.revoke_sessions(caller, 'revoked', only_session => session_id) = 0 THEN
        RAISE EXCEPTION 'you have no live session %', session_id USING ERRCODE = '42704';
    END IF;
    PERFORM identity.audit('auth.session.revoked', 'session', session_id::text);
END
$$;
COMMENT ON FUNCTION api.revoke_session(uuid) IS
$$End one of your sessions (see api.sessions()). Errors: 22004 no session_id (HTTP 400), 42704 no such live session of yours, 28000.$$;

COMMIT;
