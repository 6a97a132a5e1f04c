-- Revert neuronplane:auth/passwords from pg
-- STUB

BEGIN;

COMMIT;
