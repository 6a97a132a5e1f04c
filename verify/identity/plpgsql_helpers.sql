-- Verify neuronplane:identity/plpgsql_helpers on pg

BEGIN;

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

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'identity.permitted_ids(uuid, text, text, uuid)'::regprocedure
   AND 'plan_cache_mode=force_generic_plan' = ANY (proconfig);

-- No listing policy ORs a platform-admin test in front of permitted_ids() any more.
SELECT 1 / (count(*) = 0)::int FROM pg_catalog.pg_policy
 WHERE polname IN ('organizations_select', 'organizations_update', 'org_memberships_select',
                   'projects_select', 'projects_update', 'service_accounts_select',
                   'service_accounts_update', 'agents_select', 'tools_select',
                   'datasets_select', 'api_keys_select')
   AND polrelid IN (SELECT c.oid FROM pg_catalog.pg_class c
                     WHERE c.relnamespace = 'identity'::regnamespace)
   AND pg_catalog.pg_get_expr(polqual, polrelid) LIKE '%is_platform_admin%';

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
