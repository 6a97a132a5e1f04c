-- Revert neuronplane:identity/admin_checks from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION identity.is_platform_admin(uuid);

COMMIT;
