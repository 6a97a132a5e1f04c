-- Revert neuronplane:internal/set_updated_at from pg

BEGIN;

DROP FUNCTION internal.tg_set_updated_at();

COMMIT;
