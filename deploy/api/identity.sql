-- Deploy neuronplane:api/identity to pg
-- Reworked after v0.3.0: organization invitations through the API; api.add_member invites
-- the user instead of adding them (the membership exists once they accept).

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- status reads expired for a pending invitation past its expiry: the row changes only
-- when somebody acts on it.
CREATE VIEW api.invitations WITH (security_invoker = true) AS
SELECT i.id, i.org_id, i.invitee_user_id, i.invitee_email, i.role, i.invited_by,
       CASE WHEN i.status = 'pending' AND i.expires_at <= now() THEN 'expired'
            ELSE i.status END AS status,
       i.created_at, i.expires_at, i.responded_at
  FROM identity.org_invitations i;
COMMENT ON VIEW api.invitations IS
$$Invitations to join an organization: those of the organizations you administer, and those addressed to you (your user id or your e-mail address). Invite with /rpc/invite_member (or /rpc/add_member), withdraw with /rpc/revoke_invitation; the invitee answers with /rpc/accept_invitation or /rpc/decline_invitation.$$;
COMMENT ON COLUMN api.invitations.id IS 'Invitation id.';
COMMENT ON COLUMN api.invitations.org_id IS 'The organization.';
COMMENT ON COLUMN api.invitations.invitee_user_id IS 'The user invited by id (NULL when invited by e-mail).';
COMMENT ON COLUMN api.invitations.invitee_email IS 'The e-mail address invited (NULL when invited by user id).';
COMMENT ON COLUMN api.invitations.role IS 'The role accepting gives: owner, admin, member, viewer or another catalogue role.';
COMMENT ON COLUMN api.invitations.invited_by IS 'Who invited.';
COMMENT ON COLUMN api.invitations.status IS 'pending, accepted, declined, revoked or expired.';
COMMENT ON COLUMN api.invitations.created_at IS 'When it was sent.';
COMMENT ON COLUMN api.invitations.expires_at IS 'After this it can no longer be accepted.';
COMMENT ON COLUMN api.invitations.responded_at IS 'When it was accepted, declined or revoked.';
GRANT SELECT ON api.invitations TO authenticated, service;

COMMENT ON VIEW api.memberships IS
$$Members of the organizations you can read. Invite with /rpc/invite_member (a person becomes a member by accepting); change with /rpc/change_member_role and /rpc/remove_member.$$;

CREATE FUNCTION api.invite_member(org_id uuid, user_id uuid DEFAULT NULL, email text DEFAULT NULL,
                                  role text DEFAULT 'member', valid_days integer DEFAULT 7)
RETURNS api.invitations
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := identity.invite_member(org_id, user_id, email, role, valid_days);
    result api.invitations;
BEGIN
    SELECT * INTO result FROM api.invitations i WHERE i.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.invite_member(uuid, uuid, text, text, integer) IS
$$Invite a person to an organization by user_id or by email (one of them), with the role accepting gives (owners and admins; only owners invite owners). The invitation expires after valid_days (1 to 30, default 7). You see nothing of the person until they accept. Errors: 42501, 22023 bad role, both or neither of user_id and email, bad e-mail or valid_days, 23503 no such user id, 23505 already a member or already invited.$$;

-- add_member keeps its arguments; it no longer makes anybody a member without consent.
DROP FUNCTION api.add_member(uuid, uuid, text);
CREATE FUNCTION api.add_member(org_id uuid, user_id uuid, role text DEFAULT 'member')
RETURNS api.invitations
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id uuid := identity.invite_member(org_id, user_id, NULL, role, 7);
    result api.invitations;
BEGIN
    SELECT * INTO result FROM api.invitations i WHERE i.id = new_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.add_member(uuid, uuid, text) IS
$$Invite a user, by id, to an organization: the same as /rpc/invite_member with user_id (7 days). The user becomes a member only by accepting (/rpc/accept_invitation); until then you see nothing of them. Answers the invitation. Errors: 42501, 23503 no such user, 23505 already a member or already invited, 22023 bad role.$$;

CREATE FUNCTION api.revoke_invitation(invitation_id uuid)
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT identity.revoke_invitation(invitation_id)
$$;
COMMENT ON FUNCTION api.revoke_invitation(uuid) IS
$$Withdraw a pending invitation (the organization's owners and admins; only owners withdraw an invitation to the owner role). Errors: 42501, 42704 no such invitation, PT409 (HTTP 409) no longer pending.$$;

CREATE FUNCTION api.accept_invitation(invitation_id uuid)
RETURNS api.memberships
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    result api.memberships;
BEGIN
    PERFORM identity.accept_invitation(invitation_id);
    SELECT m.* INTO result
      FROM api.memberships m JOIN api.invitations i ON i.org_id = m.org_id
     WHERE i.id = invitation_id AND m.user_id = identity.current_principal_id();
    RETURN result;
END
$$;
COMMENT ON FUNCTION api.accept_invitation(uuid) IS
$$Accept an invitation addressed to you (your user id or your e-mail address): you become a member with its role. Answers the membership. Errors: 42704 no such invitation for you, PT409 (HTTP 409) expired, revoked or already answered, 23505 already a member, 42501 disabled or an API key without the admin role.$$;

CREATE FUNCTION api.decline_invitation(invitation_id uuid)
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT identity.decline_invitation(invitation_id)
$$;
COMMENT ON FUNCTION api.decline_invitation(uuid) IS
$$Decline an invitation addressed to you. Errors: 42704 no such invitation for you, PT409 (HTTP 409) expired, revoked or already answered, 42501.$$;

GRANT EXECUTE ON FUNCTION
    api.invite_member(uuid, uuid, text, text, integer),
    api.add_member(uuid, uuid, text),
    api.revoke_invitation(uuid),
    api.accept_invitation(uuid),
    api.decline_invitation(uuid)
   TO authenticated, service;

RESET ROLE;

COMMIT;
