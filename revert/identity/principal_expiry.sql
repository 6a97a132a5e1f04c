-- Revert neuronplane:identity/principal_expiry from pg

BEGIN;

DROP FUNCTION identity.is_active(uuid);
ALTER TABLE identity.organizations DROP COLUMN disabled_at;
ALTER TABLE identity.principals DROP COLUMN expires_at;

COMMIT;
