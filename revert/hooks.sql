-- Revert neuronplane:hooks from pg

BEGIN;

DROP SCHEMA hooks;

COMMIT;
