-- Verify neuronplane:api/ingest_worker_count on pg

BEGIN;

SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'api.count_ingest_workers()'::regprocedure AND prosecdef AND provolatile = 's';

DO $$
BEGIN
    ASSERT has_function_privilege('authenticated', 'api.count_ingest_workers()', 'EXECUTE'),
           'job owners may ask whether a worker runs';
    ASSERT has_function_privilege('service', 'api.count_ingest_workers()', 'EXECUTE'),
           'API keys and service accounts may ask whether a worker runs';
    ASSERT NOT has_function_privilege('anon', 'api.count_ingest_workers()', 'EXECUTE'),
           'anon must not';
END
$$;

ROLLBACK;
