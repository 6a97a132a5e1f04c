-- Revert neuronplane:internal/secrets from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP TABLE internal.secret_columns;
DROP FUNCTION internal.envelope_open(bytea,text,text);
DROP FUNCTION internal.envelope_seal(text,text);
DROP FUNCTION internal.master_key_file();
DROP FUNCTION internal.envelope_open_py(bytea,text,text[]);
DROP FUNCTION internal.envelope_seal_py(text,text,text);
DROP FUNCTION internal.decrypt_secret(bytea,text);
DROP FUNCTION internal.encrypt_secret(text,text);

COMMIT;
