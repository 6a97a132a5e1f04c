-- Verify neuronplane:workspace/ingest_upload_sweep on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'workspace.abandoned_ingest_uploads(interval)'::regprocedure
   AND prosecdef AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);
SELECT 1 / has_function_privilege('neuronplane_worker',
                                  'workspace.abandoned_ingest_uploads(interval)', 'EXECUTE')::int;
SELECT 1 / (NOT has_function_privilege('authenticated',
                                       'workspace.abandoned_ingest_uploads(interval)', 'EXECUTE'))::int;

ROLLBACK;
