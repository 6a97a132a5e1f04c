-- Verify neuronplane:auth/sessions on pg

BEGIN;

SELECT id, principal_id, auth_method, created_at, refreshed_at, expires_at, idle_expires_at,
       revoked_at, revoked_reason, user_agent, ip
  FROM auth.sessions WHERE false;

SELECT id, session_id, token_hash, parent_id, issued_at, expires_at, used_at, revoked_at
  FROM auth.refresh_tokens WHERE false;

SELECT key FROM auth.refresh_token_key WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.es256_sign(jsonb, text, bytea)'::regprocedure
   AND prosrc LIKE '%np_tokens.Signer(%'
   AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.refresh(text)'::regprocedure
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

DO $$
BEGIN
    -- An event recorded and sealed inside this (rolled back) transaction verifies.
    PERFORM audit.record('auth.login.failed', 'failure', details => '{"reason": "verify"}');
    PERFORM audit.seal();
    ASSERT (SELECT v.ok FROM audit.verify(now() - interval '1 day', now() + interval '1 day') v),
           'a freshly sealed chain must verify';
    ASSERT NOT has_function_privilege('authenticated', 'audit.verify(timestamptz, timestamptz)', 'EXECUTE'),
           'audit.verify is not for API roles';
END
$$;

SELECT 1 / count(*) FROM audit.actions WHERE action = 'auth.login.succeeded';

-- api.refresh(): one statement that also appends the audit event, then one signature.
SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'auth.refresh(text)'::regprocedure
   AND prosrc LIKE '%INSERT INTO audit.events%' AND prosrc LIKE '%auth.access_token_claims(%'
   AND prosrc LIKE '%FOR UPDATE OF ses, tok%' AND prosrc LIKE '%auth.refresh_checked(refresh_token)%'
   AND prosecdef AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig);

SELECT 1 / count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
 WHERE p.oid IN ('identity.current_principal_id()'::regprocedure,
                 'identity.current_api_key_id()'::regprocedure,
                 'auth.current_session_id()'::regprocedure,
                 'identity.is_platform_admin(uuid)'::regprocedure,
                 'identity.admin_org_ids(uuid)'::regprocedure,
                 'identity.visible_user_ids(uuid)'::regprocedure)
   AND l.lanname = 'plpgsql' AND p.provolatile = 's'
   AND 'search_path=pg_catalog, pg_temp' = ANY (p.proconfig)
HAVING count(*) = 6;

DO $$
BEGIN
    PERFORM set_config('request.jwt.claims',
        '{"sub": "0b7d1a8e-3c44-4f0e-9a55-2f1e0c9d7a61", "sid": "not-a-uuid", "api_key_id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"}', true);
    ASSERT identity.current_principal_id() = '0b7d1a8e-3c44-4f0e-9a55-2f1e0c9d7a61';
    ASSERT identity.current_api_key_id() = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    ASSERT auth.current_session_id() IS NULL, 'a sid that is not a uuid is no session';
    PERFORM set_config('request.jwt.claims', '', true);
    ASSERT identity.current_principal_id() IS NULL AND identity.current_api_key_id() IS NULL;
END
$$;

ROLLBACK;
