-- Revert neuronplane:workspace/llm_models from pg

BEGIN;

DELETE FROM internal.secret_columns WHERE name IN ('llm_model_keys');

DELETE FROM workspace.llm_models;
REVOKE USAGE ON SCHEMA workspace FROM authenticated, service, neuronplane_worker;
DELETE FROM audit.actions
 WHERE action IN ('workspace.llm_model.created', 'workspace.llm_model.updated',
                  'workspace.llm_model.deleted', 'workspace.secrets.rotated');

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION workspace.set_llm_model_key(uuid,text,text);
DROP FUNCTION workspace.set_llm_model_key(uuid,text);
DROP FUNCTION workspace.add_llm_model(uuid,text,text,text,jsonb,text);
DROP FUNCTION workspace.llm_model_for_write(uuid);
DROP FUNCTION workspace.store_llm_model_key(workspace.llm_models,text);
DROP TABLE workspace.llm_models;
DROP FUNCTION workspace.reveal_llm_model_key(uuid,uuid);
DROP FUNCTION workspace.tg_llm_models__created_by();
DROP FUNCTION workspace.tg_llm_models__audit();
DROP FUNCTION workspace.tg_llm_models__check();
DROP FUNCTION workspace.secret_config_keys(jsonb);

COMMIT;
