-- Revert neuronplane:ops/ingest_workers from pg

BEGIN;

GRANT CREATE ON SCHEMA ops TO neuronplane_monitor;
SET LOCAL ROLE neuronplane_monitor;

CREATE OR REPLACE FUNCTION ops.workers_snapshot()
RETURNS TABLE (
    kind         text,
    name         text,
    state        text,
    started_at   timestamptz,
    last_seen_at timestamptz,
    details      jsonb
)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM ops.require_monitor_access();
    RETURN QUERY
    SELECT CASE WHEN a.backend_type = 'client backend' THEN 'application' ELSE 'background_worker' END,
           coalesce(nullif(a.application_name, ''), a.backend_type),
           coalesce(a.state, 'running'),
           a.backend_start,
           greatest(a.backend_start, a.state_change, a.query_start),
           jsonb_build_object('pid', a.pid, 'backend_type', a.backend_type,
                              'database', a.datname, 'wait_event_type', a.wait_event_type,
                              'wait_event', a.wait_event)
      FROM pg_stat_activity a
     WHERE a.backend_type NOT IN ('client backend', 'walsender')
        OR (a.backend_type = 'client backend' AND a.pid <> pg_backend_pid()
            AND (a.application_name LIKE 'neuronplane%' OR a.application_name = 'postgrest'));
    RETURN QUERY
    SELECT 'scheduler_job', j.jobname::text,
           CASE WHEN NOT j.active THEN 'inactive' ELSE coalesce(r.status, 'not run yet') END,
           NULL::timestamptz,
           r.end_time,
           jsonb_build_object('jobid', j.jobid, 'schedule', j.schedule, 'database', j.database,
                              'last_start', r.start_time, 'last_end', r.end_time,
                              'last_status', r.status,
                              'failures_last_day',
                              (SELECT count(*) FROM cron.job_run_details f
                                WHERE f.jobid = j.jobid AND f.status = 'failed'
                                  AND f.start_time > now() - interval '1 day'))
      FROM cron.job j
      LEFT JOIN LATERAL (SELECT d.status, d.start_time, d.end_time FROM cron.job_run_details d
                          WHERE d.jobid = j.jobid ORDER BY d.runid DESC LIMIT 1) r ON true
     WHERE j.database = current_database();
END
$$;

COMMENT ON FUNCTION ops.workers_snapshot() IS
    'Background workers and neuronplane processes (pg_stat_activity) and pg_cron jobs with their last run; administrators only.';

RESET ROLE;
REVOKE CREATE ON SCHEMA ops FROM neuronplane_monitor;
SET LOCAL ROLE neuronplane_owner;

COMMENT ON VIEW ops.workers IS
    'Background workers, neuronplane processes and scheduler jobs (ops.workers_snapshot()); ingestion worker heartbeats are to be added.';
COMMENT ON VIEW api.workers IS
$$Background work: PostgreSQL background workers and neuronplane's processes (from pg_stat_activity, kind background_worker / application) and pg_cron's scheduler jobs with their last run (kind scheduler_job). For platform administrators and organization owners/admins (42501 otherwise).$$;
COMMENT ON COLUMN api.workers.kind IS 'background_worker, application or scheduler_job.';
COMMENT ON COLUMN api.workers.state IS 'Session state, or the job''s last status (succeeded, failed, running, inactive, not run yet).';

RESET ROLE;
REVOKE SELECT ON workspace.ingest_settings, workspace.ingest_workers FROM neuronplane_monitor;
REVOKE USAGE ON SCHEMA workspace FROM neuronplane_monitor;

COMMIT;
