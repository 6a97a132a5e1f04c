-- Deploy neuronplane:internal/secrets to pg (reworked after @v0.2.0)
-- requires: internal/secrets@v0.2.0
-- requires: workspace/envelope
-- requires: workspace/rotation
-- requires: workspace/ingest
-- requires: identity/projects
-- requires: auth/oidc
-- requires: auth/signing_keys
-- requires: auth/api_key_requests

BEGIN;

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
CREATE OR REPLACE FUNCTION internal.envelope_open_py(blob bytea, context text, key_files text[])
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

SET LOCAL ROLE neuronplane_owner;

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

INSERT INTO internal.secret_columns (name, table_name, column_name, context_sql) VALUES
    ('dsn_passwords', 'identity.projects', 'neurondb_dsn_secret', $$'identity.projects.neurondb_dsn:' || id$$),
    ('mcp_environments', 'identity.projects', 'mcp_env_secret', $$'identity.projects.mcp_env:' || id$$),
    ('oidc_client_secrets', 'auth.oidc_providers', 'client_secret', $$'auth.oidc_providers:' || name$$),
    ('oidc_code_verifiers', 'auth.login_attempts', 'code_verifier', $$'auth.login_attempts:' || id$$),
    ('signing_keys', 'auth.signing_keys', 'private_key', $$'auth.signing_keys:' || kid$$),
    ('autonomous_logins', 'auth.autonomous_logins', 'password', $$'auth.autonomous_logins:' || role_name$$),
    ('ingest_credentials', 'workspace.ingest_jobs', 'credentials_secret', $$'workspace.ingest_jobs.credentials:' || id$$),
    ('llm_model_keys', 'workspace.llm_models', 'key_ciphertext', $$'workspace.llm_models.key:' || id$$),
    ('agent_api_keys', 'workspace.project_agent_keys', 'key_ciphertext', $$'workspace.project_agent_keys.key:' || project_id$$);

CREATE OR REPLACE FUNCTION internal.encrypt_secret(plaintext text, context text)
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

CREATE OR REPLACE FUNCTION internal.decrypt_secret(ciphertext bytea, context text)
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

-- Every stored secret sealed again under fresh data keys and the current master key, in the
-- caller's transaction; a value under previous_key_file's key opens too. A re-seal changes
-- no row's meaning: the tables' triggers (updated_at, audit, checks) are skipped, which
-- only a superuser may do. Returns the count per kind of secret, and audits them.
CREATE OR REPLACE FUNCTION workspace.rotate_secrets(previous_key_file text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    c       record;
    n       integer;
    result  jsonb := '{}';
    replica text := current_setting('session_replication_role');
BEGIN
    PERFORM set_config('session_replication_role', 'replica', true);
    FOR c IN SELECT * FROM internal.secret_columns ORDER BY name LOOP
        EXECUTE format('UPDATE %s SET %I = internal.envelope_seal(internal.envelope_open(%I, %s, $1), %s)
                         WHERE %I IS NOT NULL',
                       c.table_name, c.column_name, c.column_name, c.context_sql, c.context_sql,
                       c.column_name)
          USING previous_key_file;
        GET DIAGNOSTICS n = ROW_COUNT;
        result := result || jsonb_build_object(c.name, n);
    END LOOP;
    PERFORM set_config('session_replication_role', replica, true);
    result := result || jsonb_build_object('with_previous_key_file', previous_key_file IS NOT NULL);
    PERFORM audit.record('workspace.secrets.rotated', 'success', NULL, NULL, result);
    RETURN result;
END
$$;
COMMENT ON FUNCTION workspace.rotate_secrets(text) IS
    'Re-encrypt every stored secret (internal.secret_columns) under fresh data keys and the current master key (values under previous_key_file''s key too); superuser only. Returns the counts per kind.';

UPDATE audit.actions
   SET description = 'Every stored secret was encrypted again under fresh data keys and the current master key; details has the counts per kind.'
 WHERE action = 'workspace.secrets.rotated';

RESET ROLE;

-- The values of the first scheme, sealed again; then its functions go.
CREATE FUNCTION pg_temp.first_scheme_open(blob bytea, context text)
RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
    plain text := internal.aead_decrypt(blob, context);
BEGIN
    IF plain IS NULL THEN
        RAISE EXCEPTION 'the secret stored for % does not decrypt under neuronplane.key_file', context
            USING ERRCODE = '39000', HINT = 'Deploy with the key file the secrets were stored under.';
    END IF;
    RETURN plain;
END
$$;
DO $$
DECLARE
    c record;
BEGIN
    PERFORM set_config('session_replication_role', 'replica', true);
    FOR c IN SELECT * FROM internal.secret_columns LOOP
        EXECUTE format('UPDATE %s SET %I = internal.envelope_seal(pg_temp.first_scheme_open(%I, %s), %s)
                         WHERE get_byte(%I, 0) = 1',
                       c.table_name, c.column_name, c.column_name, c.context_sql, c.context_sql,
                       c.column_name);
    END LOOP;
    PERFORM set_config('session_replication_role', 'origin', true);
END
$$;
DROP FUNCTION internal.aead_decrypt(bytea, text);
DROP FUNCTION internal.aead_encrypt(text, text);

COMMIT;
