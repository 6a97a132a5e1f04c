-- Verify neuronplane:ops/tracing on pg

BEGIN;

SELECT job_id, traceparent FROM workspace.ingest_job_traces WHERE false;
SELECT 1/count(*) FROM pg_catalog.pg_trigger
 WHERE tgname = 'events_trace_id' AND tgrelid = 'audit.events'::regclass;
SELECT 1/count(*) FROM pg_catalog.pg_trigger
 WHERE tgname = 'ingest_jobs_trace' AND tgrelid = 'workspace.ingest_jobs'::regclass;

DO $$
BEGIN
    PERFORM set_config('neuronplane.traceparent',
                       '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', true);
    ASSERT internal.current_traceparent() = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
           'a well-formed traceparent must be read';
    PERFORM set_config('neuronplane.traceparent', '00-' || repeat('0', 32) || '-00f067aa0ba902b7-01', true);
    ASSERT internal.current_traceparent() IS NULL, 'an all-zero trace id must be ignored';
    ASSERT has_function_privilege('neuronplane_worker', 'workspace.ingest_job_traceparent(uuid)', 'EXECUTE')
       AND NOT has_function_privilege('authenticated', 'workspace.ingest_job_traceparent(uuid)', 'EXECUTE'),
           'only the worker reads a job''s traceparent';
END
$$;

ROLLBACK;
