"""Cross-origin requests (issue 19, item 18): browser pages of the origins listed in
NEURONPLANE_ALLOWED_ORIGINS may call the glue and the API with credentials; any other
origin, and every origin when none is listed, gets no grant."""

from __future__ import annotations

import httpx
import pytest

from neuronplane import config
from neuronplane import postgrest as postgrest_conf
from neuronplane.glue import create_app

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]

CONSOLE = "https://console.example.test"
EVIL = "https://evil.example.test"
PREFLIGHT = {"Access-Control-Request-Method": "POST",
             "Access-Control-Request-Headers": "content-type, x-csrf-token"}


@pytest.fixture
def anyio_backend():
    return "asyncio"


def grants(r: httpx.Response) -> dict[str, str]:
    return {k: v for k, v in r.headers.items() if k.lower().startswith("access-control-")}


async def _glue(database, origins: list[str] | None, method: str, path: str,
                headers: dict[str, str]) -> httpx.Response:
    app = create_app(database.login_conninfo("neuronplane_worker"), origins=origins)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://glue") as client:
        r = await client.request(method, path, headers=headers)
    await app.state.pool.close()
    return r


async def test_glue_grants_nothing_by_default(database, monkeypatch):
    monkeypatch.delenv("NEURONPLANE_ALLOWED_ORIGINS", raising=False)
    r = await _glue(database, None, "GET", "/healthz", {"Origin": CONSOLE})
    assert r.status_code == 200 and grants(r) == {}
    r = await _glue(database, None, "OPTIONS", "/auth/refresh", {"Origin": CONSOLE, **PREFLIGHT})
    assert grants(r) == {}


async def test_glue_grants_listed_origins_with_credentials(database, monkeypatch):
    monkeypatch.setenv("NEURONPLANE_ALLOWED_ORIGINS", f"{CONSOLE}/, https://other.example.test")
    r = await _glue(database, None, "OPTIONS", "/auth/refresh", {"Origin": CONSOLE, **PREFLIGHT})
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == CONSOLE
    assert r.headers["access-control-allow-credentials"] == "true"
    assert "x-csrf-token" in r.headers["access-control-allow-headers"].lower()
    r = await _glue(database, None, "GET", "/healthz", {"Origin": CONSOLE})
    assert r.headers["access-control-allow-origin"] == CONSOLE
    assert r.headers["access-control-allow-credentials"] == "true"
    assert "Origin" in r.headers["vary"]


async def test_glue_grants_nothing_to_other_origins(database, monkeypatch):
    monkeypatch.setenv("NEURONPLANE_ALLOWED_ORIGINS", CONSOLE)
    for origin in (EVIL, "null", CONSOLE + ".evil.test"):
        r = await _glue(database, None, "GET", "/healthz", {"Origin": origin})
        assert r.status_code == 200 and grants(r) == {}, origin
        assert "Origin" in r.headers["vary"]
        r = await _glue(database, None, "OPTIONS", "/auth/refresh", {"Origin": origin, **PREFLIGHT})
        assert r.status_code == 400 and grants(r) == {}, origin


@pytest.mark.parametrize("value", ["*", "https://console.example.test/desk", "console.example",
                                   "javascript:alert(1)"])
def test_only_origins_are_accepted(monkeypatch, value):
    monkeypatch.setenv("NEURONPLANE_ALLOWED_ORIGINS", value)
    with pytest.raises(config.ConfigError, match="NEURONPLANE_ALLOWED_ORIGINS"):
        config.allowed_origins()


def test_postgrest_is_configured_with_the_same_list(tmp_path):
    common = {"db_host": "127.0.0.1", "db_port": 5432, "db_name": "np",
              "passfile": tmp_path / "pass", "host": "127.0.0.1", "port": 1, "admin_port": 2}
    text = postgrest_conf.config_text(**common, allowed_origins=[CONSOLE, "http://localhost:5173"])
    assert f'server-cors-allowed-origins = "{CONSOLE}, http://localhost:5173"' in text
    text = postgrest_conf.config_text(**common)
    assert f'server-cors-allowed-origins = "{postgrest_conf.NO_CROSS_ORIGIN}"' in text


def test_postgrest_grants_nothing_by_default(postgrest):
    r = httpx.get(f"{postgrest.url}/rpc/health", headers={"Origin": EVIL})
    assert r.status_code == 200 and grants(r) == {}
    r = httpx.options(f"{postgrest.url}/rpc/health", headers={"Origin": EVIL, **PREFLIGHT})
    # (wai-cors answers a refused preflight with a bare "*": no methods, no headers and no
    # credentials, so the browser sends nothing)
    assert "access-control-allow-credentials" not in r.headers
    assert "access-control-allow-methods" not in r.headers
    assert "access-control-allow-headers" not in r.headers
