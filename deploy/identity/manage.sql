-- Deploy neuronplane:identity/manage to pg
-- Reworked after v0.3.0: nobody is added to an organization without consent. An
-- administrator invites (by user id or e-mail), the invitee accepts or declines;
-- identity.add_member(), which inserted the membership directly, is gone (api.add_member
-- now invites by user id).

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION identity.add_member(uuid, uuid, text);

-- Invitations ---------------------------------------------------------------------------------

-- Every argument is checked before the row is written. What the organization learns is
-- only what it typed: inviting an e-mail address says nothing of whether a user has it.
-- A pending invitation past its expiry is marked expired when a new one replaces it.
CREATE FUNCTION identity.invite_member(org_id uuid, user_id uuid DEFAULT NULL,
                                       email text DEFAULT NULL, role text DEFAULT 'member',
                                       valid_days integer DEFAULT 7)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid;
    v_email extensions.citext;
    v_id uuid;
BEGIN
    PERFORM identity.check_role(role);
    caller := identity.require_member_admin(org_id, role);
    IF num_nonnulls(user_id, email) <> 1 THEN
        RAISE EXCEPTION 'name the person to invite by user_id or by email, not both'
            USING ERRCODE = '22023';
    END IF;
    IF valid_days IS NULL OR valid_days NOT BETWEEN 1 AND 30 THEN
        RAISE EXCEPTION 'valid_days must be between 1 and 30'
            USING ERRCODE = '22023';
    END IF;
    IF email IS NOT NULL THEN
        IF length(email) > 254
           OR email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' THEN
            RAISE EXCEPTION 'email is not an e-mail address'
                USING ERRCODE = '22023';
        END IF;
        v_email := email::extensions.citext;
    ELSIF NOT EXISTS (SELECT FROM identity.users u WHERE u.id = invite_member.user_id) THEN
        RAISE EXCEPTION 'there is no user with id %', user_id USING ERRCODE = '23503';
    END IF;
    -- Already a member: the organization can see its members anyway.
    IF EXISTS (SELECT FROM identity.org_memberships m JOIN identity.users u ON u.id = m.user_id
                WHERE m.org_id = invite_member.org_id
                  AND (u.id = invite_member.user_id
                       OR u.email OPERATOR(extensions.=) v_email)) THEN
        RAISE EXCEPTION 'this person is already a member of organization %', org_id
            USING ERRCODE = '23505', HINT = 'Use change_member_role to change the role.';
    END IF;
    UPDATE identity.org_invitations i SET status = 'expired', responded_at = now()
     WHERE i.org_id = invite_member.org_id AND i.status = 'pending' AND i.expires_at <= now()
       AND (i.invitee_user_id = invite_member.user_id
            OR i.invitee_email OPERATOR(extensions.=) v_email);
    BEGIN
        INSERT INTO identity.org_invitations (org_id, invitee_user_id, invitee_email, role,
                                              invited_by, expires_at)
        VALUES (invite_member.org_id, invite_member.user_id, v_email, invite_member.role,
                caller, now() + make_interval(days => valid_days))
        RETURNING id INTO v_id;
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'this person already has a pending invitation to organization %', org_id
            USING ERRCODE = '23505', HINT = 'Revoke it first (revoke_invitation) to invite again.';
    END;
    PERFORM identity.audit('identity.invitation.created', 'invitation', v_id::text,
                           jsonb_strip_nulls(jsonb_build_object(
                               'user_id', user_id, 'email', v_email, 'role', role,
                               'valid_days', valid_days)),
                           org_id);
    RETURN v_id;
END
$$;
COMMENT ON FUNCTION identity.invite_member(uuid, uuid, text, text, integer) IS
    'What api.invite_member() and api.add_member() do (see their comments there); only those endpoints call it.';

-- The invitation, locked, if it exists; 42704 otherwise.
CREATE FUNCTION identity.lock_invitation(invitation_id uuid)
RETURNS identity.org_invitations
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    inv identity.org_invitations;
BEGIN
    SELECT * INTO inv FROM identity.org_invitations i WHERE i.id = invitation_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no invitation with id %', invitation_id
            USING ERRCODE = '42704';
    END IF;
    RETURN inv;
END
$$;
COMMENT ON FUNCTION identity.lock_invitation(uuid) IS
    'The invitation row, locked FOR UPDATE; 42704 when there is none. Internal to the invitation functions.';

