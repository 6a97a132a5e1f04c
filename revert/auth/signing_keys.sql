-- Revert neuronplane:auth/signing_keys from pg
-- STUB

BEGIN;

COMMIT;
