-- Verify neuronplane:auth/cookie_login on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.cookie_login(text, text, inet, text)'::regprocedure AND prosecdef
   AND proconfig @> ARRAY['search_path=pg_catalog, pg_temp'];

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.sign_in_providers()'::regprocedure AND prosecdef
   AND proconfig @> ARRAY['search_path=pg_catalog, pg_temp'];

DO $$
BEGIN
    ASSERT has_function_privilege('neuronplane_worker',
                                  'auth.cookie_login(text, text, inet, text)', 'EXECUTE');
    ASSERT NOT has_function_privilege('anon', 'auth.cookie_login(text, text, inet, text)', 'EXECUTE');
    ASSERT NOT has_function_privilege('authenticated',
                                      'auth.cookie_login(text, text, inet, text)', 'EXECUTE');
END $$;

ROLLBACK;
