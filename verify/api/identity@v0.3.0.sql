-- Verify neuronplane:api/identity on pg

BEGIN;

SELECT id, name, slug, metadata, created_at, updated_at FROM api.organizations WHERE false;

SELECT id, username, email, display_name, is_admin, disabled_at, metadata, created_at, updated_at
  FROM api.users WHERE false;

SELECT org_id, user_id, role, created_at, updated_at FROM api.memberships WHERE false;

SELECT id, org_id, user_id, name, description, neurondb_dsn, has_dsn_password, mcp_config,
       agent_endpoint, metadata, created_at, updated_at FROM api.projects WHERE false;

SELECT id, name, org_id, project_id, description, disabled_at, metadata, created_at, updated_at
  FROM api.service_accounts WHERE false;

SELECT id, project_id, name, disabled_at FROM api.agents WHERE false;

SELECT id, project_id, name, disabled_at FROM api.tools WHERE false;

SELECT id, project_id, name, disabled_at FROM api.datasets WHERE false;

SELECT id, principal_id, principal_type, project_id, name, prefix, roles, rate_limit_per_min,
       expires_at, revoked_at, last_used_at, created_by, created_at FROM api.api_keys WHERE false;

SELECT id, subject_id, subject_type, subject_role, resource_type, resource_id, org_id,
       project_id, permission, effect, expires_at, conditions, created_by, created_at
  FROM api.policies WHERE false;

SELECT id, type, name, disabled_at, expires_at, created_at, updated_at FROM api.principals WHERE false;

DO $$
BEGIN
    ASSERT NOT EXISTS (SELECT FROM pg_catalog.pg_attribute
                        WHERE attrelid = 'api.api_keys'::regclass AND attname = 'secret_hash'),
           'api.api_keys must not expose the key hash';
    ASSERT NOT has_table_privilege('anon', 'api.projects', 'SELECT'), 'anon reads no project';
END
$$;

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
