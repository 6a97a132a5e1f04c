-- Revert neuronplane:internal/secrets from pg (the rework after @v0.2.0)
-- Back to two schemes: the first scheme's functions again, the secrets it held sealed by
-- it again, envelope encryption for the workspace's keys only.

BEGIN;

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

CREATE OR REPLACE FUNCTION internal.envelope_open_py(blob bytea, context text, key_files text[])
RETURNS text
LANGUAGE plpython3u
VOLATILE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
import np_envelope
import np_secrets
keys = []
for path in key_files:
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
    'Opens an envelope-encrypted value with the master key (of key_files) it names; use internal.envelope_open().';

SET LOCAL ROLE neuronplane_owner;

CREATE OR REPLACE FUNCTION internal.encrypt_secret(plaintext text, context text)
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
CREATE OR REPLACE FUNCTION internal.decrypt_secret(ciphertext bytea, context text)
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

CREATE OR REPLACE FUNCTION workspace.rotate_secrets(previous_key_file text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n_models integer;
    n_agents integer;
    result jsonb;
BEGIN
    -- One statement per table: the rows are locked and rewritten together.
    UPDATE workspace.llm_models m
       SET key_ciphertext = internal.envelope_seal(
               internal.envelope_open(m.key_ciphertext, 'workspace.llm_models.key:' || m.id,
                                      previous_key_file),
               'workspace.llm_models.key:' || m.id)
     WHERE m.key_ciphertext IS NOT NULL;
    GET DIAGNOSTICS n_models = ROW_COUNT;
    UPDATE workspace.project_agent_keys k
       SET key_ciphertext = internal.envelope_seal(
               internal.envelope_open(k.key_ciphertext, 'workspace.project_agent_keys.key:' || k.project_id,
                                      previous_key_file),
               'workspace.project_agent_keys.key:' || k.project_id);
    GET DIAGNOSTICS n_agents = ROW_COUNT;
    result := jsonb_build_object('llm_model_keys', n_models, 'agent_api_keys', n_agents,
                                 'with_previous_key_file', previous_key_file IS NOT NULL);
    PERFORM audit.record('workspace.secrets.rotated', 'success', NULL, NULL, result);
    RETURN result;
END
$$;
COMMENT ON FUNCTION workspace.rotate_secrets(text) IS
    'Re-encrypt every LLM model key and agent API key under fresh data keys and the current master key (values under previous_key_file''s key too); superuser only. Returns the counts.';
UPDATE audit.actions
   SET description = 'Stored workspace secrets were encrypted again under fresh data keys and the current master key; details has the counts.'
 WHERE action = 'workspace.secrets.rotated';

RESET ROLE;

DO $$
DECLARE
    c record;
BEGIN
    PERFORM set_config('session_replication_role', 'replica', true);
    FOR c IN SELECT * FROM internal.secret_columns
              WHERE name NOT IN ('llm_model_keys', 'agent_api_keys') LOOP
        EXECUTE format('UPDATE %s SET %I = internal.aead_encrypt(internal.envelope_open(%I, %s), %s)
                         WHERE %I IS NOT NULL',
                       c.table_name, c.column_name, c.column_name, c.context_sql, c.context_sql,
                       c.column_name);
    END LOOP;
    PERFORM set_config('session_replication_role', 'origin', true);
END
$$;

DROP TABLE internal.secret_columns;

COMMIT;
