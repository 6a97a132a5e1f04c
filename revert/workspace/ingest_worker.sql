-- Revert neuronplane:workspace/ingest_worker from pg

BEGIN;

DROP FUNCTION workspace.abandoned_ingest_uploads(interval);
DROP FUNCTION workspace.forget_ingest_upload(uuid);
DROP FUNCTION workspace.register_ingest_upload(text, bigint, text);
DROP FUNCTION workspace.fail_ingest(uuid, integer, text);
DROP FUNCTION workspace.publish_ingest(uuid, integer, bigint, jsonb, jsonb, text, bigint);
DROP FUNCTION workspace.add_embedding_column(uuid, integer, integer);
DROP FUNCTION workspace.begin_ingest_load(uuid, integer, jsonb);
DROP FUNCTION workspace.ingest_column_types();
DROP FUNCTION workspace.staging_table(uuid);
DROP FUNCTION workspace.require_ingest_attempt(uuid, integer, boolean);
DROP FUNCTION workspace.ingest_heartbeat(uuid, uuid, integer, text, bigint, bigint, bigint, bigint, bigint, bigint, text);
DROP FUNCTION workspace.claim_ingest_job(uuid);
DROP FUNCTION workspace.stop_ingest_worker(uuid);
DROP FUNCTION workspace.register_ingest_worker(uuid, text, integer);

COMMIT;
