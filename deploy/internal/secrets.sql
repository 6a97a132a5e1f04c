-- Deploy neuronplane:internal/secrets to pg

BEGIN;

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
    RETURN internal.envelope_seal(plaintext, context);
END
$$;
COMMENT ON FUNCTION internal.encrypt_secret(text, text) IS
    'Envelope encryption of a secret (internal.envelope_seal(): a fresh data key wrapped by the master key), bound to context.';

-- Decrypt a stored secret; a blob that was tampered with, or sealed for another context or
-- under another key, is refused without showing its content.
CREATE FUNCTION internal.decrypt_secret(ciphertext bytea, context text)
RETURNS text
LANGUAGE plpgsql
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN internal.envelope_open(ciphertext, context);
END
$$;
COMMENT ON FUNCTION internal.decrypt_secret(bytea, text) IS
    'The plaintext of a secret stored by internal.encrypt_secret() for the same context (internal.envelope_open()): F0000 under another master key, 39000 when altered or moved.';

RESET ROLE;

-- Envelope encryption of workspace secrets (LLM provider keys, agent API keys): a fresh
-- data key per value, wrapped by the master key read from a key file outside the
-- database (plpython/np_envelope.py has the layout). The master key file is
-- neuronplane.master_key_file when set, else the server's data key (neuronplane.key_file).
-- (Like neuronplane.key_file, the setting is read with current_setting(): only code that
-- has a SQL session can change it, and it only points the server at another key, whose
-- content no function ever shows.)

-- PL/Python is untrusted: created by the deploying superuser, then owned by the owner,
-- the only role that may run them.
CREATE FUNCTION internal.envelope_seal_py(plaintext text, context text, key_file text)
RETURNS bytea
LANGUAGE plpython3u
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
import np_envelope
import np_secrets
try:
    key = np_secrets.load_key(key_file)
except np_secrets.KeyError_ as exc:
    plpy.error("master key: " + str(exc), sqlstate="58P01")
return np_envelope.seal(key, plaintext, context)
$$;
COMMENT ON FUNCTION internal.envelope_seal_py(text, text, text) IS
    'Envelope encryption under the master key in key_file; use internal.envelope_seal().';

-- One secrets scheme. Every stored secret (DSN passwords, MCP environments, OIDC client
-- secrets and PKCE verifiers, access-token signing keys, the autonomous login, ingestion
-- credentials, LLM provider keys, agent keys) is envelope-encrypted under the one master
-- key: internal.encrypt_secret() and decrypt_secret() are internal.envelope_seal() and
-- envelope_open(). The values the first scheme (AES-256-GCM straight under the key file)
-- stored are sealed again here, and its functions dropped.

-- A master key being rotated in stays readable beside the new one: a file named like the
-- master key with ".previous" appended is tried too (the blob names the key it needs), so
-- every session keeps opening every value while the rotation re-seals them.
-- (PL/Python is untrusted: the deploying superuser replaces it.)
CREATE FUNCTION internal.envelope_open_py(blob bytea, context text, key_files text[])
RETURNS text
LANGUAGE plpython3u
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
import os
import np_envelope
import np_secrets
paths = list(key_files)
if os.path.exists(key_files[0] + ".previous"):
    paths.append(key_files[0] + ".previous")
keys = []
for path in paths:
    try:
        keys.append(np_secrets.load_key(path))
    except np_secrets.KeyError_ as exc:
        plpy.error("master key: " + str(exc), sqlstate="58P01")
try:
    wanted = np_envelope.blob_kek_id(blob)
    for key in keys:
        if np_envelope.kek_id(key) == wanted:
            return np_envelope.open_(key, blob, context)
    return np_envelope.open_(keys[0], blob, context)
except np_envelope.WrongMasterKey as exc:
    plpy.error(str(exc), sqlstate="F0000")
except np_envelope.Tampered as exc:
    plpy.error(str(exc), sqlstate="39000")
$$;
COMMENT ON FUNCTION internal.envelope_open_py(bytea, text, text[]) IS
    'Opens an envelope-encrypted value with the master key it names, among key_files and the first one''s ".previous" file; use internal.envelope_open().';

REVOKE ALL ON FUNCTION internal.envelope_seal_py(text, text, text),
                       internal.envelope_open_py(bytea, text, text[]) FROM PUBLIC;
