-- Revert neuronplane:api/workspace from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION api.details(api.ingest_jobs);
DROP FUNCTION api.cancel_ingest(uuid);
DROP FUNCTION api.start_ingest(uuid,text,text,jsonb,text,jsonb,jsonb,jsonb,jsonb,text);
DROP FUNCTION api.set_profile_agent_key(uuid,text);
DROP FUNCTION api.create_profile(text,text,jsonb,text,text,uuid,text,jsonb);
DROP FUNCTION api.set_llm_model_key(uuid,text,text);
DROP FUNCTION api.set_llm_model_key(uuid,text);
DROP FUNCTION api.add_llm_model(uuid,text,text,text,jsonb,text);
DROP VIEW api.dataset_tables;
DROP VIEW api.ingest_jobs;
DROP VIEW api.profiles;
DROP VIEW api.llm_models;
DROP FUNCTION api.count_ingest_workers();
DROP FUNCTION api.authorize_onboarding_probe(text,text);

COMMIT;
