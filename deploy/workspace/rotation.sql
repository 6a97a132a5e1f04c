-- Deploy neuronplane:workspace/rotation to pg
-- requires: workspace/llm_models
-- requires: workspace/profiles
-- requires: audit/record

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Encrypt every stored workspace secret again: a fresh data key and fresh nonces, wrapped
-- under the current master key. A value wrapped under an older master key opens with
-- previous_key_file (the old key file, kept readable by the server until this has run):
-- that is how the master key is replaced. A value that opens under neither fails the whole
-- rotation (F0000 naming the key ids), so nothing is left half rotated. Superuser only: it
-- reads a key file named by its argument.
CREATE FUNCTION workspace.rotate_secrets(previous_key_file text DEFAULT NULL)
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
REVOKE ALL ON FUNCTION workspace.rotate_secrets(text) FROM PUBLIC;

COMMIT;
