-- Verify neuronplane:workspace/llm_models on pg

BEGIN;

SELECT id, project_id, provider, model_name, display_name, config, key_ciphertext, key_last4,
       key_updated_at, created_by, created_at, updated_at
  FROM workspace.llm_models WHERE false;

DO $$
BEGIN
    ASSERT pg_get_functiondef('workspace.tg_llm_models__check()'::regprocedure)
           NOT LIKE '%coalesce(NEW.provider%',
        'workspace.tg_llm_models__check must not quote the refused provider';
END
$$;

ROLLBACK;
