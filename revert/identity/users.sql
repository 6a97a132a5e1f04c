-- Revert neuronplane:identity/users from pg

BEGIN;

DROP TABLE identity.users;
DELETE FROM identity.principals WHERE type = 'user';

COMMIT;
