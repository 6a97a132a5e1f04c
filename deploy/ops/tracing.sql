-- Deploy neuronplane:ops/tracing to pg
-- requires: schemas
-- requires: roles
-- requires: audit/events
-- requires: audit/project_org
-- requires: workspace/ingest
-- requires: workspace/ingest_worker

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The W3C traceparent of the request being served, if any: the one the glue or the worker
-- sets for its statement (neuronplane.traceparent), else PostgREST's request header. Only
-- a well-formed, sampled-or-not version-00 value with a non-zero trace id counts.
CREATE FUNCTION internal.current_traceparent()
RETURNS text
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    tp text := nullif(current_setting('neuronplane.traceparent', true), '');
BEGIN
    IF tp IS NULL THEN
        BEGIN
            tp := nullif(current_setting('request.headers', true), '')::jsonb ->> 'traceparent';
        EXCEPTION WHEN invalid_text_representation THEN
            tp := NULL;
        END;
    END IF;
    tp := lower(btrim(tp));
    IF tp ~ '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$'
       AND substr(tp, 4, 32) <> repeat('0', 32) AND substr(tp, 37, 16) <> repeat('0', 16) THEN
        RETURN tp;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION internal.current_traceparent() IS
    'The W3C traceparent of the current request (neuronplane.traceparent, else PostgREST''s traceparent header), or NULL when none or malformed.';

-- An audit event written while a traced request is served carries its trace id, so the
-- event leads to the trace. The caller's own details win.
CREATE FUNCTION audit.tg_events__trace_id()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    tp text := internal.current_traceparent();
BEGIN
    IF tp IS NOT NULL AND NOT NEW.details ? 'trace_id' THEN
        NEW.details := NEW.details || jsonb_build_object('trace_id', substr(tp, 4, 32));
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION audit.tg_events__trace_id() IS
    'Trigger: adds the trace id of the current request (internal.current_traceparent()) to an audit event''s details.';
CREATE TRIGGER events_trace_id BEFORE INSERT ON audit.events
    FOR EACH ROW EXECUTE FUNCTION audit.tg_events__trace_id();

-- The trace context of the request that queued a job, for the worker's spans.
CREATE TABLE workspace.ingest_job_traces (
    job_id      uuid PRIMARY KEY REFERENCES workspace.ingest_jobs (id) ON DELETE CASCADE,
    traceparent text NOT NULL CHECK (traceparent ~ '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$')
);
COMMENT ON TABLE workspace.ingest_job_traces IS
    'The W3C traceparent of the request that queued each ingestion job (when traced): the worker continues that trace.';
ALTER TABLE workspace.ingest_job_traces ENABLE ROW LEVEL SECURITY;
ALTER TABLE workspace.ingest_job_traces FORCE ROW LEVEL SECURITY;
-- No policy: only the owner (BYPASSRLS), through the functions below, reads or writes it.

-- SECURITY DEFINER: writes a table no API role may write.
CREATE FUNCTION workspace.tg_ingest_jobs__trace()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    tp text := internal.current_traceparent();
BEGIN
    IF tp IS NOT NULL THEN
        INSERT INTO workspace.ingest_job_traces (job_id, traceparent) VALUES (NEW.id, tp);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION workspace.tg_ingest_jobs__trace() IS
    'Trigger: keeps the traceparent of the request that queued a job.';
CREATE TRIGGER ingest_jobs_trace AFTER INSERT ON workspace.ingest_jobs
    FOR EACH ROW EXECUTE FUNCTION workspace.tg_ingest_jobs__trace();

-- SECURITY DEFINER: the worker has no table rights.
CREATE FUNCTION workspace.ingest_job_traceparent(job_id uuid)
RETURNS text
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT t.traceparent FROM workspace.ingest_job_traces t WHERE t.job_id = ingest_job_traceparent.job_id
$$;
COMMENT ON FUNCTION workspace.ingest_job_traceparent(uuid) IS
    'The traceparent of the request that queued the job, or NULL; for the ingestion worker.';

REVOKE ALL ON FUNCTION internal.current_traceparent(), audit.tg_events__trace_id(),
    workspace.tg_ingest_jobs__trace(), workspace.ingest_job_traceparent(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION workspace.ingest_job_traceparent(uuid) TO neuronplane_worker;

COMMIT;
