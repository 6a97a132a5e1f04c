-- Revert neuronplane:identity/current_principal from pg

BEGIN;

REVOKE USAGE ON SCHEMA identity FROM authenticated, service, neuronplane_worker;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION identity.current_principal_id();

COMMIT;
