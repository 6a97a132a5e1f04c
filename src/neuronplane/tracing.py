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
    """A server span for each request of a Starlette app, continuing an incoming traceparent,
    named by method and route template. The ASGI middleware's own spans for each receive
    and send are left out: per request they tripled the spans, and the cost."""
    if not _enabled:
        return
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware

    from .metrics import route_of

    def details(scope: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        route = route_of(routes, scope)
        return f"{scope.get('method', 'HTTP')} {route}", {"http.route": route}

    app.add_middleware(OpenTelemetryMiddleware, default_span_details=details,
                       exclude_spans=["receive", "send"])


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
