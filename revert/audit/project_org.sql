-- Revert neuronplane:audit/project_org from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP TRIGGER events_org_from_project ON audit.events;
DROP FUNCTION audit.tg_events__org_from_project();

COMMIT;
