-- Revert neuronplane:api/audit_events from pg

BEGIN;

DROP VIEW api.audit_events;
REVOKE SELECT ON audit.events FROM authenticated, service;
REVOKE USAGE ON SCHEMA audit FROM authenticated, service;
DROP POLICY events_select_own ON audit.events;

COMMIT;
