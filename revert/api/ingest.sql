-- Revert neuronplane:api/ingest from pg

BEGIN;

DROP FUNCTION api.cancel_ingest(uuid);
DROP FUNCTION api.start_ingest(uuid, text, text, jsonb, text, jsonb, jsonb, jsonb, jsonb, text);
DROP FUNCTION workspace.check_ingest_request(text, jsonb, text, jsonb, jsonb, jsonb, jsonb);
DROP FUNCTION workspace.require_string(text, jsonb, text, text);
DROP FUNCTION workspace.check_keys(text, jsonb, text[]);
DROP VIEW api.dataset_tables;
DROP VIEW api.ingest_jobs;

COMMIT;
