-- Revert neuronplane:ops/monitoring from pg

BEGIN;

REVOKE USAGE ON SCHEMA ops FROM authenticated, service;
REVOKE USAGE ON SCHEMA ops FROM neuronplane_monitor;
REVOKE SELECT ON cron.job, cron.job_run_details FROM neuronplane_monitor;
REVOKE SELECT ON workspace.ingest_settings, workspace.ingest_workers FROM neuronplane_monitor;
REVOKE USAGE ON SCHEMA workspace FROM neuronplane_monitor;
REVOKE USAGE ON SCHEMA cron FROM neuronplane_monitor;

SET LOCAL ROLE neuronplane_owner;

DROP VIEW ops.workers;
DROP VIEW ops.index_health;
DROP VIEW ops.db_health;
DROP FUNCTION ops.workers_snapshot();
DROP FUNCTION ops.index_health_snapshot();
DROP FUNCTION ops.db_health_snapshot();
DROP FUNCTION ops.require_monitor_access();

COMMIT;
