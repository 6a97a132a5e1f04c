-- Revert neuronplane:identity/admin_checks from pg

BEGIN;

DROP FUNCTION identity.admin_org_ids(uuid);
DROP FUNCTION identity.is_platform_admin(uuid);

COMMIT;
