-- Revert neuronplane:identity/resource_scopes from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP TRIGGER organizations_scope ON identity.organizations;
DROP TABLE identity.resource_scopes;
DROP FUNCTION identity.tg_resource__scope();

COMMIT;
