-- Revert neuronplane:workspace/ingest_details from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION api.details(api.ingest_jobs);
DROP FUNCTION workspace.note_ingest(uuid, integer, jsonb);
REVOKE SELECT (details) ON workspace.ingest_jobs FROM authenticated, service;
ALTER TABLE workspace.ingest_jobs DROP COLUMN details;

COMMIT;
