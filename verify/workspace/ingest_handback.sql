-- Verify neuronplane:workspace/ingest_handback on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'workspace.stop_ingest_worker(uuid)'::regprocedure
   AND prosecdef AND prosrc LIKE '%status = ''queued''%'
   AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

ROLLBACK;
