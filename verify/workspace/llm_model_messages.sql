-- Verify neuronplane:workspace/llm_model_messages on pg

BEGIN;

DO $$
BEGIN
    ASSERT pg_get_functiondef('workspace.tg_llm_models__check()'::regprocedure)
           NOT LIKE '%coalesce(NEW.provider%',
        'workspace.tg_llm_models__check must not quote the refused provider';
END
$$;

ROLLBACK;
