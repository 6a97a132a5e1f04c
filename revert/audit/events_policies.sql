-- Revert neuronplane:audit/events_policies from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP POLICY events_select_platform_admin ON audit.events;
DROP POLICY events_select_org_admin ON audit.events;
DROP POLICY events_select_own ON audit.events;

COMMIT;
