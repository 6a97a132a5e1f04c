-- Revert neuronplane:workspace/ingest_upload_sweep from pg

BEGIN;

DROP FUNCTION workspace.abandoned_ingest_uploads(interval);

COMMIT;
