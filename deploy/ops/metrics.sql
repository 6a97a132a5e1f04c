-- Deploy neuronplane:ops/metrics to pg
-- requires: schemas
-- requires: roles
-- requires: ops/monitoring
-- requires: audit/chain
-- requires: auth/sessions
-- requires: auth/signing_keys
-- requires: auth/api_key_requests
-- requires: workspace/ingest
-- requires: audit/schedule

BEGIN;

-- The login of prometheus-postgres-exporter: pg_monitor for the server's statistics, and
-- EXECUTE on the ops.metrics_* functions below, which answer counts and ages only (no row
-- of neuronplane's data, no name, no address). No table grant, no BYPASSRLS.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'neuronplane_exporter') THEN
        CREATE ROLE neuronplane_exporter LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 5;
    ELSE
        ALTER ROLE neuronplane_exporter LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 5;
    END IF;
    IF NOT pg_has_role('neuronplane_exporter', 'pg_monitor', 'MEMBER') THEN
        GRANT pg_monitor TO neuronplane_exporter;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO neuronplane_exporter', current_database());
END
$$;
COMMENT ON ROLE neuronplane_exporter IS
    'prometheus-postgres-exporter''s login: pg_monitor and the ops.metrics_* functions (counts and ages, no data).';
GRANT USAGE ON SCHEMA ops TO neuronplane_exporter;

SET LOCAL ROLE neuronplane_owner;

-- Each run of the audit chain's verification, so that a failed or missing check can alert.
CREATE TABLE audit.verification_runs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    checked_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    ok          boolean NOT NULL,
    event_id    bigint,
    problem     text
);
COMMENT ON TABLE audit.verification_runs IS
    'Outcome of each audit.verify_and_record() run (pg_cron, hourly, and `neuronplane audit-verify`); kept 30 days.';
CREATE INDEX verification_runs_checked_at_idx ON audit.verification_runs (checked_at);
ALTER TABLE audit.verification_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit.verification_runs FORCE ROW LEVEL SECURITY;
-- No policy: only the owner (BYPASSRLS), through the functions below, reads or writes runs.

-- SECURITY DEFINER: seals, verifies and records as the audit log's owner.
CREATE FUNCTION audit.verify_and_record()
RETURNS TABLE (ok boolean, event_id bigint, problem text)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v record;
BEGIN
    PERFORM audit.seal();
    SELECT * INTO v FROM audit.verify() LIMIT 1;
    INSERT INTO audit.verification_runs (ok, event_id, problem)
    VALUES (coalesce(v.ok, false), v.event_id, left(v.problem, 1000));
    DELETE FROM audit.verification_runs r WHERE r.checked_at < now() - interval '30 days';
    RETURN QUERY SELECT coalesce(v.ok, false), v.event_id, v.problem;
END
$$;
COMMENT ON FUNCTION audit.verify_and_record() IS
    'Seal pending events, verify the whole chain and record the outcome in audit.verification_runs (read by the metrics); returns it.';

-- Counts of the sessions and lockouts now, and of the current minute's API-key requests.
-- SECURITY DEFINER: counts rows of tables no monitoring role may read.
CREATE FUNCTION ops.metrics_auth()
RETURNS TABLE (active_sessions bigint, locked_accounts bigint, locked_addresses bigint,
               api_key_requests_this_minute bigint)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT (SELECT count(*) FROM auth.sessions s
             WHERE s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now()),
           (SELECT count(*) FROM auth.account_login_failures f WHERE f.locked_until > now()),
           (SELECT count(*) FROM auth.address_login_failures f WHERE f.locked_until > now()),
           (SELECT coalesce(sum(c.request_count), 0)::bigint FROM auth.api_key_request_counts c
             WHERE c.window_start = date_trunc('minute', now()))
$$;
COMMENT ON FUNCTION ops.metrics_auth() IS
    'For the metrics exporter: live sessions, locked accounts and addresses, API-key requests in the current minute.';

-- Security-relevant audit events of the last five minutes, one row per action (zero rows
-- included, so an alert sees 0 rather than nothing) and per reason where the event has one.
-- SECURITY DEFINER: counts audit events no monitoring role may read.
CREATE FUNCTION ops.metrics_security_events()
RETURNS TABLE (action text, reason text, last_5m bigint)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    WITH watched(action) AS (
        VALUES ('auth.login.succeeded'), ('auth.login.failed'), ('auth.login.locked'),
               ('auth.oidc.failed'), ('auth.refresh.rotated'), ('auth.refresh.reused'),
               ('auth.csrf.refused'), ('api_key.rejected'), ('api_key.rate_limited')),
    recent AS (
        SELECT e.action, left(split_part(coalesce(e.details ->> 'reason', ''), ':', 1), 40) AS reason,
               count(*) AS n
          FROM audit.events e
         WHERE e.occurred_at > now() - interval '5 minutes'
           AND e.action IN (SELECT w.action FROM watched w)
         GROUP BY 1, 2)
    SELECT w.action, coalesce(r.reason, ''), coalesce(r.n, 0)
      FROM watched w LEFT JOIN recent r ON r.action = w.action
$$;
COMMENT ON FUNCTION ops.metrics_security_events() IS
    'For the metrics exporter: audit events of the last five minutes by action (logins, lockouts, OIDC failures, refreshes and reuse, CSRF and API-key refusals, 429s) and reason.';

