-- Revert neuronplane:identity/organizations from pg

BEGIN;

DELETE FROM identity.principals WHERE type = 'org';

SET LOCAL ROLE neuronplane_owner;

DROP TABLE identity.organizations;
DROP FUNCTION identity.is_active(uuid);

COMMIT;
