"""OpenTelemetry tracing of the glue and the worker (docs/observability.md#tracing).

Off unless ENABLE_TRACING is true. Spans go through the SDK's OTLP/HTTP exporter, which
reads the standard variables itself (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS,
OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER, ...). Context crosses
processes as W3C traceparent/tracestate: read from incoming requests, sent on the glue's
outgoing HTTP calls (PostgREST, OIDC providers, onboarding checks), and handed to the
database as neuronplane.traceparent, where audit events take their trace id from it
(internal.current_traceparent(), deploy/ops/tracing.sql).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .config import tracing_enabled

log = logging.getLogger("neuronplane.tracing")

_enabled = False


def enabled() -> bool:
    return _enabled


def setup(service_name: str, instrument_psycopg: bool = True) -> bool:
    """Install the SDK's tracer provider when ENABLE_TRACING is on; True when it is. The
    psycopg instrumentation traces every connection of the process (the glue's pool);
    the worker instruments its load connections only (instrument_connection()), so that its
    heartbeat, every second, opens no trace of its own."""
    global _enabled
    if _enabled or not tracing_enabled():
        return _enabled
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    attributes = {} if os.environ.get("OTEL_SERVICE_NAME") else {"service.name": service_name}
    provider = TracerProvider(resource=Resource.create(attributes))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    HTTPXClientInstrumentor().instrument()
    if instrument_psycopg:
        from opentelemetry.instrumentation.psycopg import PsycopgInstrumentor
        PsycopgInstrumentor().instrument(skip_dep_check=True)
    _enabled = True
    log.info("tracing on: spans of %s exported over OTLP/HTTP", service_name)
    return True


def shutdown() -> None:
    """Flush the spans not exported yet (the batch processor sends every few seconds)."""
    if not _enabled:
        return
    from opentelemetry import trace
    provider: Any = trace.get_tracer_provider()
    if hasattr(provider, "shutdown"):
        provider.shutdown()


def instrument_app(app: Any, routes: list[Any]) -> None:
    """A server span for each request of a Starlette app (TracingMiddleware)."""
    if _enabled:
        app.add_middleware(TracingMiddleware, routes=routes)


class TracingMiddleware:
    """One server span per HTTP request, continuing the request's traceparent/tracestate,
    named by method and route template. Leaner than the ASGI instrumentation, which also
    opens a span for every receive and send and copies many request attributes: at a few
    hundred requests a second it cost a third of the glue's throughput (bench/README.md)."""

    def __init__(self, app: Any, routes: list[Any]) -> None:
        from opentelemetry import trace

        from .metrics import RouteNames
        self.app, self.name = app, RouteNames(routes)
        self.tracer = trace.get_tracer("neuronplane.glue")

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        from opentelemetry.propagate import extract
        from opentelemetry.trace import SpanKind, Status, StatusCode

        carrier = {name.decode("latin-1"): value.decode("latin-1")
                   for name, value in scope["headers"] if name in (b"traceparent", b"tracestate")}
        method = scope["method"]
        status = 500

        async def send_status(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        # Named once routed (the router leaves its endpoint in the scope).
        with self.tracer.start_as_current_span(
                method, context=extract(carrier) if carrier else None, kind=SpanKind.SERVER,
                attributes={"http.request.method": method}) as span:
            try:
                await self.app(scope, receive, send_status)
            finally:
                route = self.name(scope)
                span.update_name(f"{method} {route}")
                span.set_attribute("http.route", route)
                span.set_attribute("http.response.status_code", status)
                if status >= 500:
                    span.set_status(Status(StatusCode.ERROR))


def instrument_connection(conn: Any) -> Any:
    if _enabled:
        from opentelemetry.instrumentation.psycopg import PsycopgInstrumentor
        return PsycopgInstrumentor.instrument_connection(conn)
    return conn


def current_traceparent() -> str:
    """The W3C traceparent of the current span ('' when none is recording)."""
    if not _enabled:
        return ""
    from opentelemetry.propagate import inject
    carrier: dict[str, str] = {}
    inject(carrier)
    return carrier.get("traceparent", "")


@contextmanager
def span(name: str, traceparent: str | None = None, **attributes: Any) -> Iterator[Any]:
    """A span named `name`, child of the current one or, when given, of `traceparent` (a
    job queued by a traced request); a no-op when tracing is off."""
    if not _enabled:
        yield None
        return
    from opentelemetry import trace
    from opentelemetry.propagate import extract
    context = extract({"traceparent": traceparent}) if traceparent else None
    tracer = trace.get_tracer("neuronplane")
    with tracer.start_as_current_span(name, context=context,
                                      attributes={k: v for k, v in attributes.items()
                                                  if v is not None}) as current:
        yield current
