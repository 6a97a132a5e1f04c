-- Revert neuronplane:identity/principals from pg

BEGIN;

DROP FUNCTION identity.tg_entity__sync_principal();
DROP TABLE identity.principals;

COMMIT;
