-- Revert neuronplane:identity/manage from pg

BEGIN;

DROP TRIGGER organizations_audit ON identity.organizations;
DROP TRIGGER projects_audit ON identity.projects;
DROP FUNCTION identity.tg_entity__audit();
DROP FUNCTION identity.audit(text, text, text, jsonb, uuid, uuid);
DROP FUNCTION identity.check_permission_args(text, text);
DROP FUNCTION identity.require_platform_admin(text);
DROP FUNCTION identity.require_permission(text, uuid, text);
DROP FUNCTION identity.key_allows(uuid, uuid, text);
DROP FUNCTION identity.require_caller();

DELETE FROM audit.actions
 WHERE action IN ('api_key.rotated', 'identity.org.updated', 'identity.project.updated',
                  'identity.principal.disabled', 'identity.principal.enabled',
                  'identity.legacy.imported');

COMMIT;
