"""The glue service's /healthz against the test database, as the worker role."""

import httpx
import psycopg
import pytest

from neuronplane.glue import create_app

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def _get(conninfo: str, path: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=create_app(conninfo))
    async with httpx.AsyncClient(transport=transport, base_url="http://glue") as client:
        return await client.get(path)


async def test_healthz_reports_the_database(database):
    r = await _get(database.login_conninfo("neuronplane_worker"), "/healthz")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert body["database"]["database"] == database.dbname


async def test_healthz_without_database_is_503_and_says_no_more(database):
    bad = database.login_conninfo("neuronplane_worker").replace(
        f"port={database.port}", "port=1")
    r = await _get(bad, "/healthz")
    assert r.status_code == 503
    assert r.json() == {"status": "unavailable", "database": "unreachable"}


async def test_unknown_path_is_404(database):
    r = await _get(database.login_conninfo("neuronplane_worker"), "/nope")
    assert r.status_code == 404


def test_the_worker_logs_in_with_its_password_only(database):
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(database.login_conninfo("neuronplane_worker").replace(
            f"passfile={database.passfile}", "password=wrong"), connect_timeout=5)


def test_no_superuser_login_over_tcp(database):
    conninfo = database.login_conninfo("postgres")
    with pytest.raises(psycopg.OperationalError,
                       match=r"no password supplied|password authentication failed"):
        psycopg.connect(conninfo, connect_timeout=5)
