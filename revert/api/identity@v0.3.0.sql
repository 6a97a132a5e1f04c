-- Revert neuronplane:api/identity from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION api.disable_principal(uuid,bool);
DROP FUNCTION api.grant_permission(uuid,text,text,uuid,text,uuid,uuid,text,timestamptz,jsonb);
DROP FUNCTION api.revoke_api_key(uuid);
DROP FUNCTION api.create_service_account(text,uuid,uuid,text,jsonb);
DROP FUNCTION api.create_project(text,uuid,text,text,jsonb,text,jsonb);
DROP FUNCTION api.create_user(text,text,text,bool);
DROP FUNCTION api.change_member_role(uuid,uuid,text);
DROP FUNCTION api.add_member(uuid,uuid,text);
DROP FUNCTION api.create_organization(text,text,jsonb);
DROP VIEW api.principals;
DROP VIEW api.policies;
DROP VIEW api.api_keys;
DROP VIEW api.datasets;
DROP VIEW api.tools;
DROP VIEW api.agents;
DROP VIEW api.service_accounts;
DROP VIEW api.projects;
DROP VIEW api.memberships;
DROP VIEW api.users;
DROP VIEW api.organizations;
DROP FUNCTION api.explain_permission(text,uuid,text,uuid);
DROP FUNCTION api.has_permission(text,uuid,text,uuid);
DROP FUNCTION api.resolve_principal(uuid);
DROP FUNCTION api.revoke_permission(uuid);
DROP FUNCTION api.rotate_api_key(uuid);
DROP FUNCTION api.create_api_key(text,text[],uuid,uuid,int4,timestamptz);
DROP FUNCTION api.project_mcp_config(uuid);
DROP FUNCTION api.project_dsn(uuid);
DROP FUNCTION api.get_or_create_user_principal(text,text,text);
DROP FUNCTION api.remove_member(uuid,uuid);

COMMIT;
