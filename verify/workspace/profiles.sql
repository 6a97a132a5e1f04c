-- Verify neuronplane:workspace/profiles on pg

BEGIN;

SELECT project_id, key_ciphertext, key_last4, key_updated_at FROM workspace.project_agent_keys WHERE false;

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
