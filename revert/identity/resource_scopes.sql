-- Revert neuronplane:identity/resource_scopes from pg

BEGIN;

DROP TRIGGER organizations_scope ON identity.organizations;
DROP TABLE identity.resource_scopes;
DROP FUNCTION identity.tg_resource__scope();

COMMIT;
