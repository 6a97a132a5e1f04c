-- Revert neuronplane:internal/secrets from pg

BEGIN;

DROP FUNCTION internal.decrypt_secret(bytea, text);
DROP FUNCTION internal.encrypt_secret(text, text);

COMMIT;
