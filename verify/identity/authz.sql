-- Verify neuronplane:identity/authz on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('identity.has_permission(uuid, text, uuid, text, uuid)'::regprocedure,
               'identity.explain_permission(uuid, text, uuid, text, uuid)'::regprocedure,
               'identity.permitted_ids(uuid, text, text, uuid)'::regprocedure,
               'identity.current_api_key_id()'::regprocedure)
HAVING count(*) = 4;

DO $$
BEGIN
    ASSERT NOT identity.has_permission(gen_random_uuid(), 'project', gen_random_uuid(), 'read'),
           'an unknown principal may do nothing';
    ASSERT has_function_privilege('authenticated',
                                  'identity.has_permission(uuid, text, uuid, text, uuid)', 'EXECUTE'),
           'API roles ask has_permission() (RLS policies call it)';
    ASSERT NOT has_function_privilege('anon',
                                      'identity.has_permission(uuid, text, uuid, text, uuid)', 'EXECUTE'),
           'anonymous callers do not';
END
$$;

SELECT 1 / count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
 WHERE p.oid IN ('identity.current_principal_id()'::regprocedure,
                 'identity.current_api_key_id()'::regprocedure,
                 'identity.admin_org_ids(uuid)'::regprocedure)
   AND l.lanname = 'plpgsql' AND p.provolatile = 's'
   AND 'search_path=pg_catalog, pg_temp' = ANY (p.proconfig)
HAVING count(*) = 3;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'identity.permitted_ids(uuid, text, text, uuid)'::regprocedure
   AND 'plan_cache_mode=force_generic_plan' = ANY (proconfig);

DO $$
BEGIN
    PERFORM set_config('request.jwt.claims',
        '{"sub": "0b7d1a8e-3c44-4f0e-9a55-2f1e0c9d7a61", "sid": "not-a-uuid", "api_key_id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"}', true);
    ASSERT identity.current_principal_id() = '0b7d1a8e-3c44-4f0e-9a55-2f1e0c9d7a61';
    ASSERT identity.current_api_key_id() = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    PERFORM set_config('request.jwt.claims', '', true);
    ASSERT identity.current_principal_id() IS NULL AND identity.current_api_key_id() IS NULL;
END
$$;


-- The rule source is plain SQL (inlined into its callers); the decisions read from it.
SELECT 1 / count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
 WHERE p.oid IN ('identity.grants(uuid, text, text, uuid)'::regprocedure,
                 'identity.authz_context(uuid, text, text, uuid)'::regprocedure,
                 'identity.policy_applies(text, text, text, uuid, timestamptz, timestamptz, text, text, boolean, boolean)'::regprocedure,
                 'identity.decide(text[])'::regprocedure)
   AND l.lanname = 'sql' AND NOT p.prosecdef AND p.proconfig IS NULL AND p.provolatile IN ('s', 'i')
HAVING count(*) = 4;
SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('identity.has_permission(uuid, text, uuid, text, uuid)'::regprocedure,
               'identity.permitted_ids(uuid, text, text, uuid)'::regprocedure,
               'identity.explain_permission(uuid, text, uuid, text, uuid)'::regprocedure)
   AND prosrc LIKE '%identity.grants(%' AND prosecdef
   AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig)
HAVING count(*) = 3;

DO $$
BEGIN
    ASSERT EXISTS (SELECT FROM identity.role_grants
                    WHERE role = 'owner' AND resource_type = 'audit' AND permission = 'admin'),
           'owners administer the audit log';
    ASSERT NOT identity.has_permission(gen_random_uuid(), 'project', gen_random_uuid(), 'read'),
           'an unknown principal may do nothing';
    ASSERT has_table_privilege('authenticated', 'identity.roles', 'SELECT'),
           'API roles read the catalogue';
    ASSERT NOT has_table_privilege('authenticated', 'identity.role_grants', 'INSERT'),
           'but do not change it';
    ASSERT NOT has_table_privilege('anon', 'identity.roles', 'SELECT'),
           'anonymous callers do not read it';
END
$$;

ROLLBACK;
