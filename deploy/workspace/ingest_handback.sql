-- Deploy neuronplane:workspace/ingest_handback to pg
-- requires: workspace/ingest_worker

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- A worker that stops cleanly (SIGTERM, Ctrl-C) used to leave its running job to be taken
-- over only once the job's heartbeat had gone stale. It now hands the job back at once:
-- queued again, for the next worker (woken by NOTIFY). The worker calls this after its
-- load connection is closed, so its transaction, and the half-loaded staging table with
-- it, are gone; the next attempt starts from the source, and the old attempt number can
-- no longer publish (workspace.require_ingest_attempt).
CREATE OR REPLACE FUNCTION workspace.stop_ingest_worker(worker_id uuid)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    handed uuid;
BEGIN
    UPDATE workspace.ingest_workers w
       SET stopped_at = now(), current_job_id = NULL
     WHERE w.worker_id = $1;
    FOR handed IN
        UPDATE workspace.ingest_jobs j
           SET status = 'queued', phase = NULL, worker_id = NULL, heartbeat_at = NULL
         WHERE j.worker_id = $1 AND j.status = 'running'
        RETURNING j.id
    LOOP
        PERFORM pg_catalog.pg_notify('neuronplane_ingest', handed::text);
    END LOOP;
END
$$;
COMMENT ON FUNCTION workspace.stop_ingest_worker(uuid) IS
    'A worker that stops cleanly says so, and hands its running job back (queued again, with NOTIFY) for the next worker. Definer: workers have no table rights.';

COMMIT;
