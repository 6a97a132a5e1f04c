-- Verify neuronplane:auth/refresh_one_statement on pg

BEGIN;

-- The claims helper: SQL, inlinable (no SET clause, not a definer), for the owner only.
SELECT 1 / count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
 WHERE p.oid = 'auth.access_token_claims(text, text, uuid, text, uuid, text, bigint, interval)'::regprocedure
   AND l.lanname = 'sql' AND p.proconfig IS NULL AND NOT p.prosecdef AND p.provolatile = 'v'
   AND NOT has_function_privilege('anon', p.oid, 'EXECUTE')
   AND NOT has_function_privilege('authenticated', p.oid, 'EXECUTE')
   AND NOT has_function_privilege('service', p.oid, 'EXECUTE');

-- api.refresh(): one statement that also appends the audit event, then one signature.
SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'api.refresh(text)'::regprocedure
   AND prosrc LIKE '%INSERT INTO audit.events%' AND prosrc LIKE '%auth.access_token_claims(%'
   AND prosrc LIKE '%FOR UPDATE OF ses, tok%' AND prosrc LIKE '%auth.refresh_checked(refresh_token)%'
   AND prosecdef AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig)
   AND has_function_privilege('anon', oid, 'EXECUTE');

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.issue_access_token(uuid, text, text, uuid, jsonb, interval)'::regprocedure
   AND prosrc LIKE '%auth.access_token_claims(%'
   AND prosecdef AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

ROLLBACK;
