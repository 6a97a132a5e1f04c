-- Revert neuronplane:workspace/ingest_worker from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION workspace.count_ingest_workers();
DROP FUNCTION workspace.cancel_ingest(uuid);
DROP FUNCTION workspace.start_ingest(uuid,text,text,jsonb,text,jsonb,jsonb,jsonb,jsonb,text);
DROP FUNCTION workspace.retry_ingest(uuid,int4,text);
DROP FUNCTION workspace.note_ingest(uuid,int4,jsonb);
DROP FUNCTION workspace.abandoned_ingest_uploads(interval);
DROP FUNCTION workspace.forget_ingest_upload(uuid);
DROP FUNCTION workspace.register_ingest_upload(text,int8,text);
DROP FUNCTION workspace.fail_ingest(uuid,int4,text);
DROP FUNCTION workspace.publish_ingest(uuid,int4,int8,jsonb,jsonb,text,int8);
DROP FUNCTION workspace.add_embedding_column(uuid,int4,int4);
DROP FUNCTION workspace.begin_ingest_load(uuid,int4,jsonb);
DROP FUNCTION workspace.ingest_column_types();
DROP FUNCTION workspace.staging_table(uuid);
DROP FUNCTION workspace.require_ingest_attempt(uuid,int4,bool);
DROP FUNCTION workspace.ingest_heartbeat(uuid,uuid,int4,text,int8,int8,int8,int8,int8,int8,text);
DROP FUNCTION workspace.claim_ingest_job(uuid);
DROP FUNCTION workspace.stop_ingest_worker(uuid);
DROP FUNCTION workspace.register_ingest_worker(uuid,text,int4);

COMMIT;
