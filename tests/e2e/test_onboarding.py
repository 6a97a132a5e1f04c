"""The glue's onboarding connection tests, end to end: callers authorized by the database
through a real PostgREST, a real second PostgreSQL cluster as the target DSN, loopback HTTP
servers as agents, silent listeners for timeouts. Every target is a loopback address."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import psycopg
import pytest

from neuronplane.glue import create_app
from neuronplane.onboarding import Policy
from neuronplane.procs import free_port
from neuronplane.testrun import throwaway_cluster

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]

ROOT = Path(__file__).resolve().parents[2]
PROBE_PASSWORD = "Pr0be-pässword-%@'x"


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="module")
def target() -> Iterator[int]:
    """A second PostgreSQL cluster with a login `probe` (password PROBE_PASSWORD); its port."""
    with throwaway_cluster(ROOT, log=lambda *_: None) as (cluster, _tmp):
        with psycopg.connect(cluster.conninfo(), autocommit=True) as conn:
            conn.execute("CREATE ROLE probe LOGIN")
            conn.execute(psycopg.sql.SQL("ALTER ROLE probe PASSWORD {}").format(
                psycopg.sql.Literal(PROBE_PASSWORD)))
        yield cluster.port


@pytest.fixture(scope="module")
def caller(postgrest) -> str:
    """A user's id (tokens for it come from postgrest.auth)."""
    name = f"onb_{uuid.uuid4().hex[:8]}"
    [(user_id,)] = postgrest.query(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id::text",
        (name, f"{name}@example.test"))
    return user_id


@pytest.fixture
def glue(database, postgrest):
    app = create_app(database.login_conninfo("neuronplane_worker"), api_url=postgrest.url)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://glue",
                             timeout=60)


def _dsn(port: int, password: str = PROBE_PASSWORD, host: str = "127.0.0.1") -> str:
    from urllib.parse import quote
    return f"postgresql://probe:{quote(password, safe='')}@{host}:{port}/postgres?sslmode=disable"


