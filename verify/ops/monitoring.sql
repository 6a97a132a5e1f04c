-- Verify neuronplane:ops/monitoring on pg

BEGIN;

DO $$
BEGIN
    ASSERT (SELECT NOT rolsuper AND NOT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = 'neuronplane_monitor'),
           'neuronplane_monitor must exist, not be a superuser and not log in';
    ASSERT pg_has_role('neuronplane_monitor', 'pg_monitor', 'USAGE'),
           'neuronplane_monitor must have pg_monitor';
    ASSERT (SELECT bool_and(pg_get_userbyid(p.proowner) = 'neuronplane_monitor' AND p.prosecdef)
              FROM pg_catalog.pg_proc p
             WHERE p.oid IN ('ops.db_health_snapshot()'::regprocedure, 'ops.index_health_snapshot()'::regprocedure,
                             'ops.workers_snapshot()'::regprocedure)),
           'the observability functions must run as neuronplane_monitor';
    ASSERT NOT has_function_privilege('anon', 'ops.db_health_snapshot()', 'EXECUTE')
       AND NOT has_schema_privilege('neuronplane_monitor', 'ops', 'CREATE'),
           'anon may not call them; the monitor keeps no CREATE on ops';
    ASSERT has_column_privilege('neuronplane_monitor', 'workspace.ingest_workers', 'heartbeat_at', 'SELECT')
       AND NOT has_column_privilege('neuronplane_monitor', 'workspace.ingest_jobs', 'source', 'SELECT'),
           'the monitor reads the ingestion heartbeats and nothing else of the workspace';
END
$$;

ROLLBACK;
