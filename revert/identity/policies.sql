-- Revert neuronplane:identity/policies from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP TRIGGER resource_scopes_drop_policies ON identity.resource_scopes;
DROP TABLE identity.policies;
DROP FUNCTION identity.tg_resource_scopes__drop_policies();
DROP FUNCTION identity.tg_policies__check();

COMMIT;