-- SECURITY DEFINER: reads the audit log's sealing and verification state.
CREATE FUNCTION ops.metrics_audit()
RETURNS TABLE (events_appended bigint, unsealed_events bigint, seal_lag_seconds double precision,
               last_seal_run_timestamp_seconds double precision, verification_ok integer,
               last_verification_timestamp_seconds double precision)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    WITH st AS (SELECT s.watermark, s.last_run_at FROM audit.sealer_state s),
    pending AS (
        SELECT count(*) AS n, min(e.occurred_at) AS oldest
          FROM audit.events e WHERE e.id > (SELECT st.watermark FROM st)),
    last_run AS (
        SELECT r.ok, r.checked_at FROM audit.verification_runs r ORDER BY r.checked_at DESC LIMIT 1)
    SELECT (SELECT coalesce(max(e.id), 0) FROM audit.events e),
           (SELECT pending.n FROM pending),
           (SELECT coalesce(extract(epoch FROM now() - pending.oldest), 0)::double precision FROM pending),
           (SELECT coalesce(extract(epoch FROM st.last_run_at), 0)::double precision FROM st),
           -- -1: never verified yet.
           coalesce((SELECT last_run.ok::integer FROM last_run), -1),
           coalesce((SELECT extract(epoch FROM last_run.checked_at)::double precision FROM last_run), 0)
$$;
COMMENT ON FUNCTION ops.metrics_audit() IS
    'For the metrics exporter: highest audit event id, events not sealed yet and the age of the oldest, last sealer run, last chain verification (1 ok, 0 failed, -1 never) and when.';

-- SECURITY DEFINER: reads the signing keys' dates (never a key).
CREATE FUNCTION ops.metrics_signing_keys()
RETURNS TABLE (active_age_seconds double precision, active_keys bigint, next_keys bigint)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(extract(epoch FROM now() - max(k.activated_at) FILTER (WHERE k.status = 'active')), 0)::double precision,
           count(*) FILTER (WHERE k.status = 'active'),
           count(*) FILTER (WHERE k.status = 'next')
      FROM auth.signing_keys k
$$;
COMMENT ON FUNCTION ops.metrics_signing_keys() IS
    'For the metrics exporter: how long the active signing key has signed, and how many keys are active and waiting (next).';

-- SECURITY DEFINER: counts ingestion jobs and workers of every project.
CREATE FUNCTION ops.metrics_ingest_jobs()
RETURNS TABLE (status text, jobs bigint, oldest_age_seconds double precision)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT s.status, count(j.id),
           coalesce(extract(epoch FROM now() - min(j.created_at)), 0)::double precision
      FROM (VALUES ('queued'), ('running'), ('succeeded'), ('failed'), ('cancelled')) s(status)
      LEFT JOIN workspace.ingest_jobs j ON j.status = s.status
     GROUP BY s.status
$$;
COMMENT ON FUNCTION ops.metrics_ingest_jobs() IS
    'For the metrics exporter: ingestion jobs by status, with the age of the oldest (the queue''s wait for queued).';

-- SECURITY DEFINER: reads the ingestion workers' heartbeats and running jobs.
CREATE FUNCTION ops.metrics_ingest_workers()
RETURNS TABLE (workers_alive bigint, workers_stale bigint, jobs_stuck bigint,
               newest_heartbeat_age_seconds double precision)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT (SELECT count(*) FROM workspace.ingest_workers w
             WHERE w.stopped_at IS NULL AND w.heartbeat_at >= now() - x.stale_after),
           (SELECT count(*) FROM workspace.ingest_workers w
             WHERE w.stopped_at IS NULL AND w.heartbeat_at < now() - x.stale_after),
           -- Running, but no heartbeat for stale_after: its worker is gone or hung.
           (SELECT count(*) FROM workspace.ingest_jobs j
             WHERE j.status = 'running' AND coalesce(j.heartbeat_at, j.started_at) < now() - x.stale_after),
           coalesce((SELECT extract(epoch FROM now() - max(w.heartbeat_at))::double precision
                       FROM workspace.ingest_workers w WHERE w.stopped_at IS NULL), -1)
      FROM workspace.ingest_settings x
$$;
COMMENT ON FUNCTION ops.metrics_ingest_workers() IS
    'For the metrics exporter: ingestion workers alive and stale, running jobs without a fresh heartbeat, age of the newest heartbeat (-1: no worker).';

REVOKE ALL ON FUNCTION audit.verify_and_record(), ops.metrics_auth(), ops.metrics_security_events(),
    ops.metrics_audit(), ops.metrics_signing_keys(), ops.metrics_ingest_jobs(),
    ops.metrics_ingest_workers() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ops.metrics_auth(), ops.metrics_security_events(), ops.metrics_audit(),
    ops.metrics_signing_keys(), ops.metrics_ingest_jobs(), ops.metrics_ingest_workers()
    TO neuronplane_exporter;

RESET ROLE;
-- Hourly, like the other maintenance jobs in pg_cron; a manual `neuronplane audit-verify`
-- records its outcome too.
DO $$
BEGIN
    PERFORM cron.schedule('neuronplane-audit-verify', '41 * * * *',
                          'SELECT ok FROM audit.verify_and_record()');
END
$$;

COMMIT;
