-- Revert neuronplane:auth/revoke_session_argument from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- As auth/sessions made it.
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
    IF auth.revoke_sessions(caller, 'revoked', only_session => session_id) = 0 THEN
        RAISE EXCEPTION 'you have no live session %', session_id USING ERRCODE = '42704';
    END IF;
    PERFORM identity.audit('auth.session.revoked', 'session', session_id::text);
END
$$;
COMMENT ON FUNCTION api.revoke_session(uuid) IS
$$End one of your sessions (see api.sessions()). Errors: 42704 no such live session of yours, 28000.$$;

COMMIT;
