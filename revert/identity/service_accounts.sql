-- Revert neuronplane:identity/service_accounts from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP TABLE identity.service_accounts;

COMMIT;
