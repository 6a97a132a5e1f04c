-- Deploy neuronplane:workspace/ingest_heartbeat_lock_order to pg
-- requires: workspace/ingest_worker

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- A heartbeat locked the worker's row, then the job's; publishing and failing a job lock
-- the job's row, then the worker's. A heartbeat that arrived during a publish deadlocked
-- with it (40P01), and the load failed. The heartbeat now takes them in the same order.
CREATE OR REPLACE FUNCTION workspace.ingest_heartbeat(worker_id uuid, job_id uuid DEFAULT NULL,
                                           attempt integer DEFAULT NULL,
                                           phase text DEFAULT NULL,
                                           rows_done bigint DEFAULT NULL,
                                           bytes_done bigint DEFAULT NULL,
                                           rows_total bigint DEFAULT NULL,
                                           bytes_total bigint DEFAULT NULL,
                                           embed_done bigint DEFAULT NULL,
                                           embed_total bigint DEFAULT NULL,
                                           detected_format text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s       text;
    running boolean;
BEGIN
    IF job_id IS NULL THEN
        UPDATE workspace.ingest_workers w SET heartbeat_at = now(), current_job_id = NULL
         WHERE w.worker_id = ingest_heartbeat.worker_id;
        RETURN NULL;
    END IF;
    UPDATE workspace.ingest_jobs x
       SET heartbeat_at = now(),
           phase = coalesce(ingest_heartbeat.phase, x.phase),
           rows_done = coalesce(ingest_heartbeat.rows_done, x.rows_done),
           bytes_done = coalesce(ingest_heartbeat.bytes_done, x.bytes_done),
           rows_total = coalesce(ingest_heartbeat.rows_total, x.rows_total),
           bytes_total = coalesce(ingest_heartbeat.bytes_total, x.bytes_total),
           embed_done = coalesce(ingest_heartbeat.embed_done, x.embed_done),
           embed_total = coalesce(ingest_heartbeat.embed_total, x.embed_total),
           detected_format = coalesce(ingest_heartbeat.detected_format, x.detected_format)
     WHERE x.id = ingest_heartbeat.job_id AND x.worker_id = ingest_heartbeat.worker_id
       AND x.attempt = ingest_heartbeat.attempt AND x.status = 'running';
    running := FOUND;
    -- (the job's row, then the worker's: the order in which publishing and failing a job
    -- lock them, so that a heartbeat during a publish waits instead of deadlocking)
    UPDATE workspace.ingest_workers w
       SET heartbeat_at = now(), current_job_id = ingest_heartbeat.job_id
     WHERE w.worker_id = ingest_heartbeat.worker_id;
    IF running THEN
        RETURN 'running';
    END IF;
    SELECT x.status INTO s FROM workspace.ingest_jobs x WHERE x.id = ingest_heartbeat.job_id;
    RETURN CASE WHEN s = 'cancelled' THEN 'cancelled' ELSE 'lost' END;
END
$$;

COMMIT;
