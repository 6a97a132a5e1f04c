"""The glue HTTP service: what a database cannot do (OIDC redirects, cookies, uploads).

It answers /healthz, the OIDC login and session-cookie endpoints (oidc.py), the
onboarding wizard's connection tests (onboarding.py) and dataset uploads for ingestion
(ingest/upload.py).
"""

from __future__ import annotations

import logging

import psycopg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from neuronplane import oidc, onboarding

log = logging.getLogger("neuronplane.glue")


def create_app(conninfo: str, api_url: str | None = None, ingest=None) -> Starlette:
    """The glue's routes. api_url is PostgREST's, through which callers are authorized;
    with it and ingest (IngestSettings), also POST /ingest/upload."""
    async def healthz(request: Request) -> JSONResponse:
        try:
            async with await psycopg.AsyncConnection.connect(
                conninfo, connect_timeout=3, autocommit=True
            ) as conn:
                cur = await conn.execute("SELECT api.health()")
                row = await cur.fetchone()
        except psycopg.Error as exc:
            # The reason goes to the log, not to the caller.
            log.warning("healthz: database check failed: %s", type(exc).__name__)
            return JSONResponse({"status": "unavailable", "database": "unreachable"},
                                status_code=503)
        return JSONResponse({"status": "ok", "database": row[0] if row else None})

    routes = [Route("/healthz", healthz, methods=["GET"]),
              *oidc.routes(conninfo),
              *onboarding.routes(api_url)]
    if api_url and ingest is not None:
        from .ingest import upload
        routes += upload.routes(conninfo, api_url, ingest)
    return Starlette(routes=routes)


def serve(conninfo: str, host: str, port: int, api_url: str | None = None,
          ingest=None) -> None:
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    uvicorn.run(create_app(conninfo, api_url, ingest), host=host, port=port, log_level="info",
                proxy_headers=False, server_header=False)
