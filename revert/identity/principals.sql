-- Revert neuronplane:identity/principals from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP TABLE identity.principals;
DROP FUNCTION identity.tg_entity__sync_principal();

COMMIT;
