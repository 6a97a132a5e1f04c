-- Revert neuronplane:api/ingest_worker_count from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION api.count_ingest_workers();

COMMIT;
