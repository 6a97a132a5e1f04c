"""Prometheus metrics of the glue and of the ingestion worker (docs/observability.md).

Each process kind has its own registry, so a test that runs both in one process still
exposes each one's metrics only. Labels stay low-cardinality: a route is its template
(/auth/oidc/{provider}/login), a provider only one the database knows, a reason only its
stable prefix. The database's own metrics come from prometheus-postgres-exporter
(observability/postgres-exporter/queries.yaml), not from here.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Iterable
from typing import Any

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import ASGIApp, Receive, Scope, Send

# The *_created series double every counter's series for little use.
disable_created_metrics()

# Seconds; a login with an OIDC provider round trip may take several.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

# -- the glue -----------------------------------------------------------------------------------

GLUE = CollectorRegistry()
ProcessCollector(registry=GLUE)

HTTP_REQUESTS = Counter(
    "neuronplane_http_requests", "HTTP requests answered by the glue, by route template, "
    "method and status code.", ["route", "method", "status"], registry=GLUE)
HTTP_DURATION = Histogram(
    "neuronplane_http_request_duration_seconds", "Time the glue took to answer a request, "
    "by route template and method.", ["route", "method"], buckets=LATENCY_BUCKETS,
    registry=GLUE)
HTTP_IN_FLIGHT = Gauge(
    "neuronplane_http_requests_in_flight", "Requests the glue is answering now.",
    registry=GLUE)
OIDC_LOGINS = Counter(
    "neuronplane_oidc_logins", "OIDC logins by provider and stage: started (sent to the "
    "provider), completed (session opened) or failed.", ["provider", "stage"], registry=GLUE)
OIDC_FAILURES = Counter(
    "neuronplane_oidc_login_failures", "OIDC logins that failed, by provider and reason "
    "(the reason's stable prefix, e.g. token_exchange_failed).", ["provider", "reason"],
    registry=GLUE)
REFRESHES = Counter(
    "neuronplane_session_refreshes", "Cookie session refreshes at /auth/refresh by outcome: "
    "rotated, refused, or reuse_detected (a spent refresh token came back: session revoked).",
    ["outcome"], registry=GLUE)

for _outcome in ("rotated", "refused", "reuse_detected"):
    REFRESHES.labels(_outcome)  # every outcome is a series from the start: rate() sees its first

# A provider name comes from the URL: only names the database accepted become labels.
UNKNOWN_PROVIDER = "unknown"


def reason_label(reason: str) -> str:
    """The stable part of a failure reason ("token_exchange_failed:400:..." ->
    "token_exchange_failed"): the rest may carry provider-chosen text."""
    head = reason.split(":", 1)[0]
    return head[:40] if head.replace("_", "").isalnum() else "other"


class PoolCollector(Collector):
    """The glue's database pools (dbpool.GluePool), read when scraped."""

    def __init__(self) -> None:
        self.pools: weakref.WeakSet[Any] = weakref.WeakSet()

    def collect(self) -> Iterable[GaugeMetricFamily]:
        families = {
            "pool_max": GaugeMetricFamily(
                "neuronplane_db_pool_max_connections",
                "Most database connections the glue's pool may open."),
            "pool_size": GaugeMetricFamily(
                "neuronplane_db_pool_open_connections",
                "Database connections the glue's pool holds open (idle or in use)."),
            "pool_available": GaugeMetricFamily(
                "neuronplane_db_pool_idle_connections",
                "Open connections of the glue's pool waiting for a request."),
            "requests_waiting": GaugeMetricFamily(
                "neuronplane_db_pool_waiting_requests",
                "Requests waiting for a connection of the glue's pool."),
        }
        totals = dict.fromkeys(families, 0)
        for pool in list(self.pools):
            for key, value in pool.stats().items():
                if key in totals:
                    totals[key] += value
        for key, family in families.items():
            family.add_metric([], totals[key])
            yield family


POOLS = PoolCollector()
GLUE.register(POOLS)


def route_of(routes: list[Any], scope: Scope) -> str:
    """The template of the route that answers scope ('unmatched' when none)."""
    for route in routes:
        match, _ = route.matches(scope)
        if match != Match.NONE:
            return getattr(route, "path", "other")
    return "unmatched"


