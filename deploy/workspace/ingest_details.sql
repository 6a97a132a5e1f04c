-- Deploy neuronplane:workspace/ingest_details to pg
-- requires: workspace/ingest_worker
-- requires: api/ingest

BEGIN;

SET LOCAL ROLE neuronplane_owner;

ALTER TABLE workspace.ingest_jobs
    ADD COLUMN details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object');
COMMENT ON COLUMN workspace.ingest_jobs.details IS
    'What the worker decided while reading the source: restarts of the load and why, missing-value markers, compression, byte order mark.';
GRANT SELECT (details) ON workspace.ingest_jobs TO authenticated, service;

-- Merges a note of the worker into the job's details. Called on the worker's own autocommit
-- connection, never in the load's transaction: that one must not hold the job's row, or
-- the job's heartbeats would wait for it. Definer: workers have no table rights.
CREATE FUNCTION workspace.note_ingest(job_id uuid, attempt integer, details jsonb)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF details IS NULL OR jsonb_typeof(details) <> 'object' THEN
        RAISE EXCEPTION 'details must be a JSON object' USING ERRCODE = '22023';
    END IF;
    PERFORM workspace.require_ingest_attempt(note_ingest.job_id, note_ingest.attempt);
    UPDATE workspace.ingest_jobs x
       SET details = x.details || note_ingest.details
     WHERE x.id = note_ingest.job_id;
END
$$;
COMMENT ON FUNCTION workspace.note_ingest(uuid, integer, jsonb) IS
    'Merges the worker''s notes (restarts, missing-value markers, compression) into the job''s details while this attempt holds it; 57014 cancelled, 40001 lost. Definer: workers have no table rights.';
REVOKE ALL ON FUNCTION workspace.note_ingest(uuid, integer, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION workspace.note_ingest(uuid, integer, jsonb) TO neuronplane_worker;

-- A computed field of api.ingest_jobs (GET /ingest_jobs?select=*,details) rather than a new
-- column of the view: the view's row type is the return type of api.start_ingest() and
-- api.cancel_ingest(), so a column added to it could not be taken away again on revert.
CREATE FUNCTION api.details(job api.ingest_jobs)
RETURNS jsonb
LANGUAGE sql
STABLE
AS $$
    SELECT j.details FROM workspace.ingest_jobs j WHERE j.id = job.id
$$;
COMMENT ON FUNCTION api.details(api.ingest_jobs) IS
$$What the worker decided while reading the job's source; ask for it with GET /ingest_jobs?select=*,details. {"restarts": [{"column", "from", "to", "reason"}]} when a value beyond the sample did not fit its column and the load started again with a wider type; {"missing_values": {"marker", "columns", "source"}} when a marker such as NA was read as NULL (source: detected or options.null); {"compression": "gzip"|"bzip2"|"xz"|"zstd"}; {"byte_order_mark": true}; {"json_member": name} when a JSON object's one array member was read.$$;
REVOKE ALL ON FUNCTION api.details(api.ingest_jobs) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.details(api.ingest_jobs) TO authenticated, service;

COMMIT;
