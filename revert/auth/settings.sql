-- Revert neuronplane:auth/settings from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP TABLE auth.settings;

COMMIT;