def _silent_listener() -> socket.socket:
    """A loopback port that completes TCP handshakes (the kernel's backlog) and never says a
    word: a host that does not answer."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    return s


# -- test-database ---------------------------------------------------------------------------

async def test_database_reports_version_and_extensions(glue, postgrest, caller, target, caplog):
    caplog.set_level(logging.DEBUG)
    async with glue:
        r = await glue.post("/onboarding/test-database", json={"dsn": _dsn(target)},
                            headers=postgrest.auth(caller))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is True
    assert body["server_version"].startswith("15")
    assert body["database"] == "postgres" and body["user"] == "probe"
    # What the target really has, asked directly.
    with psycopg.connect(_dsn(target)) as conn:
        available = {n for (n,) in conn.execute(
            "SELECT name FROM pg_available_extensions WHERE name IN ('neurondb', 'vector')")}
        installed = {n for (n,) in conn.execute(
            "SELECT extname FROM pg_extension WHERE extname IN ('neurondb', 'vector')")}
    assert body["has_pgvector"] is ("vector" in installed)
    assert body["has_neurondb"] is ("neurondb" in installed)
    assert body["extensions"]["pgvector"]["available"] is ("vector" in available)
    assert PROBE_PASSWORD not in r.text
    assert PROBE_PASSWORD not in caplog.text
    # The probe is audited under the caller, with its target and no secret.
    rows = postgrest.query(
        "SELECT details::text FROM audit.events WHERE action = 'workspace.onboarding.probed'"
        " AND principal_id = %s AND details ->> 'target' LIKE %s", (caller, f"%:{target}"))
    assert rows and all(json.loads(d) == {"kind": "database", "target": f"127.0.0.1:{target}"}
                        for (d,) in rows)


async def test_database_wrong_password_says_so_without_the_password(glue, postgrest, caller,
                                                                    target, caplog):
    caplog.set_level(logging.DEBUG)
    wrong = "Wr0ng-secret-7"
    async with glue:
        r = await glue.post("/onboarding/test-database", json={"dsn": _dsn(target, wrong)},
                            headers=postgrest.auth(caller))
    body = r.json()
    assert r.status_code == 200
    assert body["ok"] is False and body["error"] == "auth_failed"
    assert "password authentication failed" in body["message"]
    assert wrong not in r.text and wrong not in caplog.text


async def test_database_closed_port_is_unreachable(glue, postgrest, caller):
    port = free_port()
    async with glue:
        r = await glue.post("/onboarding/test-database", json={"dsn": _dsn(port)},
                            headers=postgrest.auth(caller))
    body = r.json()
    assert body["ok"] is False and body["error"] == "unreachable"
    assert f"127.0.0.1:{port}" in body["message"]


async def test_database_silent_host_answers_within_the_timeout(glue, postgrest, caller):
    listener = _silent_listener()
    try:
        port = listener.getsockname()[1]
        start = time.monotonic()
        async with glue:
            r = await glue.post("/onboarding/test-database",
                                json={"dsn": _dsn(port), "timeout_seconds": 2},
                                headers=postgrest.auth(caller))
        elapsed = time.monotonic() - start
    finally:
        listener.close()
    body = r.json()
    assert body == {"ok": False, "error": "timeout",
                    "message": f"127.0.0.1:{port} did not answer within 2 seconds"}
    assert 1.9 <= elapsed < 5, elapsed


async def test_database_needs_a_caller_the_database_accepts(glue, postgrest, target):
    async with glue:
        anonymous = await glue.post("/onboarding/test-database", json={"dsn": _dsn(target)})
        forged = await glue.post("/onboarding/test-database", json={"dsn": _dsn(target)},
                                 headers={"Authorization": "Bearer not.a.token"})
        bad_key = await glue.post("/onboarding/test-database", json={"dsn": _dsn(target)},
                                  headers={"X-API-Key": "npk_000000000000_" + "ab" * 32})
    assert anonymous.status_code == 401
    assert anonymous.json()["message"].startswith("authentication required")
    assert forged.status_code == 401
    assert bad_key.status_code == 401


@pytest.mark.parametrize(("dsn", "status", "field", "message"), [
    ("postgresql://probe:x@192.0.2.10:5432/postgres", 403, "dsn",
     "host '192.0.2.10' (192.0.2.10) is outside the networks the glue may connect to"),
    ("host=/tmp port=5432 user=postgres", 400, "dsn", "dsn may not use a unix socket"),
    ("host=127.0.0.1 passfile=/etc/passwd", 400, "dsn", "dsn may not set passfile"),
    ("host=127.0.0.1 port=99999", 400, "dsn", "the port in dsn must be a number"),
    ("mysql://x@localhost/db", 400, "dsn", "dsn is not a valid PostgreSQL connection string"),
    ("", 400, "dsn", "dsn is required"),
])
async def test_database_refusals_name_the_field(glue, postgrest, caller, dsn, status, field,
                                                message):
    async with glue:
        r = await glue.post("/onboarding/test-database", json={"dsn": dsn},
                            headers=postgrest.auth(caller))
    assert r.status_code == status, r.text
    body = r.json()
    assert body["ok"] is False and body["field"] == field
    assert body["message"].startswith(message), body


async def test_database_of_a_saved_profile(glue, postgrest, caller, target, caplog):
    caplog.set_level(logging.DEBUG)
    r = httpx.post(f"{postgrest.url}/rpc/create_profile", headers=postgrest.auth(caller),
                   json={"name": f"saved-{uuid.uuid4().hex[:8]}", "neurondb_dsn": _dsn(target)})
    assert r.status_code == 200, r.text
    profile_id = r.json()["id"]
    name = f"onb_other_{uuid.uuid4().hex[:8]}"
    [(other,)] = postgrest.query(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id::text",
        (name, f"{name}@example.test"))
    async with glue:
        mine = await glue.post("/onboarding/test-database", json={"profile_id": profile_id},
                               headers=postgrest.auth(caller))
        theirs = await glue.post("/onboarding/test-database", json={"profile_id": profile_id},
                                 headers=postgrest.auth(other))
        both = await glue.post("/onboarding/test-database",
                               json={"profile_id": profile_id, "dsn": _dsn(target)},
                               headers=postgrest.auth(caller))
        malformed = await glue.post("/onboarding/test-database", json={"profile_id": "x"},
                                    headers=postgrest.auth(caller))
    assert mine.status_code == 200 and mine.json()["ok"] is True, mine.text
    assert mine.json()["user"] == "probe"
    assert theirs.status_code == 403 and theirs.json()["ok"] is False
    assert (both.status_code, both.json()["field"]) == (400, "profile_id")
    assert (malformed.status_code, malformed.json()["field"]) == (400, "profile_id")
    assert PROBE_PASSWORD not in mine.text and PROBE_PASSWORD not in caplog.text


async def test_database_timeout_out_of_range_is_refused(glue, postgrest, caller, target):
    async with glue:
        r = await glue.post("/onboarding/test-database",
                            json={"dsn": _dsn(target), "timeout_seconds": 600},
                            headers=postgrest.auth(caller))
    assert r.status_code == 400
    assert r.json()["field"] == "timeout_seconds"


def test_allowed_networks_are_configurable():
    narrow = Policy.from_env("10.0.0.0/8")
    assert not narrow.allows("127.0.0.1") and narrow.allows("10.1.2.3")
    assert Policy.from_env("*").allows("192.0.2.1")
    assert Policy.from_env("").allows("127.0.0.1") and not Policy.from_env("").allows("10.0.0.1")
    with pytest.raises(ValueError, match="NEURONPLANE_ONBOARDING_ALLOWED_NETWORKS"):
        Policy.from_env("not-a-network")


# -- test-agent ------------------------------------------------------------------------------

class _Agent(BaseHTTPRequestHandler):
    seen: list[dict[str, str]] = []  # noqa: RUF012

    def do_GET(self):
        _Agent.seen.append({"path": self.path,
                            "authorization": self.headers.get("Authorization", ""),
                            "host": self.headers.get("Host", "")})
        if self.path == "/v1/health":
            status, body = 200, {"status": "ok", "version": "1.2.3"}
        elif self.path == "/locked/health":
            status, body = 401, {"error": "unauthorized"}
        else:
            status, body = 500, {"error": "broken"}
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def agent() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Agent)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


async def test_agent_health_with_key(glue, postgrest, caller, agent, caplog):
    caplog.set_level(logging.DEBUG)
    _Agent.seen.clear()
    async with glue:
        r = await glue.post("/onboarding/test-agent",
                            json={"endpoint": f"http://localhost:{agent}/v1",
                                  "api_key": "agent-secret-1"},
                            headers=postgrest.auth(caller))
    body = r.json()
    assert r.status_code == 200, r.text
    assert body["ok"] is True and body["health"] == {"status": "ok", "version": "1.2.3"}
    assert _Agent.seen == [{"path": "/v1/health", "authorization": "Bearer agent-secret-1",
                            "host": f"localhost:{agent}"}]
    assert "agent-secret-1" not in caplog.text


async def test_agent_refusing_the_key_or_failing(glue, postgrest, caller, agent):
    async with glue:
        locked = await glue.post("/onboarding/test-agent",
                                 json={"endpoint": f"http://127.0.0.1:{agent}/locked",
                                       "api_key": "k"},
                                 headers=postgrest.auth(caller))
        broken = await glue.post("/onboarding/test-agent",
                                 json={"endpoint": f"http://127.0.0.1:{agent}/broken"},
                                 headers=postgrest.auth(caller))
    assert locked.json()["error"] == "auth_failed" and locked.json()["status"] == 401
    assert broken.json()["error"] == "unhealthy" and broken.json()["status"] == 500


async def test_agent_silent_and_closed(glue, postgrest, caller):
    listener = _silent_listener()
    closed = free_port()
    try:
        port = listener.getsockname()[1]
        start = time.monotonic()
        async with glue:
            silent = await glue.post("/onboarding/test-agent",
                                     json={"endpoint": f"http://127.0.0.1:{port}",
                                           "timeout_seconds": 1.5},
                                     headers=postgrest.auth(caller))
            elapsed = time.monotonic() - start
            refused = await glue.post("/onboarding/test-agent",
                                      json={"endpoint": f"http://127.0.0.1:{closed}"},
                                      headers=postgrest.auth(caller))
    finally:
        listener.close()
    assert silent.json()["error"] == "timeout"
    assert silent.json()["message"] == (
        f"http://127.0.0.1:{port}/health did not answer within 1.5 seconds")
    assert 1.4 <= elapsed < 4, elapsed
    assert refused.json()["ok"] is False and refused.json()["error"] == "unreachable"


@pytest.mark.parametrize(("payload", "status", "field"), [
    ({"endpoint": "ftp://127.0.0.1/x"}, 400, "endpoint"),
    ({"endpoint": "http://user:pw@127.0.0.1:1"}, 400, "endpoint"),
    ({"endpoint": "http://192.0.2.20:8080"}, 403, "endpoint"),
    ({"endpoint": "http://127.0.0.1:1", "health_path": "http://evil/"}, 400, "health_path"),
    ({"endpoint": "http://127.0.0.1:1", "api_key": ""}, 400, "api_key"),
    ({}, 400, "endpoint"),
])
async def test_agent_refusals_name_the_field(glue, postgrest, caller, payload, status, field):
    async with glue:
        r = await glue.post("/onboarding/test-agent", json=payload, headers=postgrest.auth(caller))
    assert r.status_code == status, r.text
    assert r.json()["field"] == field


async def test_agent_needs_a_caller(glue):
    async with glue:
        r = await glue.post("/onboarding/test-agent", json={"endpoint": "http://127.0.0.1:1"})
    assert r.status_code == 401
