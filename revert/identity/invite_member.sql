-- Revert neuronplane:identity/invite_member from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION identity.invite_member(uuid, text, text);

COMMIT;
