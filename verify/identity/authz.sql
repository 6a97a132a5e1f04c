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

ROLLBACK;
