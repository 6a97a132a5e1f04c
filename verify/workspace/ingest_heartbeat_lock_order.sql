-- Verify neuronplane:workspace/ingest_heartbeat_lock_order on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'workspace.ingest_heartbeat(uuid, uuid, integer, text, bigint, bigint, bigint, bigint, bigint, bigint, text)'::regprocedure
   AND position('UPDATE workspace.ingest_jobs' IN prosrc)
       < position('SET heartbeat_at = now(), current_job_id = ingest_heartbeat.job_id' IN prosrc)
   AND prosecdef AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

ROLLBACK;
