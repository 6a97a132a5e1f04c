-- Revert neuronplane:workspace/llm_models from pg

BEGIN;

DROP FUNCTION workspace.reveal_llm_model_key(uuid, uuid);
DROP FUNCTION api.set_llm_model_key(uuid, text, text);
DROP FUNCTION api.set_llm_model_key(uuid, text);
DROP FUNCTION api.add_llm_model(uuid, text, text, text, jsonb, text);
DROP FUNCTION workspace.llm_model_for_write(uuid);
DROP FUNCTION workspace.store_llm_model_key(workspace.llm_models, text);
DROP VIEW api.llm_models;
-- The models' resource scopes (and the policies on them) go with the rows.
DROP TRIGGER llm_models_audit ON workspace.llm_models;
DELETE FROM workspace.llm_models;
DROP TABLE workspace.llm_models;
DROP FUNCTION workspace.tg_llm_models__created_by();
DROP FUNCTION workspace.tg_llm_models__audit();
DROP FUNCTION workspace.tg_llm_models__check();
DROP FUNCTION workspace.secret_config_keys(jsonb);
REVOKE USAGE ON SCHEMA workspace FROM authenticated, service, neuronplane_worker;
DELETE FROM audit.actions
 WHERE action IN ('workspace.llm_model.created', 'workspace.llm_model.updated',
                  'workspace.llm_model.deleted', 'workspace.secrets.rotated');

COMMIT;
