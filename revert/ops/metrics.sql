-- Revert neuronplane:ops/metrics from pg

BEGIN;

DO $$
BEGIN
    PERFORM cron.unschedule(jobid) FROM cron.job WHERE jobname = 'neuronplane-audit-verify';
END
$$;
DROP FUNCTION ops.metrics_ingest_workers();
DROP FUNCTION ops.metrics_ingest_jobs();
DROP FUNCTION ops.metrics_signing_keys();
DROP FUNCTION ops.metrics_audit();
DROP FUNCTION ops.metrics_security_events();
DROP FUNCTION ops.metrics_auth();
DROP FUNCTION audit.verify_and_record();
DROP TABLE audit.verification_runs;
REVOKE USAGE ON SCHEMA ops FROM neuronplane_exporter;
DO $$
BEGIN
    EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM neuronplane_exporter', current_database());
END
$$;
-- The role is cluster-wide: it stays (as roles/ keeps its roles), without rights here.

COMMIT;
