-- Revert neuronplane:identity/invitations from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DELETE FROM audit.actions
 WHERE action IN ('identity.invitation.created', 'identity.invitation.revoked',
                  'identity.invitation.accepted', 'identity.invitation.declined');
DROP POLICY org_invitations_select ON identity.org_invitations;
DROP FUNCTION identity.is_invitee(uuid, uuid, text);
DROP TABLE identity.org_invitations;

RESET ROLE;

COMMIT;
