-- Verify neuronplane:workspace/profiles on pg

BEGIN;

SELECT project_id, key_ciphertext, key_last4, key_updated_at FROM workspace.project_agent_keys WHERE false;
SELECT id, org_id, user_id, name, description, neurondb_dsn, has_dsn_password, mcp_config,
       agent_endpoint, has_agent_api_key, agent_api_key_last4, metadata, created_at, updated_at
  FROM api.profiles WHERE false;
SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('api.create_profile(text, text, jsonb, text, text, uuid, text, jsonb)'::regprocedure,
               'api.set_profile_agent_key(uuid, text)'::regprocedure,
               'workspace.reveal_project_agent_key(uuid)'::regprocedure);

DO $$
BEGIN
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'workspace.project_agent_keys'::regclass),
           'workspace.project_agent_keys must have forced row level security';
    ASSERT NOT has_column_privilege('authenticated', 'workspace.project_agent_keys', 'key_ciphertext', 'SELECT')
       AND NOT has_column_privilege('service', 'workspace.project_agent_keys', 'key_ciphertext', 'SELECT')
       AND has_column_privilege('authenticated', 'workspace.project_agent_keys', 'key_last4', 'SELECT'),
           'no API role may select an agent key''s ciphertext';
    ASSERT has_function_privilege('neuronplane_worker', 'workspace.reveal_project_agent_key(uuid)', 'EXECUTE')
       AND NOT has_function_privilege('authenticated', 'workspace.reveal_project_agent_key(uuid)', 'EXECUTE')
       AND NOT has_function_privilege('service', 'workspace.reveal_project_agent_key(uuid)', 'EXECUTE'),
           'only neuronplane_worker may reveal an agent key';
END
$$;

ROLLBACK;
