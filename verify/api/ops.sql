-- Verify neuronplane:api/ops on pg

BEGIN;

SELECT server_version, started_at, uptime, database_name, database_size_bytes, connections,
       max_connections, connections_by_state, cache_hit_ratio, commits, rollbacks, deadlocks,
       longest_transaction_seconds, is_replica, replicas, replication_lag_seconds, xid_age,
       xid_wraparound_headroom, checked_at
  FROM api.db_health WHERE false;

SELECT schema_name, table_name, index_name, size_bytes, scans, is_unique, is_unused, is_valid,
       duplicate_of, definition
  FROM api.index_health WHERE false;

SELECT kind, name, state, started_at, last_seen_at, details FROM api.workers WHERE false;

SELECT project_id, day, requests, errors, llm_calls, tokens_in, tokens_out, updated_at
  FROM api.usage WHERE false;

SELECT 1/count(*) FROM pg_catalog.pg_proc
 WHERE oid = 'api.record_usage(uuid, bigint, bigint, integer, uuid)'::regprocedure;

ROLLBACK;
