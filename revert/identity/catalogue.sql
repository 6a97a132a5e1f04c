-- Revert neuronplane:identity/catalogue from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP TABLE identity.api_key_roles;
DROP TABLE identity.role_grants;
DROP TABLE identity.roles;
DROP TABLE identity.resource_types;
DROP TABLE identity.permissions;

COMMIT;
