-- Revert neuronplane:api/identity_functions from pg

BEGIN;

DROP FUNCTION api.explain_permission(text, uuid, text, uuid);
DROP FUNCTION api.has_permission(text, uuid, text, uuid);
DROP FUNCTION identity.check_question(uuid, text, uuid, text);
DROP FUNCTION api.resolve_principal(uuid);
DROP FUNCTION api.disable_principal(uuid, boolean);
DROP FUNCTION api.revoke_permission(uuid);
DROP FUNCTION api.grant_permission(uuid, text, text, uuid, text, uuid, uuid, text, timestamptz, jsonb);
DROP FUNCTION identity.require_policy_admin(text, uuid, uuid, uuid);
DROP FUNCTION api.rotate_api_key(uuid);
DROP FUNCTION api.revoke_api_key(uuid);
DROP FUNCTION api.create_api_key(text, text[], uuid, uuid, integer, timestamptz);
DROP FUNCTION identity.require_key_manager(uuid);
DROP FUNCTION identity.issue_api_key(uuid, text, text[], uuid, integer, timestamptz, uuid);
DROP FUNCTION api.create_service_account(text, uuid, uuid, text, jsonb);
DROP FUNCTION api.project_mcp_config(uuid);
DROP FUNCTION api.project_dsn(uuid);
DROP FUNCTION api.create_project(text, uuid, text, text, jsonb, text, jsonb);
DROP FUNCTION api.get_or_create_user_principal(text, text, text);
DROP FUNCTION api.create_user(text, text, text, boolean);
DROP FUNCTION api.remove_member(uuid, uuid);
DROP FUNCTION api.change_member_role(uuid, uuid, text);
DROP FUNCTION api.add_member(uuid, uuid, text);
DROP FUNCTION identity.require_member_admin(uuid, text);
DROP FUNCTION api.create_organization(text, text, jsonb);

COMMIT;
