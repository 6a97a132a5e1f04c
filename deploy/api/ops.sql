-- Deploy neuronplane:api/ops to pg

BEGIN;

-- Endpoints: each is a thin wrapper over the area function that holds its rule, and the only
-- thing the API roles may call. SECURITY DEFINER, so that the area functions need no grant
-- to any API role; every area function runs as neuronplane_owner either way.

SET LOCAL ROLE neuronplane_owner;
CREATE FUNCTION api.record_usage(project_id uuid, tokens_in bigint, tokens_out bigint,
                                 llm_calls integer DEFAULT 1, model_id uuid DEFAULT NULL)
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT ops.record_usage(project_id, tokens_in, tokens_out, llm_calls, model_id)
$$;
COMMENT ON FUNCTION api.record_usage(uuid, bigint, bigint, integer, uuid) IS
$$Report LLM usage for a project (NeuronAgent, after each call or in batches): tokens in and out and the number of calls, added to today's (UTC) counters. Needs execute on the project. Errors: 42704 unknown project or model, 42501, 22023 bad count (named).$$;

CREATE VIEW api.usage WITH (security_invoker = true) AS SELECT * FROM ops.usage;
COMMENT ON VIEW api.usage IS
$$Usage per project and UTC day: requests and errors of API-key requests made with keys bound to the project (JWT requests are not counted), LLM calls and tokens reported by NeuronAgent (POST /rpc/record_usage). Filter with ?project_id=eq.<id>&day=gte.<date>. For administrators of the project (organization owners/admins) and platform administrators.$$;
COMMENT ON COLUMN api.usage.project_id IS 'The project (profile).';
COMMENT ON COLUMN api.usage.day IS 'UTC day.';
COMMENT ON COLUMN api.usage.requests IS 'API requests let through for the project''s API keys.';
COMMENT ON COLUMN api.usage.errors IS 'Refused requests of the project''s API keys (rate limited, revoked, expired, wrong secret).';
COMMENT ON COLUMN api.usage.llm_calls IS 'LLM calls reported by NeuronAgent.';
COMMENT ON COLUMN api.usage.tokens_in IS 'Prompt tokens reported.';
COMMENT ON COLUMN api.usage.tokens_out IS 'Completion tokens reported.';
COMMENT ON COLUMN api.usage.updated_at IS 'Last change of these counters.';

CREATE VIEW api.db_health WITH (security_invoker = true) AS SELECT * FROM ops.db_health;
COMMENT ON VIEW api.db_health IS
$$Database health, one row: server version, uptime, database size, client connections by state against max_connections, cache hit ratio, commits, rollbacks, deadlocks, the longest running transaction, replication lag (NULL without replicas), transaction-id wraparound headroom. For platform administrators and organization owners/admins (42501 otherwise).$$;
COMMENT ON COLUMN api.db_health.server_version IS 'PostgreSQL version.';
COMMENT ON COLUMN api.db_health.started_at IS 'When the server started.';
COMMENT ON COLUMN api.db_health.uptime IS 'How long it has been running.';
COMMENT ON COLUMN api.db_health.database_name IS 'This database.';
COMMENT ON COLUMN api.db_health.database_size_bytes IS 'Size of this database on disk.';
COMMENT ON COLUMN api.db_health.connections IS 'Client connections to the server.';
COMMENT ON COLUMN api.db_health.max_connections IS 'The server''s max_connections.';
COMMENT ON COLUMN api.db_health.connections_by_state IS 'Client connections per state (active, idle, idle in transaction, ...).';
COMMENT ON COLUMN api.db_health.cache_hit_ratio IS 'Share of block reads served from shared buffers (0 to 1) in this database.';
COMMENT ON COLUMN api.db_health.commits IS 'Committed transactions in this database since statistics were reset.';
COMMENT ON COLUMN api.db_health.rollbacks IS 'Rolled back transactions since statistics were reset.';
COMMENT ON COLUMN api.db_health.deadlocks IS 'Deadlocks detected since statistics were reset.';
COMMENT ON COLUMN api.db_health.longest_transaction_seconds IS 'Age of the oldest open transaction (other than this one), in seconds.';
COMMENT ON COLUMN api.db_health.is_replica IS 'True when this server is a standby.';
COMMENT ON COLUMN api.db_health.replicas IS 'Standbys streaming from this server.';
COMMENT ON COLUMN api.db_health.replication_lag_seconds IS 'The largest replay lag of the standbys, in seconds (NULL without replicas); on a standby, seconds since the last replayed commit.';
COMMENT ON COLUMN api.db_health.xid_age IS 'Age of this database''s oldest unfrozen transaction id.';
COMMENT ON COLUMN api.db_health.xid_wraparound_headroom IS 'Transaction ids left before the server refuses writes to prevent wraparound (over all databases).';
COMMENT ON COLUMN api.db_health.checked_at IS 'When these figures were taken.';

