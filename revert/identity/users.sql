-- Revert neuronplane:identity/users from pg

BEGIN;

DELETE FROM identity.principals WHERE type = 'user';

SET LOCAL ROLE neuronplane_owner;

DROP TABLE identity.users;

COMMIT;
