"""The glue's /auth/refresh audits the browser, not itself (issue 19, item 11): rotation
and reuse events carry the browser's address and User-Agent, and a CSRF refusal names
the session's user."""

from __future__ import annotations

import uuid

import httpx
import pytest

from neuronplane.glue import create_app

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]

BROWSER = ("203.0.113.7", 51000)
THIEF = ("198.51.100.66", 42000)


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
def session(superuser) -> dict[str, str]:
    name = f"client-{uuid.uuid4().hex[:10]}"
    [(user_id,)] = superuser.execute(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id",
        (name, f"{name}@example.test")).fetchall()
    [(refresh, session_id, csrf)] = superuser.execute(
        "SELECT s ->> 'refresh_token', s ->> 'session_id',"
        "       auth.csrf_token((s ->> 'session_id')::uuid)"
        "  FROM auth.create_session(%s, 'oidc') s", (user_id,)).fetchall()
    return {"user": str(user_id), "refresh": refresh, "session": session_id, "csrf": csrf}


async def refresh(database, client: tuple[str, int], agent: str, token: str,
                  csrf: str | None) -> httpx.Response:
    app = create_app(database.login_conninfo("neuronplane_worker"), pool_size=1)
    transport = httpx.ASGITransport(app=app, client=client)
    headers = {"Cookie": f"np_refresh={token}; np_csrf={csrf}", "User-Agent": agent}
    if csrf is not None:
        headers["X-CSRF-Token"] = csrf
    async with httpx.AsyncClient(transport=transport, base_url="http://glue") as http:
        r = await http.post("/auth/refresh", headers=headers)
    await app.state.pool.close()
    return r


def events(superuser, session_id: str, action: str) -> list[tuple]:
    return superuser.execute(
        "SELECT host(ip), user_agent, principal_id::text FROM audit.events"
        " WHERE action = %s AND resource_id = %s ORDER BY id", (action, session_id)).fetchall()


async def test_rotation_and_reuse_name_the_browser(database, superuser, session):
    r = await refresh(database, BROWSER, "Browser/1.0", session["refresh"], session["csrf"])
    assert r.status_code == 200, r.text
    assert events(superuser, session["session"], "auth.refresh.rotated") == [
        (BROWSER[0], "Browser/1.0", session["user"])]
    # The spent token again, after the grace interval and from elsewhere: the reuse event
    # says where.
    superuser.execute("UPDATE auth.refresh_tokens SET used_at = used_at - interval '1 minute'"
                      " WHERE session_id = %s AND used_at IS NOT NULL", (session["session"],))
    r = await refresh(database, THIEF, "Thief/6.6", session["refresh"], session["csrf"])
    assert r.status_code == 401
    [(ip, agent, _)] = events(superuser, session["session"], "auth.refresh.reused")
    assert (ip, agent) == (THIEF[0], "Thief/6.6")


async def test_csrf_refusal_names_the_user(database, superuser, session):
    r = await refresh(database, BROWSER, "Browser/1.0", session["refresh"], None)
    assert r.status_code == 403
    assert events(superuser, session["session"], "auth.csrf.refused") == [
        (BROWSER[0], "Browser/1.0", session["user"])]


def test_postgrest_requests_cannot_name_another_client(superuser):
    """The glue's setting is read only outside a PostgREST request."""
    with superuser.transaction():
        superuser.execute("SELECT set_config('request.headers', %s, true),"
                          " set_config('neuronplane.client_ip', '192.0.2.99', true),"
                          " set_config('neuronplane.client_user_agent', 'forged', true)",
                          ('{"user-agent": "real/1"}',))
        [(ip, agent)] = superuser.execute(
            "SELECT auth.request_ip()::text, auth.request_user_agent()").fetchall()
    assert ip != "192.0.2.99" and agent == "real/1"
