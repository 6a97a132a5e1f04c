-- Deploy neuronplane:ops/monitoring to pg

BEGIN;

GRANT USAGE ON SCHEMA cron TO neuronplane_monitor;
GRANT SELECT ON cron.job, cron.job_run_details TO neuronplane_monitor;
-- The ingestion workers' heartbeats, and nothing else of the workspace.
GRANT USAGE ON SCHEMA workspace TO neuronplane_monitor;
GRANT SELECT (worker_id, hostname, pid, started_at, heartbeat_at, current_job_id, jobs_done,
              stopped_at) ON workspace.ingest_workers TO neuronplane_monitor;
GRANT SELECT (stale_after) ON workspace.ingest_settings TO neuronplane_monitor;
GRANT USAGE ON SCHEMA ops TO neuronplane_monitor;

SET LOCAL ROLE neuronplane_owner;

-- Observability is for administrators: a platform administrator, or an owner/admin of at
-- least one organization (through an API key, one that allows admin). Raises 42501 for
-- anyone else.
-- SECURITY DEFINER: reads memberships and policies for roles that cannot.
CREATE FUNCTION ops.require_monitor_access()
RETURNS void
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller uuid := identity.require_caller();
    key_id uuid := identity.current_api_key_id();
BEGIN
    IF NOT ((identity.is_platform_admin(caller) AND identity.key_allows(key_id, caller, 'admin'))
            OR cardinality(identity.permitted_ids(caller, 'org', 'admin', key_id)) > 0) THEN
        RAISE EXCEPTION 'permission denied: observability is for organization and platform administrators'
            USING ERRCODE = '42501';
    END IF;
END
$$;
COMMENT ON FUNCTION ops.require_monitor_access() IS
    'Raises 42501 unless the caller is a platform administrator or an owner/admin of an organization.';
GRANT EXECUTE ON FUNCTION ops.require_monitor_access() TO neuronplane_monitor;

RESET ROLE;
-- The functions below are created by the monitor role itself (it needs CREATE on ops only
-- for that), so that they run with its rights and no more.
GRANT CREATE ON SCHEMA ops TO neuronplane_monitor;

SET LOCAL ROLE neuronplane_monitor;

-- One row: the health of this PostgreSQL server and database.
-- SECURITY DEFINER: runs as neuronplane_monitor (pg_monitor), after the access check.
CREATE FUNCTION ops.db_health_snapshot()
RETURNS TABLE (
    server_version             text,
    started_at                 timestamptz,
    uptime                     interval,
    database_name              name,
    database_size_bytes        bigint,
    connections                integer,
    max_connections            integer,
    connections_by_state       jsonb,
    cache_hit_ratio            numeric,
    commits                    bigint,
    rollbacks                  bigint,
    deadlocks                  bigint,
    longest_transaction_seconds numeric,
    is_replica                 boolean,
    replicas                   integer,
    replication_lag_seconds    numeric,
    xid_age                    bigint,
    xid_wraparound_headroom    bigint,
    checked_at                 timestamptz
)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM ops.require_monitor_access();
    RETURN QUERY
    SELECT current_setting('server_version'),
           pg_postmaster_start_time(),
           date_trunc('second', now() - pg_postmaster_start_time()),
           current_database(),
           pg_database_size(current_database()),
           (SELECT count(*)::integer FROM pg_stat_activity a WHERE a.backend_type = 'client backend'),
           current_setting('max_connections')::integer,
           (SELECT coalesce(jsonb_object_agg(x.state, x.n), '{}')
              FROM (SELECT coalesce(a.state, 'unknown') AS state, count(*) AS n
                      FROM pg_stat_activity a WHERE a.backend_type = 'client backend'
                     GROUP BY 1) x),
           round(d.blks_hit::numeric / nullif(d.blks_hit + d.blks_read, 0), 4),
           d.xact_commit, d.xact_rollback, d.deadlocks,
           (SELECT round(extract(epoch FROM max(now() - a.xact_start))::numeric, 3)
              FROM pg_stat_activity a WHERE a.xact_start IS NOT NULL AND a.pid <> pg_backend_pid()),
           pg_is_in_recovery(),
           (SELECT count(*)::integer FROM pg_stat_replication),
           -- On a primary: the largest replay lag of its standbys; on a standby: how far
           -- its replay is behind (time since the last replayed commit).
           CASE WHEN pg_is_in_recovery()
                THEN round(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::numeric, 3)
                ELSE (SELECT round(extract(epoch FROM max(r.replay_lag))::numeric, 3)
                        FROM pg_stat_replication r) END,
           age(db.datfrozenxid)::bigint,
           -- XIDs left before the server stops taking writes to avoid wraparound (2^31 minus
           -- the oldest unfrozen XID's age, minus the 3 million the server keeps in reserve).
           (2147483647 - 3000000 - (SELECT max(age(x.datfrozenxid)) FROM pg_database x))::bigint,
           now()
      FROM pg_stat_database d
      JOIN pg_database db ON db.oid = d.datid
     WHERE d.datname = current_database();
END
$$;
COMMENT ON FUNCTION ops.db_health_snapshot() IS
    'Health of this server and database (version, uptime, size, connections by state, cache hit ratio, commits, rollbacks, deadlocks, longest transaction, replication, wraparound headroom); administrators only.';

-- One row per index of this database outside the system schemas.
-- SECURITY DEFINER: runs as neuronplane_monitor (pg_monitor), after the access check.
CREATE FUNCTION ops.index_health_snapshot()
RETURNS TABLE (
    schema_name   name,
    table_name    name,
    index_name    name,
    size_bytes    bigint,
    scans         bigint,
    is_unique     boolean,
    is_unused     boolean,
    is_valid      boolean,
    duplicate_of  name[],
    definition    text
)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM ops.require_monitor_access();
    RETURN QUERY
    SELECT n.nspname, t.relname, c.relname,
           pg_relation_size(c.oid),
           coalesce(s.idx_scan, 0),
           i.indisunique,
           -- Never scanned since statistics were reset, and not enforcing a constraint.
           coalesce(s.idx_scan, 0) = 0 AND NOT i.indisunique AND NOT i.indisprimary
               AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.indexrelid),
           i.indisvalid AND i.indisready,
           -- Other indexes of the table with the same columns, operator classes,
           -- expressions and predicate.
           (SELECT array_agg(o.relname ORDER BY o.relname)
              FROM pg_index j JOIN pg_class o ON o.oid = j.indexrelid
             WHERE j.indrelid = i.indrelid AND j.indexrelid <> i.indexrelid
               AND j.indkey::text = i.indkey::text AND j.indclass::text = i.indclass::text
               AND j.indcollation::text = i.indcollation::text
               AND j.indoption::text = i.indoption::text
               AND o.relam = c.relam
               AND coalesce(pg_get_expr(j.indexprs, j.indrelid), '') = coalesce(pg_get_expr(i.indexprs, i.indrelid), '')
               AND coalesce(pg_get_expr(j.indpred, j.indrelid), '') = coalesce(pg_get_expr(i.indpred, i.indrelid), '')),
           pg_get_indexdef(i.indexrelid)
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_stat_all_indexes s ON s.indexrelid = i.indexrelid
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
       AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'
     ORDER BY n.nspname, t.relname, c.relname;
