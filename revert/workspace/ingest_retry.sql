-- Revert neuronplane:workspace/ingest_retry from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION workspace.retry_ingest(uuid, integer, text);

COMMIT;
