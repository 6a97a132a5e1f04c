"""The glue takes its database connections from one pool (issue 19, item 17): 50
concurrent cookie refreshes share at most NEURONPLANE_GLUE_POOL_SIZE backends instead of
opening one each."""

from __future__ import annotations

import asyncio
import threading
import uuid

import httpx
import psycopg
import pytest

from neuronplane.glue import create_app

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]

POOL_SIZE = 4
REQUESTS = 50


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
def cookie_sessions(superuser) -> list[tuple[str, str]]:
    """REQUESTS live sessions of one user: (refresh token, CSRF token) each."""
    name = f"pool-{uuid.uuid4().hex[:10]}"
    [(user_id,)] = superuser.execute(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id",
        (name, f"{name}@example.test")).fetchall()
    rows = superuser.execute(
        "SELECT s ->> 'refresh_token', auth.csrf_token((s ->> 'session_id')::uuid)"
        "  FROM generate_series(1, %s), LATERAL auth.create_session(%s, 'password') s",
        (REQUESTS, user_id)).fetchall()
    return [(r, c) for r, c in rows]


class BackendCounter:
    """The most backends the worker role had open at once, sampled in a thread."""

    def __init__(self, conninfo: str) -> None:
        self.most = 0
        self._stop = threading.Event()
        self._conn = psycopg.connect(conninfo, autocommit=True)
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            [(n,)] = self._conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = 'neuronplane_worker'"
                "   AND datname = current_database()").fetchall()
            self.most = max(self.most, n)
            self._stop.wait(0.002)

    def __enter__(self) -> BackendCounter:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._conn.close()


async def test_concurrent_refreshes_share_the_pool(database, cookie_sessions):
    app = create_app(database.login_conninfo("neuronplane_worker"), pool_size=POOL_SIZE)
    transport = httpx.ASGITransport(app=app)

    async def refresh(client: httpx.AsyncClient, token: str, csrf: str) -> httpx.Response:
        return await client.post("/auth/refresh", headers={
            "Cookie": f"np_refresh={token}; np_csrf={csrf}", "X-CSRF-Token": csrf})

    with BackendCounter(database.superuser_conninfo()) as counter:
        async with httpx.AsyncClient(transport=transport, base_url="http://glue",
                                     timeout=60) as client:
            answers = await asyncio.gather(*(refresh(client, t, c) for t, c in cookie_sessions))
        await app.state.pool.close()
    assert [r.status_code for r in answers] == [200] * REQUESTS, answers[0].text
    assert all("np_refresh=" in r.headers.get("set-cookie", "") for r in answers)
    assert 1 <= counter.most <= POOL_SIZE, counter.most


async def test_healthz_reuses_its_connection(database):
    app = create_app(database.login_conninfo("neuronplane_worker"), pool_size=2)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://glue") as client:
        pids = set()
        for _ in range(5):
            assert (await client.get("/healthz")).status_code == 200
            async with app.state.pool.connection() as conn:
                pids.add(conn.info.backend_pid)
    await app.state.pool.close()
    assert len(pids) == 1
