-- Verify neuronplane:ops/ingest_workers on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'ops.workers_snapshot()'::regprocedure
   AND prosrc LIKE '%workspace.ingest_workers%' AND prosecdef;

SELECT 1 / has_column_privilege('neuronplane_monitor', 'workspace.ingest_workers', 'heartbeat_at',
                                'SELECT')::int;
SELECT 1 / (NOT has_column_privilege('neuronplane_monitor', 'workspace.ingest_jobs', 'source',
                                     'SELECT'))::int;

ROLLBACK;
