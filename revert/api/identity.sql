-- Revert neuronplane:api/identity from pg
-- Back to v0.3.0: no invitations; api.add_member adds the user directly.

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION api.decline_invitation(uuid);
DROP FUNCTION api.accept_invitation(uuid);
DROP FUNCTION api.revoke_invitation(uuid);
DROP FUNCTION api.add_member(uuid, uuid, text);
DROP FUNCTION api.invite_member(uuid, uuid, text, text, integer);
DROP VIEW api.invitations;

COMMENT ON VIEW api.memberships IS
$$Members of the organizations you can read. Change with /rpc/add_member, /rpc/change_member_role and /rpc/remove_member.$$;

CREATE FUNCTION api.add_member(org_id uuid, user_id uuid, role text DEFAULT 'member')
RETURNS api.memberships
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    result api.memberships;
BEGIN
    PERFORM identity.add_member(org_id, user_id, role);
    SELECT * INTO result FROM api.memberships m
     WHERE m.org_id = add_member.org_id AND m.user_id = add_member.user_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.add_member(uuid, uuid, text) IS
$$Add a user to an organization (owners and admins; only owners add owners). Errors: 42501, 23503 no such user, 23505 already a member, 22023 bad role.$$;

GRANT EXECUTE ON FUNCTION api.add_member(uuid, uuid, text) TO authenticated, service;

RESET ROLE;

COMMIT;
