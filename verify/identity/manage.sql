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

ROLLBACK;
