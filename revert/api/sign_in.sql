-- Revert neuronplane:api/sign_in from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION api.sign_in_providers();

COMMIT;
