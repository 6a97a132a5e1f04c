-- Verify neuronplane:api/console on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'api.sign_in_providers()'::regprocedure AND prosecdef
   AND proconfig @> ARRAY['search_path=pg_catalog, pg_temp'];

DO $$
BEGIN
    ASSERT has_function_privilege('anon', 'api.sign_in_providers()', 'EXECUTE');
    ASSERT NOT has_function_privilege('authenticator', 'api.sign_in_providers()', 'EXECUTE');
    ASSERT obj_description('api.sign_in_providers()'::regprocedure, 'pg_proc') IS NOT NULL;
END $$;

ROLLBACK;
