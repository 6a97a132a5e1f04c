-- Verify neuronplane:audit/project_org on pg

BEGIN;

SELECT 1/count(*) FROM pg_trigger
 WHERE tgname = 'events_org_from_project' AND tgrelid = 'audit.events'::regclass
   AND tgfoid = 'audit.tg_events__org_from_project()'::regprocedure;

ROLLBACK;