END
$$;
COMMENT ON FUNCTION ops.index_health_snapshot() IS
    'Every index of this database with its size, scans, and whether it is unused, invalid or a duplicate of another; administrators only.';

-- Background workers and neuronplane's own sessions (the glue, the autonomous connection,
-- PostgREST's pool) from pg_stat_activity, and pg_cron's
-- scheduled jobs with their last run.
-- SECURITY DEFINER: runs as neuronplane_monitor (pg_monitor, pg_cron's job tables).
CREATE FUNCTION ops.workers_snapshot()
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
    -- The ingestion workers, by their heartbeats: busy (on a job), idle, stale (no heartbeat
    -- for workspace.ingest_settings.stale_after: its job will be taken over) or stopped.
    RETURN QUERY
    SELECT 'ingest_worker', w.hostname || ':' || w.pid,
           CASE WHEN w.stopped_at IS NOT NULL THEN 'stopped'
                WHEN w.heartbeat_at < now() - s.stale_after THEN 'stale'
                WHEN w.current_job_id IS NOT NULL THEN 'busy'
                ELSE 'idle' END,
           w.started_at,
           w.heartbeat_at,
           jsonb_build_object('worker_id', w.worker_id, 'hostname', w.hostname, 'pid', w.pid,
                              'current_job_id', w.current_job_id, 'jobs_done', w.jobs_done,
                              'stopped_at', w.stopped_at)
      FROM workspace.ingest_workers w
     CROSS JOIN workspace.ingest_settings s
     WHERE w.stopped_at IS NULL OR w.stopped_at > now() - interval '1 day';
END
$$;
COMMENT ON FUNCTION ops.workers_snapshot() IS
    'Background workers and neuronplane processes (pg_stat_activity), pg_cron jobs with their last run, and the ingestion workers'' heartbeats; administrators only.';

RESET ROLE;
REVOKE CREATE ON SCHEMA ops FROM neuronplane_monitor;
REVOKE ALL ON FUNCTION ops.db_health_snapshot(), ops.index_health_snapshot(), ops.workers_snapshot()
  FROM PUBLIC;

SET LOCAL ROLE neuronplane_owner;

CREATE VIEW ops.db_health WITH (security_invoker = true) AS
SELECT * FROM ops.db_health_snapshot();
COMMENT ON VIEW ops.db_health IS 'Health of this server and database (ops.db_health_snapshot()).';
CREATE VIEW ops.index_health WITH (security_invoker = true) AS
SELECT * FROM ops.index_health_snapshot();
COMMENT ON VIEW ops.index_health IS 'Health of every index (ops.index_health_snapshot()).';
CREATE VIEW ops.workers WITH (security_invoker = true) AS
SELECT * FROM ops.workers_snapshot();
COMMENT ON VIEW ops.workers IS
    'Background workers, neuronplane processes, scheduler jobs and ingestion workers (ops.workers_snapshot()).';

GRANT USAGE ON SCHEMA ops TO authenticated, service;
GRANT SELECT ON ops.db_health, ops.index_health, ops.workers TO authenticated, service;

RESET ROLE;
GRANT EXECUTE ON FUNCTION ops.db_health_snapshot(), ops.index_health_snapshot(), ops.workers_snapshot()
   TO authenticated, service;

COMMIT;
