-- Revert neuronplane:identity/organizations from pg

BEGIN;

DROP TABLE identity.organizations;
DELETE FROM identity.principals WHERE type = 'org';

COMMIT;
