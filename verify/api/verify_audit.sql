-- Verify neuronplane:api/verify_audit on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'api.verify_audit(timestamptz, timestamptz)'::regprocedure
   AND prosecdef AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

DO $$
BEGIN
    ASSERT has_function_privilege('authenticated', 'api.verify_audit(timestamptz, timestamptz)', 'EXECUTE')
       AND NOT has_function_privilege('anon', 'api.verify_audit(timestamptz, timestamptz)', 'EXECUTE'),
           'authenticated (not anon) may call api.verify_audit';
END
$$;

ROLLBACK;
