-- Deploy neuronplane:workspace/ingest_retry to pg
-- requires: workspace/ingest_worker
-- requires: workspace/ingest_details

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- An attempt that lost its database connection (server restart, terminated backend) did
-- not fail on the data: like a crashed worker's, the job goes back to the queue, until the
-- job has had workspace.ingest_settings.max_attempts attempts. Each such attempt is listed
-- in details.attempts with its reason, so that the last error is not the only one seen.
-- Returns what became of the job: queued, failed, or lost (cancelled or no longer held
-- by this attempt: left alone).
-- SECURITY DEFINER: workers have no table rights.
CREATE FUNCTION workspace.retry_ingest(job_id uuid, attempt integer, reason text)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cfg workspace.ingest_settings;
    j   workspace.ingest_jobs;
    why text := left(coalesce(reason, 'the database connection was lost'), 2000);
BEGIN
    SELECT * INTO cfg FROM workspace.ingest_settings;
    SELECT * INTO j FROM workspace.ingest_jobs x
     WHERE x.id = retry_ingest.job_id AND x.attempt = retry_ingest.attempt
       AND x.status = 'running'
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 'lost';
    END IF;
    UPDATE workspace.ingest_jobs x
       SET details = x.details || jsonb_build_object('attempts',
               coalesce(x.details -> 'attempts', '[]') || jsonb_build_array(jsonb_build_object(
                   'attempt', j.attempt, 'reason', why, 'at', now())))
     WHERE x.id = j.id;
    IF j.attempt >= cfg.max_attempts THEN
        PERFORM workspace.fail_ingest(j.id, j.attempt,
                                      format('gave up after %s attempts: %s', j.attempt, why));
        RETURN 'failed';
    END IF;
    UPDATE workspace.ingest_jobs x
       SET status = 'queued', phase = NULL, worker_id = NULL, heartbeat_at = NULL
     WHERE x.id = j.id;
    UPDATE workspace.ingest_workers w SET current_job_id = NULL WHERE w.worker_id = j.worker_id;
    PERFORM pg_catalog.pg_notify('neuronplane_ingest', j.id::text);
    RETURN 'queued';
END
$$;
COMMENT ON FUNCTION workspace.retry_ingest(uuid, integer, text) IS
    'An attempt lost its database connection: the job is queued again (NOTIFY), or failed once it had max_attempts attempts; the reason is appended to details.attempts. Returns queued, failed or lost. Definer: workers have no table rights.';

GRANT EXECUTE ON FUNCTION workspace.retry_ingest(uuid, integer, text) TO neuronplane_worker;

COMMIT;
