-- Verify neuronplane:auth/signing_keys on pg

BEGIN;

SELECT kid, private_key, public_jwk, status, created_at, activated_at, retired_at
  FROM auth.signing_keys
 WHERE false;

SELECT signing_key_publish_delay FROM auth.settings WHERE false;

-- The claims helper: SQL, inlinable (no SET clause, not a definer), for the owner only.
SELECT 1 / count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
 WHERE p.oid = 'auth.access_token_claims(text, text, uuid, text, uuid, text, bigint, interval)'::regprocedure
   AND l.lanname = 'sql' AND p.proconfig IS NULL AND NOT p.prosecdef AND p.provolatile = 'v'
   AND NOT has_function_privilege('anon', p.oid, 'EXECUTE')
   AND NOT has_function_privilege('authenticated', p.oid, 'EXECUTE')
   AND NOT has_function_privilege('service', p.oid, 'EXECUTE');

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.issue_access_token(uuid, text, text, uuid, jsonb, interval)'::regprocedure
   AND prosrc LIKE '%auth.access_token_claims(%'
   AND prosecdef AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

DO $$
BEGIN
    ASSERT pg_get_functiondef('auth.check_access_token()'::regprocedure) LIKE '%the token has expired%',
        'auth.check_access_token must check exp, nbf and iat without leeway';
END
$$;

ROLLBACK;
