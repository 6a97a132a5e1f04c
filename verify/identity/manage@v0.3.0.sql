-- Verify neuronplane:identity/manage on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('identity.require_caller()'::regprocedure,
               'identity.require_permission(text, uuid, text)'::regprocedure,
               'identity.key_allows(uuid, uuid, text)'::regprocedure,
               'identity.audit(text, text, text, jsonb, uuid, uuid)'::regprocedure,
               'identity.require_platform_admin(text)'::regprocedure,
               'identity.check_permission_args(text, text)'::regprocedure)
HAVING count(*) = 6;

DO $$
BEGIN
    ASSERT audit.is_known_action('api_key.rotated'), 'api_key.rotated must be in the catalogue';
    ASSERT EXISTS (SELECT FROM pg_catalog.pg_trigger
                    WHERE tgrelid = 'identity.projects'::regclass AND tgname = 'projects_audit'),
           'projects must be audited';
    ASSERT NOT has_function_privilege('authenticated', 'identity.audit(text, text, text, jsonb, uuid, uuid)',
                                      'EXECUTE'), 'API roles do not write audit events this way';
END
$$;

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