class RouteNames:
    """Route templates by endpoint: the router leaves the endpoint it chose in the scope, so
    naming a request after it is a lookup, not a second round of matching."""

    def __init__(self, routes: list[Any]) -> None:
        self.routes = routes
        self.by_endpoint: dict[Any, str] = {}
        for route in routes:
            endpoint = getattr(route, "endpoint", None)
            if endpoint is not None:
                self.by_endpoint.setdefault(endpoint, getattr(route, "path", "other"))

    def __call__(self, scope: Scope) -> str:
        endpoint = scope.get("endpoint")
        if endpoint is None:
            return "unmatched"
        return self.by_endpoint.get(endpoint) or route_of(self.routes, scope)


class MetricsMiddleware:
    """Counts and times every HTTP request by its route template; /metrics itself too."""

    def __init__(self, app: ASGIApp, routes: list[Any]) -> None:
        self.app, self.name = app, RouteNames(routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500  # what the server answers when the app raises before responding

        async def send_status(message: Any) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        HTTP_IN_FLIGHT.inc()
        started = time.perf_counter()
        try:
            await self.app(scope, receive, send_status)
        finally:
            HTTP_IN_FLIGHT.dec()
            route, method = self.name(scope), scope["method"]
            HTTP_DURATION.labels(route, method).observe(time.perf_counter() - started)
            HTTP_REQUESTS.labels(route, method, str(status)).inc()


def exposition(registry: CollectorRegistry) -> Response:
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


async def glue_metrics(request: Request) -> Response:
    return exposition(GLUE)


# -- the ingestion worker -----------------------------------------------------------------------

WORKER = CollectorRegistry()
ProcessCollector(registry=WORKER)

JOBS = Counter(
    "neuronplane_ingest_jobs", "Ingestion job attempts this worker finished, by outcome: "
    "succeeded, failed, cancelled, lost (taken over by another worker) or queued (retried "
    "after a lost connection).", ["outcome"], registry=WORKER)
ROWS = Counter("neuronplane_ingest_rows", "Rows published by this worker's jobs.",
               registry=WORKER)
BYTES = Counter("neuronplane_ingest_bytes", "Source bytes read by this worker's published "
                "jobs.", registry=WORKER)
JOB_DURATION = Histogram(
    "neuronplane_ingest_job_duration_seconds", "Time one job attempt took, by outcome.",
    ["outcome"], buckets=(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600), registry=WORKER)
ERRORS = Counter(
    "neuronplane_ingest_errors", "Errors met by the worker, by kind: data (the source "
    "cannot be loaded), database, connection_lost, heartbeat, internal.", ["kind"],
    registry=WORKER)
BUSY = Gauge("neuronplane_ingest_worker_busy", "1 while the worker runs a job, else 0.",
             registry=WORKER)
LAST_HEARTBEAT = Gauge(
    "neuronplane_ingest_last_heartbeat_timestamp_seconds", "When the worker's heartbeat last "
    "reached the database (Unix time; 0 before the first).", registry=WORKER)
HEARTBEAT_AGE = Gauge(
    "neuronplane_ingest_heartbeat_age_seconds", "Seconds since the worker's heartbeat last "
    "reached the database.", registry=WORKER)


def _heartbeat_age() -> float:
    last = LAST_HEARTBEAT._value.get()  # the gauge's own value: no second copy to keep in step
    return time.time() - last if last else float("inf")


HEARTBEAT_AGE.set_function(_heartbeat_age)

# Every outcome and kind is a series from the start, so that rate() sees the first job.
for _outcome in ("succeeded", "failed", "cancelled", "lost", "queued"):
    JOBS.labels(_outcome)
    JOB_DURATION.labels(_outcome)
for _kind in ("data", "database", "connection_lost", "heartbeat", "internal"):
    ERRORS.labels(_kind)


def serve_worker_metrics(host: str, port: int) -> None:
    """/metrics of the worker on its own port (the worker answers no other HTTP)."""
    from prometheus_client import start_http_server
    start_http_server(port, addr=host, registry=WORKER)
