-- Revert neuronplane:auth/settings from pg

BEGIN;

DROP TABLE auth.settings;

COMMIT;
