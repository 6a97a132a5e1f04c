"""OIDC mix-up (RFC 9700 section 4.4, RFC 9207) with two real OpenID Providers: `honest`
and `evil`, both registered at the glue, `evil` playing the attacker. The login attempt is
bound to the provider it was started with, each provider has its own callback, and the
authorization response's `iss` must be the provider's issuer."""

from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import urlencode, urlsplit

import httpx
import psycopg
import pytest

from neuronplane.procs import free_port
from tests.conftest import run_cli
from tests.e2e.oidc_support import (
    CLIENT_ID,
    CLIENT_SECRET,
    Browser,
    Glue,
    OpenIDProvider,
    login_rate_limit,
    query,
)

pytestmark = pytest.mark.e2e

DESK = "/desk"


class Two:
    def __init__(self, honest: OpenIDProvider, evil: OpenIDProvider, glue: Glue, su: str) -> None:
        self.honest, self.evil, self.glue, self.su = honest, evil, glue, su

    def callback(self, name: str) -> str:
        return f"{self.glue.url}/auth/oidc/{name}/callback"

    def sql(self, statement: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with psycopg.connect(self.su, autocommit=True) as conn:
            cur = conn.execute(statement, params)
            return cur.fetchall() if cur.description else []

    def last_reason(self) -> str:
        [(reason,)] = self.sql("SELECT details ->> 'reason' FROM audit.events"
                               " WHERE action = 'auth.oidc.failed' ORDER BY id DESC LIMIT 1")
        return str(reason)


@pytest.fixture(scope="module")
def two(database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Two]:
    tmp = tmp_path_factory.mktemp("oidc-mixup")
    port = free_port()
    glue = Glue(tmp, database.login_conninfo("neuronplane_worker"), port)
    honest = OpenIDProvider(tmp / "honest", [f"{glue.url}/auth/oidc/honest/callback"])
    evil = OpenIDProvider(tmp / "evil", [f"{glue.url}/auth/oidc/evil/callback"])
    (tmp / "honest").mkdir()
    (tmp / "evil").mkdir()
    try:
        honest.start()
        evil.start()
        env = {**os.environ, "OIDC_CLIENT_SECRET": CLIENT_SECRET}
        for name, op in (("honest", honest), ("evil", evil)):
            run_cli("oidc", "add-provider", "--name", name, "--issuer", op.issuer,
                    "--client-id", CLIENT_ID, "--callback-url",
                    f"{glue.url}/auth/oidc/{name}/callback", "--redirect-uri", DESK,
                    "--dsn", database.superuser_conninfo(), env=env)
        glue.start()
        with login_rate_limit(database.superuser_conninfo(), 100_000):
            yield Two(honest, evil, glue, database.superuser_conninfo())
    finally:
        glue.stop()
        honest.stop()
        evil.stop()
        with psycopg.connect(database.superuser_conninfo(), autocommit=True) as conn:
            conn.execute("DELETE FROM auth.oidc_providers WHERE name IN ('honest', 'evil')")


@pytest.fixture
def browser() -> Iterator[Browser]:
    b = Browser()
    try:
        yield b
    finally:
        b.close()


def token_requests(op: OpenIDProvider) -> list[dict[str, object]]:
    return httpx.get(f"{op.issuer}/__test/token_requests").json()


def test_discovery_stored_the_iss_parameter_support(two):
    assert two.sql("SELECT name, iss_parameter_supported FROM auth.oidc_providers"
                   " WHERE name IN ('honest', 'evil') ORDER BY name") == [
        ("evil", True), ("honest", True)]


def test_each_provider_logs_in_at_its_own_callback(two, browser):
    # bob: his e-mail is not verified, so these users take no e-mail other tests expect.
    for name in ("honest", "evil"):
        b = Browser()
        try:
            r = b.start_login(two.glue.url, DESK, account="bob", provider=name)
            assert query(r.headers["location"])["redirect_uri"] == two.callback(name)
            url = b.at_provider(r.headers["location"], two.callback(name))
            assert query(url)["iss"] == (two.honest if name == "honest" else two.evil).issuer
            assert b.callback(two.glue.url, url).status_code == 303
        finally:
            b.close()


def test_mix_up_a_code_of_the_honest_provider_never_reaches_the_evil_one(two, browser):
    # The victim starts a login with `evil`. Evil does not authenticate her: it sends her
    # browser to the honest provider with the glue's client id there, the state, nonce and
    # PKCE challenge of her login, and the only redirect URI the honest provider accepts.
    r = browser.start_login(two.glue.url, DESK, provider="evil")
    to_evil = query(r.headers["location"])
    assert to_evil["redirect_uri"] == two.callback("evil")
    forged = f"{two.honest.issuer}/auth?" + urlencode({
        "response_type": "code", "client_id": CLIENT_ID, "scope": to_evil["scope"],
        "redirect_uri": two.callback("honest"), "state": to_evil["state"],
        "nonce": to_evil["nonce"], "code_challenge": to_evil["code_challenge"],
        "code_challenge_method": "S256", "login_hint": "alice"})
    url = browser.at_provider(forged, two.callback("honest"))
    honest_code = query(url)["code"]
    before = token_requests(two.evil)

    r = browser.callback(two.glue.url, url)
    assert r.status_code == 401, r.text
    assert r.json()["message"] == ("this response does not come from the provider the login "
                                   "was started with; start the login again")
    assert two.last_reason() == "provider_mismatch"
    assert "np_access" not in browser.glue_cookies
    # The honest provider's code went to no token endpoint, the evil one's least of all.
    assert token_requests(two.evil) == before
    assert honest_code not in [t["code"] for t in token_requests(two.honest)]
    # And the attempt is spent: the same response cannot be tried at the evil callback.
    parts = urlsplit(url)
    r = browser.glue("GET", two.glue.url, f"/auth/oidc/evil/callback?{parts.query}")
    assert r.status_code == 401
    assert two.last_reason() == "state_replayed"
    assert token_requests(two.evil) == before


def test_the_shared_callback_is_gone(two, browser):
    r = browser.glue("GET", two.glue.url, "/auth/oidc/callback?code=x&state=y")
    assert r.status_code == 404


@pytest.mark.parametrize(("iss", "reason"), [("evil", "iss_mismatch"), (None, "iss_missing")])
def test_a_response_with_another_or_no_iss_is_refused(two, browser, iss, reason):
    r = browser.start_login(two.glue.url, DESK, provider="honest")
    url = browser.at_provider(r.headers["location"], two.callback("honest"))
    params = query(url)
    code = params["code"]
    if iss is None:
        del params["iss"]
    else:
        params["iss"] = two.evil.issuer
    r = browser.glue("GET", two.glue.url, "/auth/oidc/honest/callback?" + urlencode(params))
    assert r.status_code == 401, r.text
    assert two.last_reason() == reason
    assert code not in [t["code"] for t in token_requests(two.honest)]
    assert "np_access" not in browser.glue_cookies


def test_an_error_response_is_checked_for_iss_too(two, browser):
    r = browser.start_login(two.glue.url, DESK, provider="honest")
    state = query(r.headers["location"])["state"]
    r = browser.glue("GET", two.glue.url, "/auth/oidc/honest/callback?"
                     + urlencode({"error": "access_denied", "state": state,
                                  "iss": two.evil.issuer}))
    assert r.status_code == 401
    assert two.last_reason() == "iss_mismatch"


def test_a_provider_cannot_be_registered_with_a_shared_callback(two):
    with pytest.raises(psycopg.errors.InvalidParameterValue) as exc:
        two.sql("SELECT auth.save_oidc_provider('third', 'http://127.0.0.1:9', 'c', NULL,"
                " 'http://127.0.0.1:9/a', 'http://127.0.0.1:9/t', 'http://127.0.0.1:9/j',"
                " %s, '{/desk}')", (f"{two.glue.url}/auth/oidc/callback",))
    assert "must end in /auth/oidc/third/callback" in str(exc.value)


def test_a_provider_left_on_the_shared_callback_cannot_start_logins(two, browser):
    # A row as the landed schema allowed it (before this change, every provider shared it).
    two.sql("UPDATE auth.oidc_providers SET callback_url = %s WHERE name = 'evil'",
            (f"{two.glue.url}/auth/oidc/callback",))
    try:
        r = browser.start_login(two.glue.url, DESK, provider="evil")
        assert r.status_code == 400
        assert "register it again" in r.json()["message"]
        assert two.last_reason() == "callback_not_per_provider"
    finally:
        two.sql("UPDATE auth.oidc_providers SET callback_url = %s WHERE name = 'evil'",
                (two.callback("evil"),))
