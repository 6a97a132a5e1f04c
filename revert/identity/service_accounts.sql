-- Revert neuronplane:identity/service_accounts from pg

BEGIN;

DROP TABLE identity.service_accounts;

COMMIT;
