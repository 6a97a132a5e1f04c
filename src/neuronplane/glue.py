"""The glue HTTP service: what a database cannot do (OIDC redirects, cookies, uploads).

It answers /healthz, /metrics (Prometheus, metrics.py), the OIDC login and session-cookie
endpoints (oidc.py), the onboarding wizard's connection tests (onboarding.py), the health
of a profile's own database (profile_health.py) and dataset uploads for ingestion
(ingest/upload.py).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import psycopg
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from neuronplane import metrics, oidc, onboarding, profile_health, tracing
from neuronplane.config import allowed_origins
from neuronplane.cors import ListedOriginsCORS
from neuronplane.dbpool import GluePool

log = logging.getLogger("neuronplane.glue")


def create_app(conninfo: str, api_url: str | None = None, ingest=None,
               pool_size: int | None = None, origins: list[str] | None = None,
               metrics_on: bool = True) -> Starlette:
    """The glue's routes. api_url is PostgREST's, through which callers are authorized;
    with it and ingest (IngestSettings), also POST /ingest/upload. Every route takes its
    database connection from one pool (pool_size, default NEURONPLANE_GLUE_POOL_SIZE).
    Browsers may call it cross-origin only from origins (default
    NEURONPLANE_ALLOWED_ORIGINS; none when empty). metrics_on=False leaves out the metrics
    middleware (bench/observability.py's baseline)."""
    pool = GluePool(conninfo, pool_size)

    async def healthz(request: Request) -> JSONResponse:
        try:
            async with pool.connection(timeout=3) as conn:
                cur = await conn.execute("SELECT api.health()")
                row = await cur.fetchone()
        except psycopg.Error as exc:
            # The reason goes to the log, not to the caller.
            log.warning("healthz: database check failed: %s", type(exc).__name__)
            return JSONResponse({"status": "unavailable", "database": "unreachable"},
                                status_code=503)
        return JSONResponse({"status": "ok", "database": row[0] if row else None})

    routes = [Route("/healthz", healthz, methods=["GET"]),
              Route("/metrics", metrics.glue_metrics, methods=["GET"]),
              *oidc.routes(pool),
              *onboarding.routes(api_url),
              *profile_health.routes(api_url)]
    if api_url and ingest is not None:
        from .ingest import upload
        routes += upload.routes(pool, api_url, ingest)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await pool.close()

    origins = allowed_origins() if origins is None else origins
    middleware = [Middleware(metrics.MetricsMiddleware, routes=routes)] if metrics_on else []
    if origins:
        middleware.append(Middleware(ListedOriginsCORS, origins=origins))
    app = Starlette(routes=routes, lifespan=lifespan, middleware=middleware)
    app.state.pool = pool
    tracing.instrument_app(app, routes)
    return app


def serve(conninfo: str, host: str, port: int, api_url: str | None = None,
          ingest=None, metrics_on: bool = True) -> None:
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    tracing.setup("neuronplane-glue")
    uvicorn.run(create_app(conninfo, api_url, ingest, metrics_on=metrics_on), host=host,
                port=port, log_level="info",
                proxy_headers=False, server_header=False)
