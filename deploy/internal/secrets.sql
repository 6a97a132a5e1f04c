-- Deploy neuronplane:internal/secrets to pg
-- requires: schemas
-- requires: extensions

BEGIN;

-- PL/Python is an untrusted language: these functions are created by the deploying
-- superuser and handed to neuronplane_owner, the only role that may execute them.

-- Encrypt a secret for storage. context names where it is stored (table, column, row id)
-- and must be given again to decrypt it.
CREATE FUNCTION internal.encrypt_secret(plaintext text, context text)
RETURNS bytea
LANGUAGE plpython3u
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
import np_secrets
path = plpy.execute("SELECT current_setting('neuronplane.key_file', true) AS p")[0]["p"]
try:
    key = np_secrets.load_key(path)
except np_secrets.KeyError_ as exc:
    plpy.error(str(exc), sqlstate="58P01",
               hint="neuronplane up creates the key next to the data folder; restore it from "
                    "the key backup if it was lost.")
return np_secrets.encrypt(key, plaintext, context)
$$;
COMMENT ON FUNCTION internal.encrypt_secret(text, text) IS
    'AES-256-GCM encryption of a secret under the server''s data key, bound to context.';

-- Decrypt a stored secret; a blob that was tampered with, or sealed for another context,
-- is refused without showing its content.
CREATE FUNCTION internal.decrypt_secret(ciphertext bytea, context text)
RETURNS text
LANGUAGE plpython3u
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
import np_secrets
path = plpy.execute("SELECT current_setting('neuronplane.key_file', true) AS p")[0]["p"]
try:
    key = np_secrets.load_key(path)
except np_secrets.KeyError_ as exc:
    plpy.error(str(exc), sqlstate="58P01",
               hint="neuronplane up creates the key next to the data folder; restore it from "
                    "the key backup if it was lost.")
plain = np_secrets.decrypt(key, ciphertext, context)
if plain is None:
    plpy.error("a stored secret cannot be decrypted: it was altered, moved to another row, "
               "or encrypted under another key", sqlstate="39000")
return plain
$$;
COMMENT ON FUNCTION internal.decrypt_secret(bytea, text) IS
    'The plaintext of a secret stored by internal.encrypt_secret() for the same context.';

REVOKE ALL ON FUNCTION internal.encrypt_secret(text, text), internal.decrypt_secret(bytea, text)
  FROM PUBLIC;
ALTER FUNCTION internal.encrypt_secret(text, text) OWNER TO neuronplane_owner;
ALTER FUNCTION internal.decrypt_secret(bytea, text) OWNER TO neuronplane_owner;

COMMIT;
