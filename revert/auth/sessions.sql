-- Revert neuronplane:auth/sessions from pg
-- STUB

BEGIN;

COMMIT;