-- Refuses an invitation that can no longer be answered, saying why: PT409, which PostgREST
-- answers 409 Conflict.
CREATE FUNCTION identity.require_pending(inv identity.org_invitations)
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF inv.status <> 'pending' THEN
        RAISE EXCEPTION 'invitation % is %', inv.id, inv.status USING ERRCODE = 'PT409';
    END IF;
    IF inv.expires_at <= now() THEN
        RAISE EXCEPTION 'invitation % has expired', inv.id
            USING ERRCODE = 'PT409', HINT = 'Ask the organization for a new invitation.';
    END IF;
END
$$;
COMMENT ON FUNCTION identity.require_pending(identity.org_invitations) IS
    'Raises PT409 (HTTP 409) unless the invitation is pending and not expired.';

CREATE FUNCTION identity.revoke_invitation(invitation_id uuid)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    inv identity.org_invitations := identity.lock_invitation(invitation_id);
BEGIN
    PERFORM identity.require_member_admin(inv.org_id, inv.role);
    IF inv.status <> 'pending' THEN
        RAISE EXCEPTION 'invitation % is %', inv.id, inv.status USING ERRCODE = 'PT409';
    END IF;
    UPDATE identity.org_invitations i SET status = 'revoked', responded_at = now()
     WHERE i.id = inv.id;
    PERFORM identity.audit('identity.invitation.revoked', 'invitation', inv.id::text,
                           jsonb_build_object('role', inv.role), inv.org_id);
END
$$;
COMMENT ON FUNCTION identity.revoke_invitation(uuid) IS
    'What api.revoke_invitation() does (see its comment there); only that endpoint calls it.';

-- The invitee's side. An invitation addressed to someone else reads as missing (42704):
-- nobody learns of invitations that are not theirs. Through an API key, answering needs a
-- key with the admin role not limited to a project, as creating an organization does.
CREATE FUNCTION identity.require_invitee(inv identity.org_invitations)
RETURNS uuid
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
BEGIN
    IF NOT identity.is_invitee(caller, inv.invitee_user_id, inv.invitee_email::text) THEN
        RAISE EXCEPTION 'there is no invitation with id %', inv.id USING ERRCODE = '42704';
    END IF;
    IF NOT identity.is_active(caller) THEN
        RAISE EXCEPTION 'user % is disabled', caller USING ERRCODE = '42501';
    END IF;
    IF NOT identity.key_allows(identity.current_api_key_id(), caller, 'admin') THEN
        RAISE EXCEPTION 'an API key needs the admin role, and no project limit, to answer invitations'
            USING ERRCODE = '42501';
    END IF;
    RETURN caller;
END
$$;
COMMENT ON FUNCTION identity.require_invitee(identity.org_invitations) IS
    'The caller, if the invitation is addressed to it (42704 otherwise), it is active and its API key (if any) may act for it.';

CREATE FUNCTION identity.accept_invitation(invitation_id uuid)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    inv identity.org_invitations := identity.lock_invitation(invitation_id);
    caller uuid := identity.require_invitee(inv);
BEGIN
    PERFORM identity.require_pending(inv);
    BEGIN
        INSERT INTO identity.org_memberships (org_id, user_id, role)
        VALUES (inv.org_id, caller, inv.role);
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION 'you are already a member of organization %', inv.org_id
            USING ERRCODE = '23505', HINT = 'Decline the invitation instead.';
    END;
    UPDATE identity.org_invitations i SET status = 'accepted', responded_at = now()
     WHERE i.id = inv.id;
    PERFORM identity.audit('identity.invitation.accepted', 'invitation', inv.id::text,
                           jsonb_build_object('role', inv.role), inv.org_id);
    PERFORM identity.audit('identity.membership.changed', 'org', inv.org_id::text,
                           jsonb_build_object('user_id', caller, 'role', inv.role,
                                              'change', 'added', 'invitation_id', inv.id),
                           inv.org_id);
END
$$;
COMMENT ON FUNCTION identity.accept_invitation(uuid) IS
    'What api.accept_invitation() does (see its comment there); only that endpoint calls it.';

CREATE FUNCTION identity.decline_invitation(invitation_id uuid)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    inv identity.org_invitations := identity.lock_invitation(invitation_id);
BEGIN
    PERFORM identity.require_invitee(inv);
    PERFORM identity.require_pending(inv);
    UPDATE identity.org_invitations i SET status = 'declined', responded_at = now()
     WHERE i.id = inv.id;
    PERFORM identity.audit('identity.invitation.declined', 'invitation', inv.id::text,
                           jsonb_build_object('role', inv.role), inv.org_id);
END
$$;
COMMENT ON FUNCTION identity.decline_invitation(uuid) IS
    'What api.decline_invitation() does (see its comment there); only that endpoint calls it.';

RESET ROLE;

COMMIT;
