"""The glue's database connections: one psycopg_pool per process, sized by configuration.

A connection per request made 50 concurrent refreshes open 50 backends (each a fork and a
SCRAM exchange) and take seconds; the pool keeps at most NEURONPLANE_GLUE_POOL_SIZE open
and makes the rest wait their turn. Connections are autocommit, so one goes back idle.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from psycopg import AsyncConnection
from psycopg_pool import AsyncConnectionPool

from neuronplane import tracing
from neuronplane.config import glue_pool_size, transaction_pooler

APPLICATION_NAME = "neuronplane-glue"


class GluePool:
    """Opened on first use (so it belongs to the event loop that serves requests), closed
    by the application's shutdown."""

    def __init__(self, conninfo: str, max_size: int | None = None,
                 timeout: float = 10.0) -> None:
        self.max_size = max_size or glue_pool_size()
        self._pool: AsyncConnectionPool[AsyncConnection[Any]] = AsyncConnectionPool(
            conninfo, min_size=0, max_size=self.max_size, open=False, timeout=timeout,
            name="glue", check=AsyncConnectionPool.check_connection,
            kwargs={"autocommit": True, "connect_timeout": 5,
                    "application_name": APPLICATION_NAME,
                    # Behind PgBouncer in transaction mode (`neuronplane ha`) a statement
                    # prepared on one server connection is unknown on the next one.
                    "prepare_threshold": None if transaction_pooler() else 5})
        self._opened = False
        self._lock = asyncio.Lock()
        from neuronplane.metrics import POOLS
        POOLS.pools.add(self)

    def stats(self) -> dict[str, int]:
        """psycopg_pool's figures (pool_size, pool_available, requests_waiting, ...)."""
        stats = self._pool.get_stats() if self._opened else {}
        return {"pool_max": self.max_size, "pool_size": 0, "pool_available": 0,
                "requests_waiting": 0, **stats}

    async def _open(self) -> None:
        if self._opened:
            return
        async with self._lock:
            if not self._opened:
                await self._pool.open(wait=False)
                self._opened = True

    @asynccontextmanager
    async def connection(self, timeout: float | None = None,
                         ) -> AsyncIterator[AsyncConnection[Any]]:
        await self._open()
        async with self._pool.connection(timeout=timeout) as conn:
            if tracing.enabled():
                # The request's trace, for the audit events its statements write; set on
                # every checkout, so a connection never carries a former request's.
                await conn.execute("SELECT set_config('neuronplane.traceparent', %s, false)",
                                   (tracing.current_traceparent(),))
            yield conn

    async def close(self) -> None:
        if self._opened:
            await self._pool.close()
            self._opened = False
