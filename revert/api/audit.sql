-- Revert neuronplane:api/audit from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP VIEW api.audit_events;
DROP FUNCTION api.verify_audit(timestamptz,timestamptz);

COMMIT;
