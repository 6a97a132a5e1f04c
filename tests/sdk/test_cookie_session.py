"""A cookie session through the SDK: OIDC login at a real OpenID Provider (the OIDC tests'
oidc-provider), writes that carry X-CSRF-Token, a refresh through the glue when the access
cookie has expired, logout."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookiejar import Cookie

import httpx
import psycopg
import pytest

from neuronplane_client import Client
from tests.conftest import run_cli
from tests.e2e.oidc_support import CLIENT_ID, CLIENT_SECRET, Glue, OpenIDProvider
from tests.sdk.conftest import TS_SDK, expired_session, rotations

pytestmark = pytest.mark.e2e

PROVIDER = "sdk-idp"
REDIRECT = "/console"


@dataclass
class Setup:
    glue: Glue
    op: OpenIDProvider


@pytest.fixture(scope="module")
def oidc(database, tmp_path_factory) -> Iterator[Setup]:
    tmp = tmp_path_factory.mktemp("sdk-oidc")
    glue = Glue(tmp, database.login_conninfo("neuronplane_worker"),
                env={"SESSION_COOKIE_SECURE": "false"})  # plain http on loopback
    callback = f"{glue.url}/auth/oidc/{PROVIDER}/callback"
    op = OpenIDProvider(tmp, [callback])
    try:
        op.start()
        run_cli("oidc", "add-provider", "--name", PROVIDER, "--issuer", op.issuer,
                "--client-id", CLIENT_ID, "--callback-url", callback, "--redirect-uri", REDIRECT,
                "--dsn", database.superuser_conninfo(),
                env={**os.environ, "OIDC_CLIENT_SECRET": CLIENT_SECRET})
        glue.start()
        yield Setup(glue, op)
    finally:
        glue.stop()
        op.stop()
        with psycopg.connect(database.superuser_conninfo(), autocommit=True) as conn:
            conn.execute("DELETE FROM auth.oidc_providers WHERE name = %s", (PROVIDER,))


def _set_access_cookie(client: Client, value: str) -> None:
    [old] = [c for c in client.cookies if c.name == "np_access"]
    client.cookies.set_cookie(Cookie(
        old.version, old.name, value, old.port, old.port_specified, old.domain,
        old.domain_specified, old.domain_initial_dot, old.path, old.path_specified, old.secure,
        old.expires, old.discard, old.comment, old.comment_url, {}))


def test_oidc_cookie_session_with_csrf_refresh_and_logout(postgrest, superuser, oidc):
    client = Client(postgrest.url, glue_url=oidc.glue.url)
    client.login_oidc(PROVIDER, REDIRECT, login_hint="alice")
    names = {c.name for c in client.cookies}
    assert {"np_access", "np_refresh", "np_csrf"} <= names
    assert client.tokens is None  # a cookie session, not tokens

    who = client.glue_http.get("/auth/session").json()
    session_id = who["session_id"]

    # A write rides on the cookie only with the CSRF header, which the client adds.
    cookies = {c.name: c.value for c in client.cookies if c.name == "np_access"}
    bare = httpx.post(f"{postgrest.url}/rpc/create_project", json={"name": "no-csrf"},
                      cookies=cookies)
    assert bare.status_code == 403
    project = client.rpc("create_project", name=f"cookie-{int(time.time())}")
    assert project["user_id"] == who["principal_id"]

    # The access cookie expires: one refresh through the glue, and the call succeeds.
    [(expired,)] = superuser.execute(
        "SELECT auth.issue_access_token(%s, 'user', 'authenticated', %s,"
        " lifetime => interval '-60 seconds')", (who["principal_id"], session_id)).fetchall()
    _set_access_cookie(client, expired)
    rows = client.page("/projects", params={"id": f"eq.{project['id']}"}).rows
    assert [r["id"] for r in rows] == [project["id"]]
    assert client.refreshes == 1
    assert rotations(superuser, session_id) == 2

    client.logout()
    [(revoked,)] = superuser.execute(
        "SELECT revoked_reason FROM auth.sessions WHERE id = %s", (session_id,)).fetchall()
    assert revoked == "logout"
    assert not list(client.cookies)
    client.close()


def test_the_typescript_sdk_keeps_a_cookie_session_in_node(postgrest, superuser, oidc,
                                                           account, typescript_dist):
    # Any expired token of ours is refused as expired before its session is looked at.
    expired = expired_session(postgrest, superuser, account).expired_access
    env = {**os.environ, "NEURONPLANE_API_URL": postgrest.url,
           "NEURONPLANE_GLUE_URL": oidc.glue.url, "NP_OIDC_PROVIDER": PROVIDER,
           "NP_OIDC_REDIRECT": REDIRECT, "NP_EXPIRED_ACCESS": expired}
    done = subprocess.run(["node", "--test", "--test-reporter=tap", "test/cookie.test.mjs"],
                          cwd=TS_SDK, env=env, text=True, capture_output=True, timeout=120)
    print(done.stdout[-3000:], done.stderr[-2000:])
    assert done.returncode == 0 and "# pass 1" in done.stdout
    [session_id] = [line.split("COOKIE_SESSION ", 1)[1].strip()
                    for line in done.stdout.splitlines() if "COOKIE_SESSION " in line]
    [(method, revoked)] = superuser.execute(
        "SELECT auth_method, revoked_reason FROM auth.sessions WHERE id = %s",
        (session_id,)).fetchall()
    assert (method, revoked) == ("oidc", "logout")
    assert rotations(superuser, session_id) == 2  # the one refresh, through the glue
