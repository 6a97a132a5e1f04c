-- Deploy neuronplane:workspace/ingest_upload_sweep to pg
-- requires: workspace/ingest_worker

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- Uploaded files nobody will read again: those of jobs that ended without a worker
-- running them to the end (cancelled while queued, say), and those no job ever named
-- (the client went away between the upload and start_ingest) once they are old enough.
-- An idle worker removes each file, then forgets it (workspace.forget_ingest_upload()).
-- Definer: the worker role has no rights on the tables.
CREATE FUNCTION workspace.abandoned_ingest_uploads(unclaimed_after interval DEFAULT '1 day')
RETURNS TABLE (upload_id uuid, path text)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT u.id, u.path
      FROM workspace.ingest_uploads u
      LEFT JOIN workspace.ingest_jobs j ON j.id = u.job_id
     WHERE (u.job_id IS NOT NULL AND (j.id IS NULL OR j.status IN ('succeeded', 'failed', 'cancelled')))
        OR (u.job_id IS NULL AND u.created_at < now() - unclaimed_after)
     ORDER BY u.created_at
     LIMIT 100
$$;
COMMENT ON FUNCTION workspace.abandoned_ingest_uploads(interval) IS
    'Up to 100 uploads no job will read: their job has ended (or is gone), or no job named them within unclaimed_after. For the worker, which removes the files and forgets them.';

REVOKE ALL ON FUNCTION workspace.abandoned_ingest_uploads(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION workspace.abandoned_ingest_uploads(interval) TO neuronplane_worker;

COMMIT;
