-- Verify neuronplane:identity/stored_decisions on pg (reworked after @v0.2.0)

BEGIN;

SELECT name, description FROM identity.permissions WHERE false;
SELECT name, scope_type, inherits_admin_only, description FROM identity.resource_types WHERE false;
SELECT name, description FROM identity.roles WHERE false;
SELECT role, resource_type, permission FROM identity.role_grants WHERE false;
SELECT role, permission FROM identity.api_key_roles WHERE false;

SELECT 1 / count(*) FROM pg_catalog.pg_class
 WHERE oid IN ('identity.permissions'::regclass, 'identity.resource_types'::regclass,
               'identity.roles'::regclass, 'identity.role_grants'::regclass,
               'identity.api_key_roles'::regclass)
   AND relrowsecurity AND relforcerowsecurity
HAVING count(*) = 4;

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
    ASSERT to_regclass('identity.decisions') IS NULL, 'the stored decisions are gone';
    ASSERT to_regclass('identity.decisions_epoch') IS NULL, 'and their epoch row';
    ASSERT NOT EXISTS (SELECT FROM cron.job WHERE jobname = 'neuronplane-identity-decisions'),
           'and their job';
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
    ASSERT pg_get_functiondef('identity.issue_api_key(uuid, text, text[], uuid, integer, timestamptz, uuid)'::regprocedure)
           LIKE '%rate_limit_per_min must be between 1 and 1000000%',
           'identity.issue_api_key checks its arguments before writing';
    ASSERT pg_get_functiondef('identity.check_permission_args(text, text)'::regprocedure)
           LIKE '%left($2, 64)%',
           'identity.check_permission_args does not quote a long argument in full';
END
$$;

ROLLBACK;
