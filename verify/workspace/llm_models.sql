-- Verify neuronplane:workspace/llm_models on pg

BEGIN;

SELECT id, project_id, provider, model_name, display_name, config, key_ciphertext, key_last4,
       key_updated_at, created_by, created_at, updated_at
  FROM workspace.llm_models WHERE false;
SELECT id, project_id, provider, model_name, display_name, config, has_key, key_last4,
       key_updated_at, created_by, created_at, updated_at
  FROM api.llm_models WHERE false;
SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid IN ('api.add_llm_model(uuid, text, text, text, jsonb, text)'::regprocedure,
               'api.set_llm_model_key(uuid, text)'::regprocedure,
               'api.set_llm_model_key(uuid, text, text)'::regprocedure,
               'workspace.reveal_llm_model_key(uuid, uuid)'::regprocedure);

DO $$
BEGIN
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'workspace.llm_models'::regclass),
           'workspace.llm_models must have forced row level security';
    ASSERT has_column_privilege('authenticated', 'workspace.llm_models', 'key_last4', 'SELECT')
       AND NOT has_column_privilege('authenticated', 'workspace.llm_models', 'key_ciphertext', 'SELECT')
       AND NOT has_column_privilege('service', 'workspace.llm_models', 'key_ciphertext', 'SELECT')
       AND NOT has_column_privilege('neuronplane_worker', 'workspace.llm_models', 'key_ciphertext', 'SELECT'),
           'no API or worker role may select key_ciphertext';
    ASSERT has_function_privilege('neuronplane_worker', 'workspace.reveal_llm_model_key(uuid, uuid)', 'EXECUTE')
       AND NOT has_function_privilege('authenticated', 'workspace.reveal_llm_model_key(uuid, uuid)', 'EXECUTE')
       AND NOT has_function_privilege('service', 'workspace.reveal_llm_model_key(uuid, uuid)', 'EXECUTE')
       AND NOT has_function_privilege('anon', 'workspace.reveal_llm_model_key(uuid, uuid)', 'EXECUTE'),
           'only neuronplane_worker may reveal a model key';
    ASSERT NOT has_function_privilege('anon', 'api.set_llm_model_key(uuid, text)', 'EXECUTE'),
           'anon may not set keys';
END
$$;

ROLLBACK;
