"""Observability of a profile's own NeuronDB database, through the glue.

``GET /profiles/{profile_id}/db-health``, ``/index-health``, ``/workers`` and ``/usage``
answer for the server the profile's stored DSN names, not for the control plane (whose own
health stays at ``api.db_health``, ``api.index_health`` and ``api.workers``, for
administrators). The database decides who may: the DSN is fetched with the caller's
credentials through PostgREST's ``/rpc/project_dsn`` (execute on the project), and the
connection follows the onboarding checks (plain DSN parameters only, allowed networks,
the checked address, a timeout: ``?timeout_seconds=``, default 5, at most 30).

The queries run on that server with the profile's own login, so they read only what the
catalog and the statistics views show any user (other sessions' details need pg_monitor
there). An unreachable server answers 200 ``{"ok": false, "error": "timeout" |
"unreachable" | "auth_failed", "message"}`` within the timeout, as the onboarding test does.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

import psycopg
from psycopg.rows import dict_row
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .onboarding import (
    DEFAULT_TIMEOUT,
    MAX_TIMEOUT,
    Onboarding,
    Policy,
    Refused,
    _scrub,
    connect_checked,
    parse_dsn,
    resolve_allowed,
)

log = logging.getLogger("neuronplane.profile_health")

# What each endpoint asks the profile's server. They mirror the control plane's ops views
# (deploy/ops/monitoring.sql), but run on another server, which has no ops schema.
QUERIES: dict[str, tuple[str, bool]] = {
    # name: (SQL, one row)
    "db-health": ("""
        SELECT current_setting('server_version') AS server_version,
               pg_postmaster_start_time() AS started_at,
               extract(epoch FROM now() - pg_postmaster_start_time())::bigint AS uptime_seconds,
               current_database() AS database_name,
               pg_database_size(current_database()) AS database_size_bytes,
               (SELECT count(*) FROM pg_stat_activity a
                 WHERE a.backend_type = 'client backend')::int AS connections,
               current_setting('max_connections')::int AS max_connections,
               round(d.blks_hit::numeric / nullif(d.blks_hit + d.blks_read, 0), 4)::float8
                   AS cache_hit_ratio,
               d.xact_commit AS commits, d.xact_rollback AS rollbacks, d.deadlocks,
               pg_is_in_recovery() AS is_replica,
               (SELECT count(*) FROM pg_stat_replication)::int AS replicas,
               age(db.datfrozenxid)::bigint AS xid_age,
               (SELECT e.extversion FROM pg_extension e WHERE e.extname = 'neurondb')
                   AS neurondb_version,
               (SELECT e.extversion FROM pg_extension e WHERE e.extname = 'vector')
                   AS pgvector_version,
               now() AS checked_at
          FROM pg_stat_database d JOIN pg_database db ON db.oid = d.datid
         WHERE d.datname = current_database()""", True),
    "index-health": ("""
        SELECT n.nspname AS schema_name, t.relname AS table_name, c.relname AS index_name,
               pg_relation_size(c.oid) AS size_bytes, coalesce(s.idx_scan, 0) AS scans,
               i.indisunique AS is_unique,
               coalesce(s.idx_scan, 0) = 0 AND NOT i.indisunique AND NOT i.indisprimary
                   AS is_unused,
               i.indisvalid AND i.indisready AS is_valid,
               am.amname AS method
          FROM pg_index i
          JOIN pg_class c ON c.oid = i.indexrelid
          JOIN pg_class t ON t.oid = i.indrelid
          JOIN pg_am am ON am.oid = c.relam
          JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_stat_all_indexes s ON s.indexrelid = i.indexrelid
         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
           AND n.nspname NOT LIKE 'pg_temp%'
         ORDER BY 1, 2, 3
         LIMIT 1000""", False),
    "workers": ("""
        SELECT CASE WHEN a.backend_type = 'client backend' THEN 'application'
                    ELSE 'background_worker' END AS kind,
               coalesce(nullif(a.application_name, ''), a.backend_type) AS name,
               coalesce(a.state, 'running') AS state,
               a.backend_start AS started_at,
               greatest(a.backend_start, a.state_change, a.query_start) AS last_seen_at,
               a.wait_event_type, a.wait_event
          FROM pg_stat_activity a
         WHERE a.pid <> pg_backend_pid()
         ORDER BY 1, 2
         LIMIT 1000""", False),
    "usage": ("""
        SELECT pg_database_size(current_database()) AS database_size_bytes,
               (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p')
                   AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast'))::int
                   AS tables,
               (SELECT coalesce(sum(s.n_live_tup), 0) FROM pg_stat_user_tables s)::bigint
                   AS live_rows,
               (SELECT coalesce(json_agg(x), '[]') FROM (
                    SELECT s.schemaname AS schema_name, s.relname AS table_name,
                           pg_total_relation_size(s.relid) AS size_bytes,
                           s.n_live_tup AS live_rows
                      FROM pg_stat_user_tables s
                     ORDER BY pg_total_relation_size(s.relid) DESC LIMIT 10) x)
                   AS largest_tables,
               now() AS checked_at""", True),
}


def _timeout(request: Request) -> float:
    raw = request.query_params.get("timeout_seconds", str(DEFAULT_TIMEOUT))
    try:
        value = float(raw)
    except ValueError:
        value = -1
    if not 1 <= value <= MAX_TIMEOUT:
        raise Refused(400, f"timeout_seconds must be a number from 1 to {int(MAX_TIMEOUT)}",
                      "timeout_seconds")
    return value


def _json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def routes(api_url: str | None, policy: Policy | None = None) -> list[Route]:
    onboarding = Onboarding(api_url, policy)

    async def answer(request: Request) -> JSONResponse:
        what = request.path_params["view"]
        if what not in QUERIES:
            return Refused(404, f"no such view: {what} (db-health, index-health, workers, "
                           "usage)").response()
        password = None
        try:
            try:
                profile_id = str(uuid.UUID(request.path_params["profile_id"]))
            except ValueError:
                raise Refused(400, "profile_id must be a uuid", "profile_id") from None
            timeout = _timeout(request)
            params, host, port = parse_dsn(await onboarding.profile_dsn(request, profile_id))
            password = params.get("password")
            address = await resolve_allowed(host, port, onboarding.policy, "dsn", timeout)
            conn, failure = await connect_checked(params, host, address, port, timeout,
                                                  "neuronplane-observability")
            if conn is None:
                log.info("profile %s %s: %s", profile_id, what, failure["error"])
                return JSONResponse(failure)
            sql, one = QUERIES[what]
            try:
                async with conn:
                    cur = conn.cursor(row_factory=dict_row)
                    await cur.execute(sql)
                    rows = await cur.fetchall()
            except psycopg.Error as exc:
                message = _scrub(str(exc).strip().splitlines()[0], password)
                return JSONResponse({"ok": False, "error": "query_failed", "message": message})
            data = _json(rows[0] if one and rows else rows)
            return JSONResponse({"ok": True, "profile_id": profile_id, "server": f"{host}:{port}",
                                 what.replace("-", "_"): data})
        except Refused as refused:
            refused.message = _scrub(refused.message, password)
            return refused.response()

    return [Route("/profiles/{profile_id}/{view}", answer, methods=["GET"])]