ALTER FUNCTION internal.envelope_seal_py(text, text, text) OWNER TO neuronplane_owner;
ALTER FUNCTION internal.envelope_open_py(bytea, text, text[]) OWNER TO neuronplane_owner;

SET LOCAL ROLE neuronplane_owner;

CREATE FUNCTION internal.master_key_file()
RETURNS text
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(nullif(current_setting('neuronplane.master_key_file', true), ''),
                    nullif(current_setting('neuronplane.key_file', true), ''))
$$;
COMMENT ON FUNCTION internal.master_key_file() IS
    'Path of the master key file of envelope encryption: neuronplane.master_key_file, else neuronplane.key_file.';

-- Seal a secret for storage, bound to context (table, column, row id).
CREATE FUNCTION internal.envelope_seal(plaintext text, context text)
RETURNS bytea
LANGUAGE plpgsql
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    path text := internal.master_key_file();
BEGIN
    IF path IS NULL THEN
        RAISE EXCEPTION 'no master key file is configured (neuronplane.master_key_file or neuronplane.key_file)'
            USING ERRCODE = 'F0000', HINT = 'neuronplane up configures the server''s key file.';
    END IF;
    BEGIN
        RETURN internal.envelope_seal_py(plaintext, context, path);
    EXCEPTION WHEN undefined_file THEN
        RAISE EXCEPTION '%', regexp_replace(SQLERRM, '^plpy\.Error: ', '')
            USING ERRCODE = '58P01', HINT = 'Restore the master key file from its backup.';
    END;
END
$$;
COMMENT ON FUNCTION internal.envelope_seal(text, text) IS
    'Envelope encryption of a secret (fresh data key, wrapped by the master key file), bound to context.';

-- Open a stored secret. With previous_key_file, values wrapped under that older master key
-- open too (rotation). A value wrapped under another master key fails with F0000 naming
-- both key ids; one altered or moved to another row with 39000. Neither shows the value.
CREATE FUNCTION internal.envelope_open(blob bytea, context text, previous_key_file text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    path text := internal.master_key_file();
BEGIN
    IF blob IS NULL THEN
        RETURN NULL;
    END IF;
    IF path IS NULL THEN
        RAISE EXCEPTION 'no master key file is configured (neuronplane.master_key_file or neuronplane.key_file)'
            USING ERRCODE = 'F0000', HINT = 'neuronplane up configures the server''s key file.';
    END IF;
    BEGIN
        RETURN internal.envelope_open_py(blob, context,
                                         ARRAY[path] || CASE WHEN previous_key_file IS NOT NULL
                                                             THEN ARRAY[previous_key_file] ELSE '{}' END);
    EXCEPTION
        WHEN undefined_file THEN
            RAISE EXCEPTION '%', regexp_replace(SQLERRM, '^plpy\.Error: ', '')
                USING ERRCODE = '58P01', HINT = 'Restore the master key file from its backup.';
        WHEN config_file_error THEN
            RAISE EXCEPTION 'a stored secret cannot be decrypted with this master key: %',
                            regexp_replace(SQLERRM, '^plpy\.Error: ', '')
                USING ERRCODE = 'F0000',
                      HINT = 'The server reads a different master key file than the one the secret was stored under: restore that file, or rotate with the old one given as previous_key_file.';
        WHEN external_routine_invocation_exception THEN
            RAISE EXCEPTION 'a stored secret cannot be decrypted: it was altered or moved to another row'
                USING ERRCODE = '39000';
    END;
END
$$;
COMMENT ON FUNCTION internal.envelope_open(bytea, text, text) IS
    'The plaintext of a value sealed by internal.envelope_seal() for context; F0000 under another master key, 39000 when altered.';


-- Where secrets are stored, and the context each value is sealed for (an SQL expression
-- over its row). Rotation and the checks of the scheme read this list.
CREATE TABLE internal.secret_columns (
    name        text PRIMARY KEY,
    table_name  regclass NOT NULL,
    column_name name NOT NULL,
    context_sql text NOT NULL,
    UNIQUE (table_name, column_name)
);
COMMENT ON TABLE internal.secret_columns IS
    'Every column that stores secrets, sealed by internal.encrypt_secret() for the context context_sql computes from the row.';
ALTER TABLE internal.secret_columns ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

COMMIT;
