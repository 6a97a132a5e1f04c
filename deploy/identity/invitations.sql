-- Deploy neuronplane:identity/invitations to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- A person joins an organization by accepting an invitation, never by an administrator's
-- say-so alone: until then the organization sees nothing of them beyond what the
-- invitation carries (the user id or e-mail address its administrator typed). The
-- functions that write it are in identity/manage; the endpoints in api/identity.
CREATE TABLE identity.org_invitations (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id          uuid NOT NULL REFERENCES identity.organizations (id) ON DELETE CASCADE,
    invitee_user_id uuid REFERENCES identity.users (id) ON DELETE CASCADE,
    invitee_email   extensions.citext
                    CHECK (length(invitee_email) <= 254
                           AND invitee_email::text ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
    role            text NOT NULL REFERENCES identity.roles (name) ON UPDATE CASCADE,
    invited_by      uuid REFERENCES identity.principals (id) ON DELETE SET NULL,
    status          text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'accepted', 'declined', 'revoked', 'expired')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    responded_at    timestamptz,
    CHECK (num_nonnulls(invitee_user_id, invitee_email) = 1),
    CHECK (expires_at > created_at),
    CHECK ((status = 'pending') = (responded_at IS NULL))
);
COMMENT ON TABLE identity.org_invitations IS
    'Invitations to join an organization, addressed to a user id or an e-mail address; the membership exists only once the invitee accepts. A pending invitation past expires_at counts as expired.';
COMMENT ON COLUMN identity.org_invitations.invitee_user_id IS 'The user invited by id (or NULL: by e-mail).';
COMMENT ON COLUMN identity.org_invitations.invitee_email IS 'The e-mail address invited (or NULL: by user id); the user with this address may accept.';
COMMENT ON COLUMN identity.org_invitations.role IS 'The membership role accepting gives.';
COMMENT ON COLUMN identity.org_invitations.invited_by IS 'The principal that invited.';
COMMENT ON COLUMN identity.org_invitations.status IS 'pending, accepted, declined, revoked, or expired (stored once a new invitation replaces an expired one).';
COMMENT ON COLUMN identity.org_invitations.responded_at IS 'When it was accepted, declined, revoked or replaced.';

-- One open invitation per invitee and organization.
CREATE UNIQUE INDEX org_invitations_pending_user_idx ON identity.org_invitations (org_id, invitee_user_id)
    WHERE status = 'pending' AND invitee_user_id IS NOT NULL;
CREATE UNIQUE INDEX org_invitations_pending_email_idx ON identity.org_invitations (org_id, invitee_email)
    WHERE status = 'pending' AND invitee_email IS NOT NULL;
-- The invitee's listing (policy below) looks invitations up by user id and by e-mail.
CREATE INDEX org_invitations_user_idx ON identity.org_invitations (invitee_user_id)
    WHERE invitee_user_id IS NOT NULL;
CREATE INDEX org_invitations_email_idx ON identity.org_invitations (invitee_email)
    WHERE invitee_email IS NOT NULL;

ALTER TABLE identity.org_invitations ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Constraint errors without the row image, as on the other tables api functions write
-- (named apart from theirs: internal/constraint_errors verifies its own fifteen).
CREATE TRIGGER zz_check_invitation_constraints BEFORE INSERT OR UPDATE ON identity.org_invitations
    FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints();

-- Is this invitation addressed to the principal (its user id, or its user's e-mail)?
-- SECURITY DEFINER: called from the select policy and the invitee's functions; reads the
-- principal's own e-mail whatever the caller's rights.
CREATE FUNCTION identity.is_invitee(principal_id uuid, invitee_user_id uuid, invitee_email text)
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT $1 IS NOT NULL
       AND ($2 = $1
            OR EXISTS (SELECT FROM identity.users u
                        WHERE u.id = $1 AND $3 IS NOT NULL
                          AND u.email OPERATOR(extensions.=) $3::extensions.citext))
$$;
COMMENT ON FUNCTION identity.is_invitee(uuid, uuid, text) IS
    'True when an invitation to invitee_user_id or invitee_email is addressed to the principal (its id, or its user''s e-mail, whatever the case).';
GRANT EXECUTE ON FUNCTION identity.is_invitee(uuid, uuid, text) TO authenticated, service;

-- Read by the organization's administrators (the right that manages members) and by the
-- invitee. Nobody writes it but the definer functions.
CREATE POLICY org_invitations_select ON identity.org_invitations FOR SELECT TO authenticated, service
    USING (org_id = ANY ((SELECT identity.permitted_ids((SELECT identity.current_principal_id()),
                                                        'org', 'admin',
                                                        (SELECT identity.current_api_key_id())))::uuid[])
           OR identity.is_invitee((SELECT identity.current_principal_id()), invitee_user_id,
                                  invitee_email::text));
GRANT SELECT ON identity.org_invitations TO authenticated, service;

INSERT INTO audit.actions (action, description) VALUES
    ('identity.invitation.created', 'A person was invited to join an organization.'),
    ('identity.invitation.revoked', 'An organization withdrew an invitation.'),
    ('identity.invitation.accepted', 'An invitee accepted an invitation and became a member.'),
    ('identity.invitation.declined', 'An invitee declined an invitation.');

RESET ROLE;

COMMIT;
