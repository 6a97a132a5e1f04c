-- Verify neuronplane:auth/refresh_fast_path on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.es256_sign(jsonb, text, bytea)'::regprocedure
   AND prosrc LIKE '%np_tokens.Signer(%'
   AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'api.refresh(text)'::regprocedure
   AND prosrc LIKE '%FOR UPDATE OF ses, tok%' AND prosrc LIKE '%auth.refresh_checked(refresh_token)%'
   AND prosecdef AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.refresh_checked(text)'::regprocedure
   AND prosecdef AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig)
   AND NOT has_function_privilege('anon', oid, 'EXECUTE');

SELECT 1 / count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
 WHERE p.oid IN ('auth.successor_refresh_token(text)'::regprocedure,
                 'auth.token_response(uuid, text)'::regprocedure)
   AND l.lanname = 'plpgsql' AND 'search_path=pg_catalog, pg_temp' = ANY (p.proconfig)
HAVING count(*) = 2;

ROLLBACK;
