-- Revert neuronplane:workspace/ingest_handback from pg: the function as workspace/ingest_worker made it.

BEGIN;

SET LOCAL ROLE neuronplane_owner;

CREATE OR REPLACE FUNCTION workspace.stop_ingest_worker(worker_id uuid)
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    UPDATE workspace.ingest_workers w
       SET stopped_at = now(), current_job_id = NULL
     WHERE w.worker_id = stop_ingest_worker.worker_id
$$;
COMMENT ON FUNCTION workspace.stop_ingest_worker(uuid) IS
    'A worker that stops cleanly says so. Definer: workers have no table rights.';

COMMIT;
