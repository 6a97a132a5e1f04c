-- Revert neuronplane:identity/manage from pg

BEGIN;

DELETE FROM audit.actions
 WHERE action IN ('api_key.rotated', 'identity.org.updated', 'identity.project.updated',
                  'identity.principal.disabled', 'identity.principal.enabled',
                  'identity.legacy.imported');

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION identity.answer_explain_permission(text,uuid,text,uuid);
DROP FUNCTION identity.answer_has_permission(text,uuid,text,uuid);
DROP FUNCTION identity.resolve_principal(uuid);
DROP FUNCTION identity.disable_principal(uuid,bool);
DROP FUNCTION identity.revoke_permission(uuid);
DROP FUNCTION identity.grant_permission(uuid,text,text,uuid,text,uuid,uuid,text,timestamptz,jsonb);
DROP FUNCTION identity.rotate_api_key(uuid);
DROP FUNCTION identity.revoke_api_key(uuid);
DROP FUNCTION identity.create_api_key(text,text[],uuid,uuid,int4,timestamptz);
DROP FUNCTION identity.create_service_account(text,uuid,uuid,text,jsonb);
DROP FUNCTION identity.project_mcp_config(uuid);
DROP FUNCTION identity.project_dsn(uuid);
DROP FUNCTION identity.create_project(text,uuid,text,text,jsonb,text,jsonb);
DROP FUNCTION identity.get_or_create_user_principal(text,text,text);
DROP FUNCTION identity.create_user(text,text,text,bool);
DROP FUNCTION identity.remove_member(uuid,uuid);
DROP FUNCTION identity.change_member_role(uuid,uuid,text);
DROP FUNCTION identity.add_member(uuid,uuid,text);
DROP FUNCTION identity.create_organization(text,text,jsonb);
DROP TRIGGER organizations_audit ON identity.organizations;
DROP TRIGGER projects_audit ON identity.projects;
DROP FUNCTION identity.check_question(uuid,text,uuid,text);
DROP FUNCTION identity.require_policy_admin(text,uuid,uuid,uuid);
DROP FUNCTION identity.require_key_manager(uuid);
DROP FUNCTION identity.issue_api_key(uuid,text,text[],uuid,int4,timestamptz,uuid);
DROP FUNCTION identity.require_member_admin(uuid,text);
DROP FUNCTION identity.tg_entity__audit();
DROP FUNCTION identity.audit(text,text,text,jsonb,uuid,uuid);
DROP FUNCTION identity.check_permission_args(text,text);
DROP FUNCTION identity.require_platform_admin(text);
DROP FUNCTION identity.require_permission(text,uuid,text);
DROP FUNCTION identity.key_allows(uuid,uuid,text);
DROP FUNCTION identity.require_caller();

COMMIT;
