-- Revert neuronplane:ops/tracing from pg

BEGIN;

DROP FUNCTION workspace.ingest_job_traceparent(uuid);
DROP TRIGGER ingest_jobs_trace ON workspace.ingest_jobs;
DROP FUNCTION workspace.tg_ingest_jobs__trace();
DROP TABLE workspace.ingest_job_traces;
DROP TRIGGER events_trace_id ON audit.events;
DROP FUNCTION audit.tg_events__trace_id();
DROP FUNCTION internal.current_traceparent();

COMMIT;
