-- Revert neuronplane:api/console from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION api.sign_in_providers();

COMMIT;
