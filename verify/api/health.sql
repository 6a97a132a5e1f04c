-- Verify neuronplane:api/health on pg

BEGIN;

SELECT 1 / count(*)
  FROM pg_catalog.pg_proc
 WHERE oid = 'api.health()'::regprocedure
   AND prosecdef
   AND provolatile = 's'
   AND proowner = 'neuronplane_owner'::regrole
   AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

DO $$
BEGIN
    ASSERT has_function_privilege('anon', 'api.health()', 'EXECUTE'),
           'anon must be able to call api.health()';
    ASSERT NOT has_function_privilege('authenticator', 'api.health()', 'EXECUTE'),
           'authenticator must not call api.health() without switching role';
    ASSERT (api.health() ->> 'database') = current_database(),
           'api.health() must report the current database';
    ASSERT obj_description('api.health()'::regprocedure, 'pg_proc') IS NOT NULL,
           'api.health() must have a comment';
END
$$;

ROLLBACK;
