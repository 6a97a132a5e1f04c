-- Verify neuronplane:ops/metrics on pg

BEGIN;

SELECT active_sessions, locked_accounts, locked_addresses, api_key_requests_this_minute
  FROM ops.metrics_auth() WHERE false;
SELECT action, reason, last_5m FROM ops.metrics_security_events() WHERE false;
SELECT events_appended, unsealed_events, seal_lag_seconds, last_seal_run_timestamp_seconds,
       verification_ok, last_verification_timestamp_seconds
  FROM ops.metrics_audit() WHERE false;
SELECT active_age_seconds, active_keys, next_keys FROM ops.metrics_signing_keys() WHERE false;
SELECT status, jobs, oldest_age_seconds FROM ops.metrics_ingest_jobs() WHERE false;
SELECT workers_alive, workers_stale, jobs_stuck, newest_heartbeat_age_seconds
  FROM ops.metrics_ingest_workers() WHERE false;
SELECT id, checked_at, ok, event_id, problem FROM audit.verification_runs WHERE false;

DO $$
BEGIN
    ASSERT (SELECT rolcanlogin AND NOT rolsuper AND NOT rolbypassrls
              FROM pg_catalog.pg_roles WHERE rolname = 'neuronplane_exporter'),
           'neuronplane_exporter must log in, without superuser or BYPASSRLS';
    ASSERT pg_has_role('neuronplane_exporter', 'pg_monitor', 'USAGE'),
           'neuronplane_exporter must have pg_monitor';
    ASSERT has_function_privilege('neuronplane_exporter', 'ops.metrics_audit()', 'EXECUTE')
       AND NOT has_function_privilege('authenticated', 'ops.metrics_audit()', 'EXECUTE')
       AND NOT has_function_privilege('neuronplane_exporter', 'audit.verify_and_record()', 'EXECUTE'),
           'only the exporter may read the metrics, and it may not run the verification';
    ASSERT NOT has_table_privilege('neuronplane_exporter', 'audit.events', 'SELECT')
       AND NOT has_table_privilege('neuronplane_exporter', 'auth.sessions', 'SELECT'),
           'the exporter reads no table of neuronplane';
    ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_catalog.pg_class
             WHERE oid = 'audit.verification_runs'::regclass),
           'audit.verification_runs must have forced row level security';
    ASSERT EXISTS (SELECT FROM cron.job WHERE jobname = 'neuronplane-audit-verify'),
           'the hourly verification must be scheduled';
END
$$;

ROLLBACK;
