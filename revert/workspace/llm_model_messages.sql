-- Revert neuronplane:workspace/llm_model_messages from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- As workspace/llm_models made it.
CREATE OR REPLACE FUNCTION workspace.tg_llm_models__check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    bad text[];
BEGIN
    IF NEW.provider IS NULL OR NEW.provider NOT IN ('openai', 'anthropic', 'huggingface', 'local') THEN
        RAISE EXCEPTION 'provider must be openai, anthropic, huggingface or local, not "%"',
                        coalesce(NEW.provider, 'null')
            USING ERRCODE = '22023', COLUMN = 'provider';
    END IF;
    IF NEW.model_name IS NULL OR btrim(NEW.model_name) = '' THEN
        RAISE EXCEPTION 'model_name is required' USING ERRCODE = '22023', COLUMN = 'model_name';
    END IF;
    NEW.model_name := btrim(NEW.model_name);
    IF length(NEW.model_name) > 200 OR NEW.model_name ~ '[[:cntrl:]/]' THEN
        RAISE EXCEPTION 'model_name must be at most 200 characters, without "/" or control characters'
            USING ERRCODE = '22023', COLUMN = 'model_name';
    END IF;
    IF length(NEW.display_name) > 200 THEN
        RAISE EXCEPTION 'display_name must be at most 200 characters'
            USING ERRCODE = '22023', COLUMN = 'display_name';
    END IF;
    IF NEW.config IS NULL OR jsonb_typeof(NEW.config) <> 'object' THEN
        RAISE EXCEPTION 'config must be a JSON object' USING ERRCODE = '22023', COLUMN = 'config';
    END IF;
    bad := workspace.secret_config_keys(NEW.config);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'config must not hold secrets: % looks like one', array_to_string(bad, ', ')
            USING ERRCODE = '22023', COLUMN = 'config',
                  HINT = 'Store the provider key with set_llm_model_key: it is kept encrypted.';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.project_id IS DISTINCT FROM OLD.project_id THEN
        RAISE EXCEPTION 'an LLM model cannot move to another project'
            USING ERRCODE = '22023', COLUMN = 'project_id';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION workspace.tg_llm_models__check() IS
    'Trigger: validates provider, model_name, display_name and config with messages naming the field.';

COMMIT;
