-- Verify neuronplane:api/identity_functions on pg

BEGIN;

SELECT 1 / count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('api.create_organization(text, text, jsonb)'::regprocedure,
               'api.add_member(uuid, uuid, text)'::regprocedure,
               'api.change_member_role(uuid, uuid, text)'::regprocedure,
               'api.remove_member(uuid, uuid)'::regprocedure,
               'api.create_user(text, text, text, boolean)'::regprocedure,
               'api.get_or_create_user_principal(text, text, text)'::regprocedure,
               'api.create_project(text, uuid, text, text, jsonb, text, jsonb)'::regprocedure,
               'api.project_dsn(uuid)'::regprocedure,
               'api.project_mcp_config(uuid)'::regprocedure,
               'api.create_service_account(text, uuid, uuid, text, jsonb)'::regprocedure,
               'api.create_api_key(text, text[], uuid, uuid, integer, timestamptz)'::regprocedure,
               'api.revoke_api_key(uuid)'::regprocedure,
               'api.rotate_api_key(uuid)'::regprocedure,
               'api.grant_permission(uuid, text, text, uuid, text, uuid, uuid, text, timestamptz, jsonb)'::regprocedure,
               'api.revoke_permission(uuid)'::regprocedure,
               'api.disable_principal(uuid, boolean)'::regprocedure,
               'api.resolve_principal(uuid)'::regprocedure,
               'api.has_permission(text, uuid, text, uuid)'::regprocedure,
               'api.explain_permission(text, uuid, text, uuid)'::regprocedure)
HAVING count(*) = 19;

DO $$
BEGIN
    ASSERT NOT has_function_privilege('anon', 'api.create_api_key(text, text[], uuid, uuid, integer, timestamptz)',
                                      'EXECUTE'), 'anonymous callers create no API key';
    ASSERT has_function_privilege('neuronplane_worker', 'api.get_or_create_user_principal(text, text, text)',
                                  'EXECUTE'), 'the glue service maps logins to user principals';
END
$$;

ROLLBACK;
