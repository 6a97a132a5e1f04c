-- Revert neuronplane:identity/manage from pg
-- Back to v0.3.0: identity.add_member() adds members directly again.

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION identity.decline_invitation(uuid);
DROP FUNCTION identity.accept_invitation(uuid);
DROP FUNCTION identity.require_invitee(identity.org_invitations);
DROP FUNCTION identity.revoke_invitation(uuid);
DROP FUNCTION identity.require_pending(identity.org_invitations);
DROP FUNCTION identity.lock_invitation(uuid);
DROP FUNCTION identity.invite_member(uuid, uuid, text, text, integer);

CREATE FUNCTION identity.add_member(org_id uuid, user_id uuid, role text DEFAULT 'member')
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
BEGIN
    PERFORM identity.check_role(role);
    PERFORM identity.require_member_admin(org_id, role);
    IF NOT EXISTS (SELECT FROM identity.users u WHERE u.id = add_member.user_id) THEN
        RAISE EXCEPTION 'there is no user with id %', user_id USING ERRCODE = '23503';
    END IF;
    BEGIN
        INSERT INTO identity.org_memberships (org_id, user_id, role)
        VALUES (add_member.org_id, add_member.user_id, add_member.role);
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'user % is already a member of organization %', user_id, org_id
            USING ERRCODE = '23505', HINT = 'Use change_member_role to change the role.';
    END;
    PERFORM identity.audit('identity.membership.changed', 'org', org_id::text,
                           jsonb_build_object('user_id', user_id, 'role', role, 'change', 'added'),
                           org_id);
    RETURN;
END
$$;
COMMENT ON FUNCTION identity.add_member(uuid,uuid,text) IS
    'What api.add_member() does (see its comment there); only that endpoint calls it.';

RESET ROLE;

COMMIT;