CREATE VIEW api.index_health WITH (security_invoker = true) AS SELECT * FROM ops.index_health;
COMMENT ON VIEW api.index_health IS
$$Every index of the database: size, scans, and whether it is unused (never scanned and enforcing no constraint), invalid, or a duplicate of another index of its table. For platform administrators and organization owners/admins (42501 otherwise).$$;
COMMENT ON COLUMN api.index_health.schema_name IS 'Schema of the index.';
COMMENT ON COLUMN api.index_health.table_name IS 'Table it indexes.';
COMMENT ON COLUMN api.index_health.index_name IS 'Index name.';
COMMENT ON COLUMN api.index_health.size_bytes IS 'Size on disk.';
COMMENT ON COLUMN api.index_health.scans IS 'Index scans since statistics were reset.';
COMMENT ON COLUMN api.index_health.is_unique IS 'A unique index.';
COMMENT ON COLUMN api.index_health.is_unused IS 'Never scanned and enforcing no constraint: a candidate for dropping.';
COMMENT ON COLUMN api.index_health.is_valid IS 'False for an index left invalid (e.g. by a failed CREATE INDEX CONCURRENTLY).';
COMMENT ON COLUMN api.index_health.duplicate_of IS 'Other indexes of the table with the same definition.';
COMMENT ON COLUMN api.index_health.definition IS 'CREATE INDEX statement.';

CREATE VIEW api.workers WITH (security_invoker = true) AS SELECT * FROM ops.workers;
COMMENT ON VIEW api.workers IS
$$Background work: PostgreSQL background workers and neuronplane's processes (from pg_stat_activity, kind background_worker / application), pg_cron's scheduler jobs with their last run (kind scheduler_job), and the ingestion workers by their heartbeats (kind ingest_worker: busy, idle, stale or stopped in the last day). For platform administrators and organization owners/admins (42501 otherwise).$$;
COMMENT ON COLUMN api.workers.kind IS 'background_worker, application, scheduler_job or ingest_worker.';
COMMENT ON COLUMN api.workers.name IS 'Application name, backend type or job name.';
COMMENT ON COLUMN api.workers.state IS 'Session state; the job''s last status (succeeded, failed, running, inactive, not run yet); or an ingestion worker''s busy, idle, stale or stopped.';
COMMENT ON COLUMN api.workers.started_at IS 'When the process started (NULL for jobs).';
COMMENT ON COLUMN api.workers.last_seen_at IS 'Its last activity, or when the job last ended.';
COMMENT ON COLUMN api.workers.details IS 'pid, backend type, wait event; or the job''s schedule, last run and failures in the last day.';

GRANT EXECUTE ON FUNCTION api.record_usage(uuid, bigint, bigint, integer, uuid) TO authenticated, service;

RESET ROLE;

GRANT SELECT ON api.usage, api.db_health, api.index_health, api.workers TO authenticated, service;

COMMIT;
