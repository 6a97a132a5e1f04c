-- Revert neuronplane:api/verify_audit from pg

BEGIN;

DROP FUNCTION api.verify_audit(timestamptz, timestamptz);

COMMIT;
