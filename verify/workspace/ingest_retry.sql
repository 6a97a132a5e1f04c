-- Verify neuronplane:workspace/ingest_retry on pg

BEGIN;

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

ROLLBACK;
