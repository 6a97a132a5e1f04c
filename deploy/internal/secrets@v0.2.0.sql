-- Deploy neuronplane:internal/secrets to pg
-- requires: schemas
-- requires: extensions

BEGIN;

-- PL/Python is an untrusted language: the two cipher functions are created by the
-- deploying superuser and handed to neuronplane_owner, the only role that may run them.
-- They report a missing key with SQLSTATE 58P01 and a ciphertext that does not open with
-- NULL; the PL/pgSQL wrappers below turn both into clean errors.

CREATE FUNCTION internal.aead_encrypt(plaintext text, context text)
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
    plpy.error(str(exc), sqlstate="58P01")
return np_secrets.encrypt(key, plaintext, context)
$$;
COMMENT ON FUNCTION internal.aead_encrypt(text, text) IS
    'AES-256-GCM under the server''s data key, bound to context; use internal.encrypt_secret().';

CREATE FUNCTION internal.aead_decrypt(ciphertext bytea, context text)
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
    plpy.error(str(exc), sqlstate="58P01")
return np_secrets.decrypt(key, ciphertext, context)
$$;
COMMENT ON FUNCTION internal.aead_decrypt(bytea, text) IS
    'Opens what internal.aead_encrypt() sealed for context, or NULL; use internal.decrypt_secret().';

REVOKE ALL ON FUNCTION internal.aead_encrypt(text, text), internal.aead_decrypt(bytea, text)
  FROM PUBLIC;
ALTER FUNCTION internal.aead_encrypt(text, text) OWNER TO neuronplane_owner;
ALTER FUNCTION internal.aead_decrypt(bytea, text) OWNER TO neuronplane_owner;

SET LOCAL ROLE neuronplane_owner;

-- Encrypt a secret for storage. context names where it is stored (table, column, row id)
-- and must be given again to decrypt it, so a ciphertext copied to another row is useless.
CREATE FUNCTION internal.encrypt_secret(plaintext text, context text)
RETURNS bytea
LANGUAGE plpgsql
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN internal.aead_encrypt(plaintext, context);
EXCEPTION WHEN undefined_file THEN
    RAISE EXCEPTION '%', regexp_replace(SQLERRM, '^plpy\.Error: ', '')
        USING ERRCODE = '58P01',
              HINT = 'neuronplane up creates the key next to the data folder; restore it from the key backup if it was lost.';
END
$$;
COMMENT ON FUNCTION internal.encrypt_secret(text, text) IS
    'AES-256-GCM encryption of a secret under the server''s data key, bound to context.';

-- Decrypt a stored secret; a blob that was tampered with, or sealed for another context or
-- under another key, is refused without showing its content.
CREATE FUNCTION internal.decrypt_secret(ciphertext bytea, context text)
RETURNS text
LANGUAGE plpgsql
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    plain text;
BEGIN
    BEGIN
        plain := internal.aead_decrypt(ciphertext, context);
    EXCEPTION WHEN undefined_file THEN
        RAISE EXCEPTION '%', regexp_replace(SQLERRM, '^plpy\.Error: ', '')
            USING ERRCODE = '58P01',
                  HINT = 'neuronplane up creates the key next to the data folder; restore it from the key backup if it was lost.';
    END;
    IF plain IS NULL THEN
        RAISE EXCEPTION 'a stored secret cannot be decrypted: it was altered, moved to another row, or encrypted under another key'
            USING ERRCODE = '39000';
    END IF;
    RETURN plain;
END
$$;
COMMENT ON FUNCTION internal.decrypt_secret(bytea, text) IS
    'The plaintext of a secret stored by internal.encrypt_secret() for the same context.';

COMMIT;
