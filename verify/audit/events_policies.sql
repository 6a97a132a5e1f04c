-- Verify neuronplane:audit/events_policies on pg

BEGIN;

SELECT 1 / (count(*) = 2)::integer
  FROM pg_catalog.pg_policies
 WHERE schemaname = 'audit' AND tablename = 'events' AND cmd = 'SELECT'
   AND policyname IN ('events_select_org_admin', 'events_select_platform_admin')
   AND roles @> ARRAY['authenticated', 'service']::name[];

ROLLBACK;
