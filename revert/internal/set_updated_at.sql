-- Revert neuronplane:internal/set_updated_at from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION internal.tg_set_updated_at();

COMMIT;
