"""Observability of a profile's own database through the glue: a profile whose DSN names a
second throwaway PostgreSQL reports that server (its port, its database, its tables), not
the control plane's; a DSN whose server does not answer is a clear error within the
timeout; only callers the database lets read the profile's DSN are answered."""

from __future__ import annotations

import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import psycopg
import pytest

from neuronplane.glue import create_app
from neuronplane.testrun import throwaway_cluster

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "h3alth-pässword-%@'x"


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="module")
def profile_server() -> Iterator[int]:
    """A second PostgreSQL cluster with a login `watcher` and a table of its own; its port."""
    with throwaway_cluster(ROOT, log=lambda *_: None) as (cluster, _tmp):
        with psycopg.connect(cluster.conninfo(), autocommit=True) as conn:
            conn.execute("CREATE ROLE watcher LOGIN")
            conn.execute(psycopg.sql.SQL("ALTER ROLE watcher PASSWORD {}").format(
                psycopg.sql.Literal(PASSWORD)))
            conn.execute("CREATE TABLE public.embeddings_of_profile (id int PRIMARY KEY)")
            conn.execute("INSERT INTO public.embeddings_of_profile SELECT generate_series(1, 50)")
            conn.execute("ANALYZE public.embeddings_of_profile")
        yield cluster.port


def dsn(port: int) -> str:
    return f"postgresql://watcher:{quote(PASSWORD, safe='')}@127.0.0.1:{port}/postgres" \
           "?sslmode=disable"


def new_user(postgrest) -> str:
    name = f"health_{uuid.uuid4().hex[:8]}"
    [(user_id,)] = postgrest.query(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id::text",
        (name, f"{name}@example.test"))
    return user_id


def new_profile(postgrest, user: str, neurondb_dsn: str) -> str:
    r = httpx.post(f"{postgrest.url}/rpc/create_profile", headers=postgrest.auth(user),
                   json={"name": f"health-{uuid.uuid4().hex[:8]}", "neurondb_dsn": neurondb_dsn})
    assert r.status_code == 200, r.text
    return r.json()["id"]


@pytest.fixture
def glue(database, postgrest):
    app = create_app(database.login_conninfo("neuronplane_worker"), api_url=postgrest.url)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://glue",
                             timeout=60)


async def test_a_profile_reports_its_own_server(glue, postgrest, database, profile_server):
    user = new_user(postgrest)
    profile = new_profile(postgrest, user, dsn(profile_server))
    auth = postgrest.auth(user)
    async with glue:
        health = await glue.get(f"/profiles/{profile}/db-health", headers=auth)
        usage = await glue.get(f"/profiles/{profile}/usage", headers=auth)
        indexes = await glue.get(f"/profiles/{profile}/index-health", headers=auth)
        workers = await glue.get(f"/profiles/{profile}/workers", headers=auth)
    for r in (health, usage, indexes, workers):
        assert r.status_code == 200 and r.json()["ok"] is True, r.text
        assert r.json()["server"] == f"127.0.0.1:{profile_server}"
        assert PASSWORD not in r.text
    db = health.json()["db_health"]
    assert db["database_name"] == "postgres" and db["connections"] >= 1
    # The control plane's database is another one, on another server.
    assert database.dbname != "postgres" and database.port != profile_server
    tables = [t["table_name"] for t in usage.json()["usage"]["largest_tables"]]
    assert tables == ["embeddings_of_profile"] and usage.json()["usage"]["live_rows"] >= 50
    assert [i["index_name"] for i in indexes.json()["index_health"]] == [
        "embeddings_of_profile_pkey"]
    assert any(w["kind"] == "background_worker" for w in workers.json()["workers"])


async def test_an_unreachable_profile_is_a_clear_error_within_the_timeout(glue, postgrest):
    silent = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)
    port = silent.getsockname()[1]
    user = new_user(postgrest)
    profile = new_profile(postgrest, user, dsn(port))
    try:
        async with glue:
            started = time.monotonic()
            r = await glue.get(f"/profiles/{profile}/db-health",
                               params={"timeout_seconds": 2}, headers=postgrest.auth(user))
            took = time.monotonic() - started
            bad = await glue.get(f"/profiles/{profile}/db-health",
                                 params={"timeout_seconds": 600}, headers=postgrest.auth(user))
    finally:
        silent.close()
    assert r.status_code == 200 and took < 4, (r.text, took)
    assert r.json() == {"ok": False, "error": "timeout",
                        "message": f"127.0.0.1:{port} did not answer within 2 seconds"}
    assert (bad.status_code, bad.json()["field"]) == (400, "timeout_seconds")


async def test_only_callers_who_may_read_the_profile_are_answered(glue, postgrest,
                                                                 profile_server):
    owner, stranger = new_user(postgrest), new_user(postgrest)
    profile = new_profile(postgrest, owner, dsn(profile_server))
    async with glue:
        theirs = await glue.get(f"/profiles/{profile}/db-health",
                                headers=postgrest.auth(stranger))
        nobody = await glue.get(f"/profiles/{profile}/db-health")
        malformed = await glue.get("/profiles/not-a-uuid/db-health",
                                   headers=postgrest.auth(owner))
        unknown = await glue.get(f"/profiles/{profile}/everything",
                                 headers=postgrest.auth(owner))
    assert theirs.status_code == 403 and theirs.json()["ok"] is False
    assert nobody.status_code == 401
    assert (malformed.status_code, malformed.json()["field"]) == (400, "profile_id")
    assert unknown.status_code == 404
