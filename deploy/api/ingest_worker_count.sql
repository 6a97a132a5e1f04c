-- Deploy neuronplane:api/ingest_worker_count to pg
-- requires: workspace/ingest_worker
-- requires: api/ingest

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- How many ingestion workers are alive, so that a client whose job stays queued can say
-- that none is running instead of waiting in silence. Only a count: which hosts and
-- processes run workers is for administrators (ops.workers_snapshot()).
-- SECURITY DEFINER: API roles cannot read workspace.ingest_workers.
CREATE FUNCTION api.count_ingest_workers()
RETURNS integer
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT count(*)::integer
      FROM workspace.ingest_workers w
     CROSS JOIN workspace.ingest_settings s
     WHERE w.stopped_at IS NULL AND w.heartbeat_at >= now() - s.stale_after
$$;
COMMENT ON FUNCTION api.count_ingest_workers() IS
$$The number of ingestion workers that heartbeated within workspace.ingest_settings.stale_after and have not stopped. 0 while jobs are queued: no worker is running (start one with `neuronplane worker`).$$;

GRANT EXECUTE ON FUNCTION api.count_ingest_workers() TO authenticated, service;

COMMIT;
