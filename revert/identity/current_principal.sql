-- Revert neuronplane:identity/current_principal from pg

BEGIN;

DROP FUNCTION identity.current_principal_id();
REVOKE USAGE ON SCHEMA identity FROM authenticated, service, neuronplane_worker;

COMMIT;
