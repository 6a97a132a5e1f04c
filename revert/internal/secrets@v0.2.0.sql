-- Revert neuronplane:internal/secrets from pg

BEGIN;

DROP FUNCTION internal.decrypt_secret(bytea, text);
DROP FUNCTION internal.encrypt_secret(text, text);
DROP FUNCTION internal.aead_decrypt(bytea, text);
DROP FUNCTION internal.aead_encrypt(text, text);

COMMIT;
