-- Verify neuronplane:workspace/ingest_worker on pg

BEGIN;

SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('workspace.claim_ingest_job(uuid)'::regprocedure,
               'workspace.begin_ingest_load(uuid, integer, jsonb)'::regprocedure,
               'workspace.publish_ingest(uuid, integer, bigint, jsonb, jsonb, text, bigint)'::regprocedure,
               'workspace.fail_ingest(uuid, integer, text)'::regprocedure,
               'workspace.register_ingest_upload(text, bigint, text)'::regprocedure,
               'workspace.abandoned_ingest_uploads(interval)'::regprocedure)
HAVING count(*) = 6;

-- A clean stop hands the running job back.
SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'workspace.stop_ingest_worker(uuid)'::regprocedure
   AND prosrc LIKE '%status = ''queued''%';

DO $$
BEGIN
    ASSERT has_function_privilege('neuronplane_worker', 'workspace.claim_ingest_job(uuid)', 'EXECUTE'),
           'the worker claims jobs';
    ASSERT NOT has_function_privilege('authenticated', 'workspace.claim_ingest_job(uuid)', 'EXECUTE'),
           'API roles must not claim jobs (it hands out credentials)';
    ASSERT NOT has_function_privilege('service', 'workspace.register_ingest_upload(text, bigint, text)', 'EXECUTE'),
           'API roles must not register uploads (they name server paths)';
    ASSERT NOT has_function_privilege('authenticated', 'workspace.abandoned_ingest_uploads(interval)', 'EXECUTE'),
           'API roles must not list upload paths';
END
$$;

SELECT details FROM workspace.ingest_jobs WHERE false;

SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'workspace.note_ingest(uuid, integer, jsonb)'::regprocedure AND prosecdef;

SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'workspace.retry_ingest(uuid, integer, text)'::regprocedure AND prosecdef
   AND provolatile = 'v';

DO $$
BEGIN
    ASSERT has_function_privilege('neuronplane_worker', 'workspace.retry_ingest(uuid, integer, text)', 'EXECUTE'),
           'the worker hands back a job whose connection was lost';
    ASSERT NOT has_function_privilege('authenticated', 'workspace.retry_ingest(uuid, integer, text)', 'EXECUTE'),
           'API roles must not requeue jobs';
    ASSERT NOT has_function_privilege('service', 'workspace.retry_ingest(uuid, integer, text)', 'EXECUTE'),
           'API roles must not requeue jobs';
END
$$;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'workspace.ingest_heartbeat(uuid, uuid, integer, text, bigint, bigint, bigint, bigint, bigint, bigint, text)'::regprocedure
   AND position('UPDATE workspace.ingest_jobs' IN prosrc)
       < position('SET heartbeat_at = now(), current_job_id = ingest_heartbeat.job_id' IN prosrc)
   AND prosecdef AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

ROLLBACK;
