"""OIDC login end to end: a real OpenID Provider (npm oidc-provider) on loopback, real glue
processes, PostgREST, and a browser that holds only the glue's cookies."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlsplit

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
    set_cookies,
)

pytestmark = pytest.mark.e2e

APP = "https://app.example/after"
DESK = "/desk"


class Setup:
    def __init__(self, op: OpenIDProvider, glue: Glue, glue_b: Glue, callback: str,
                 superuser_conninfo: str) -> None:
        self.op, self.glue, self.glue_b, self.callback_url = op, glue, glue_b, callback
        self.su = superuser_conninfo

    def sql(self, statement: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with psycopg.connect(self.su, autocommit=True) as conn:
            cur = conn.execute(statement, params)
            return cur.fetchall() if cur.description else []

    def begin(self, browser: Browser, redirect_to: str = DESK, account: str = "alice",
              glue: Glue | None = None) -> str:
        """Start a login at a glue and go through the provider: the callback URL."""
        r = browser.start_login((glue or self.glue).url, redirect_to, account)
        assert r.status_code == 302, r.text
        return browser.at_provider(r.headers["location"], self.callback_url)

    def reasons(self) -> list[str]:
        return [r[0] for r in self.sql(
            "SELECT details ->> 'reason' FROM audit.events WHERE action = 'auth.oidc.failed'"
            " ORDER BY id")]


@pytest.fixture(scope="module")
def oidc(database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    tmp = tmp_path_factory.mktemp("oidc")
    glue_port = free_port()
    callback = f"http://127.0.0.1:{glue_port}/auth/oidc/idp/callback"
    op = OpenIDProvider(tmp, [callback])
    conninfo = database.login_conninfo("neuronplane_worker")
    glue = Glue(tmp, conninfo, glue_port)
    glue_b = Glue(tmp, conninfo)
    try:
        op.start()
        # The provider is registered as an administrator would: the CLI runs discovery.
        env = {**os.environ, "OIDC_CLIENT_SECRET": CLIENT_SECRET}
        run_cli("oidc", "add-provider", "--name", "idp", "--issuer", op.issuer,
                "--client-id", CLIENT_ID, "--callback-url", callback,
                "--redirect-uri", APP, "--redirect-uri", DESK,
                "--dsn", database.superuser_conninfo(), env=env)
        glue.start()
        glue_b.start()
        with login_rate_limit(database.superuser_conninfo(), 100_000):
            yield Setup(op, glue, glue_b, callback, database.superuser_conninfo())
    finally:
        glue.stop()
        glue_b.stop()
        op.stop()
        with psycopg.connect(database.superuser_conninfo(), autocommit=True) as conn:
            conn.execute("DELETE FROM auth.oidc_providers WHERE name = 'idp'")


@pytest.fixture
def browser() -> Iterator[Browser]:
    b = Browser()
    try:
        yield b
    finally:
        b.close()


def login(oidc: Setup, browser: Browser, redirect_to: str = DESK,
          account: str = "alice") -> httpx.Response:
    r = browser.callback(oidc.glue.url, oidc.begin(browser, redirect_to, account))
    assert r.status_code == 303, r.text
    return r


# -- the provider as registered ---------------------------------------------------------------

def test_add_provider_ran_discovery_and_stored_the_secret_encrypted(oidc):
    [(issuer, token_endpoint, secret, redirects)] = oidc.sql(
        "SELECT issuer, token_endpoint, client_secret, redirect_uris FROM auth.oidc_providers"
        " WHERE name = 'idp'")
    assert issuer == oidc.op.issuer
    assert token_endpoint == f"{oidc.op.issuer}/token"
    assert CLIENT_SECRET.encode() not in bytes(secret)
    assert redirects == [APP, DESK]


# -- the full login ---------------------------------------------------------------------------

def test_full_login_redirects_with_s256_and_sets_every_cookie_attribute(oidc, browser):
    r = browser.start_login(oidc.glue.url, APP)
    assert r.status_code == 302
    assert r.headers["cache-control"] == "no-store"
    to = query(r.headers["location"])
    assert r.headers["location"].startswith(f"{oidc.op.issuer}/auth?")
    assert to["response_type"] == "code" and to["client_id"] == CLIENT_ID
    assert to["redirect_uri"] == oidc.callback_url
    assert to["code_challenge_method"] == "S256" and len(to["code_challenge"]) == 43
    assert len(to["state"]) >= 43 and len(to["nonce"]) >= 43 and to["state"] != to["nonce"]
    assert set(to["scope"].split()) == {"openid", "email", "profile"}
    binding = set_cookies(r)["np_oidc_binding"]
    assert binding["path"] == "/auth/oidc/idp/callback"
    assert binding["httponly"] and binding["secure"] and binding["samesite"].lower() == "lax"

    done = browser.callback(oidc.glue.url, browser.at_provider(r.headers["location"],
                                                               oidc.callback_url))
    assert done.status_code == 303, done.text
    assert done.headers["location"] == APP
    cookies = set_cookies(done)
    access, refresh, csrf = cookies["np_access"], cookies["np_refresh"], cookies["np_csrf"]
    # Production defaults: Secure, SameSite=Lax; HttpOnly for the tokens.
    assert (access["httponly"], access["secure"], access["samesite"].lower(), access["path"],
            access["max-age"]) == (True, True, "lax", "/", "900")
    assert (refresh["httponly"], refresh["secure"], refresh["samesite"].lower(),
            refresh["path"], refresh["max-age"]) == (True, True, "lax", "/auth/refresh", "604800")
    assert (csrf["httponly"], csrf["secure"], csrf["samesite"].lower(), csrf["path"]) == (
        False, True, "lax", "/")
    assert refresh["value"].startswith("npr_") and access["value"].count(".") == 2
    assert cookies["np_oidc_binding"]["max-age"] == "0"  # spent: cleared

    me = browser.glue("GET", oidc.glue.url, "/auth/session")
    assert me.status_code == 200
    body = me.json()
    assert body["auth_method"] == "oidc"
    assert body["email"] == "alice@example.test"  # verified at the provider
    assert body["display_name"] == "Alice Liddell"
    [(user_id,)] = oidc.sql(
        "SELECT user_id::text FROM auth.external_identities WHERE provider = 'idp'"
        " AND subject = 'alice'")
    assert user_id == body["principal_id"]
    actions = [a for (a,) in oidc.sql(
        "SELECT action FROM audit.events WHERE action LIKE 'auth.%%' ORDER BY id DESC LIMIT 4")]
    assert actions == ["auth.login.succeeded", "auth.oidc.linked", "auth.oidc.consumed",
                       "auth.oidc.started"]


def test_the_glue_log_holds_no_code_or_state(oidc, browser):
    url = oidc.begin(browser)
    assert browser.callback(oidc.glue.url, url).status_code == 303
    log = (oidc.glue.tmp / f"glue-{oidc.glue.port}.log").read_text()
    assert "/auth/oidc/idp/callback?[redacted]" in log
    assert query(url)["code"] not in log and query(url)["state"] not in log


def test_a_second_login_of_the_same_subject_is_the_same_user(oidc, browser):
    login(oidc, browser)
    first = browser.glue("GET", oidc.glue.url, "/auth/session").json()["principal_id"]
    other = Browser()
    try:
        login(oidc, other)
        assert other.glue("GET", oidc.glue.url, "/auth/session").json()["principal_id"] == first
    finally:
        other.close()


def test_two_first_logins_of_one_subject_at_once_make_one_user(oidc):
    browsers = [Browser(), Browser()]
    try:
        urls = [oidc.begin(b, account="carol") for b in browsers]
        with ThreadPoolExecutor(max_workers=2) as pool:
            codes = list(pool.map(lambda bu: bu[0].callback(oidc.glue.url, bu[1]).status_code,
                                  zip(browsers, urls, strict=True)))
        assert codes == [303, 303]
        users = {b.glue("GET", oidc.glue.url, "/auth/session").json()["principal_id"]
                 for b in browsers}
        assert len(users) == 1
        assert oidc.sql("SELECT count(*) FROM identity.users WHERE username::text LIKE 'carol%%'"
                        ) == [(1,)]
    finally:
        for b in browsers:
            b.close()


def test_unverified_email_is_not_kept_or_linked(oidc, browser):
    login(oidc, browser, account="bob")
    body = browser.glue("GET", oidc.glue.url, "/auth/session").json()
    assert body["email"] is None
    assert body["username"].startswith("bob")


# -- the cookies against PostgREST -------------------------------------------------------------

def test_the_access_cookie_authenticates_postgrest_with_csrf_for_writes(oidc, browser, postgrest):
    login(oidc, browser)
    me = browser.glue("GET", oidc.glue.url, "/auth/session").json()
    r = browser.glue("GET", postgrest.url, "/rpc/sessions")
    assert r.status_code == 200, r.text
    assert any(s["is_current"] and s["auth_method"] == "oidc" for s in r.json())
    r = browser.glue("POST", postgrest.url, "/rpc/sessions", json={})
    assert r.status_code == 403, r.text
    assert "X-CSRF-Token" in r.json()["message"]
    r = browser.glue("POST", postgrest.url, "/rpc/sessions", json={},
                     headers={"X-CSRF-Token": "0" * 64})
    assert r.status_code == 403
    # Audited through the autonomous connection (the refusal rolls its own transaction back),
    # once a minute per session: the second refusal adds no event.
    assert postgrest.query(
        "SELECT details ->> 'method', details ->> 'path', details ->> 'via', principal_id::text "
        "FROM audit.events WHERE action = 'auth.csrf.refused' AND resource_id = %s",
        (me["session_id"],)) == [("POST", "/rpc/sessions", "postgrest", me["principal_id"])]
    csrf = browser.glue_cookies["np_csrf"]["value"]
    r = browser.glue("POST", postgrest.url, "/rpc/sessions", json={},
                     headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200, r.text
    assert r.json()[0]["id"] == me["session_id"] or any(
        s["id"] == me["session_id"] for s in r.json())
    # A tampered cookie is nobody.
    tampered = browser.glue_cookies["np_access"]["value"][:-4] + "AAAA"
    r = httpx.get(f"{postgrest.url}/rpc/sessions", headers={"Cookie": f"np_access={tampered}"})
    assert r.status_code == 401


# -- refresh and logout through cookies --------------------------------------------------------

def test_refresh_and_logout_through_cookies(oidc, browser, postgrest):
    login(oidc, browser)
    old_refresh = browser.glue_cookies["np_refresh"]["value"]
    old_access = browser.glue_cookies["np_access"]["value"]
    csrf = browser.glue_cookies["np_csrf"]["value"]

    r = browser.glue("POST", oidc.glue.url, "/auth/refresh")
    assert r.status_code == 403, "a refresh without X-CSRF-Token is refused"
    r = browser.glue("POST", oidc.glue.url, "/auth/refresh", headers={"X-CSRF-Token": "x" * 64})
    assert r.status_code == 403
    r = browser.glue("POST", oidc.glue.url, "/auth/refresh", headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200, r.text
    fresh = set_cookies(r)
    assert fresh["np_refresh"]["value"] != old_refresh
    assert fresh["np_refresh"]["path"] == "/auth/refresh" and fresh["np_refresh"]["httponly"]
    assert fresh["np_access"]["value"] != old_access
    assert "access_token" not in r.json() and "refresh_token" not in r.json()
    # Another site's page cannot read np_csrf: a cookie it could set is not the session's.
    forged = Browser()
    try:
        forged.glue_cookies = {**browser.glue_cookies,
                               "np_csrf": {**browser.glue_cookies["np_csrf"], "value": "f" * 64}}
        r = forged.glue("POST", oidc.glue.url, "/auth/refresh", headers={"X-CSRF-Token": "f" * 64})
        assert r.status_code == 403
    finally:
        forged.close()

    r = browser.glue("POST", oidc.glue.url, "/auth/logout")
    assert r.status_code == 403, "a logout without X-CSRF-Token is refused"
    r = browser.glue("POST", oidc.glue.url, "/auth/logout", headers={"X-CSRF-Token": csrf})
    assert r.status_code == 204
    cleared = set_cookies(r)
    assert {n for n, c in cleared.items() if c.get("max-age") == "0"} == {
        "np_access", "np_refresh", "np_csrf"}
    assert browser.glue_cookies == {}
    # The old cookies are worth nothing now.
    gone = {"Cookie": f"np_access={fresh['np_access']['value']}"}
    assert httpx.get(f"{oidc.glue.url}/auth/session", headers=gone).status_code == 401
    assert httpx.get(f"{postgrest.url}/rpc/sessions", headers=gone).status_code == 401
    r = httpx.post(f"{oidc.glue.url}/auth/refresh", headers={
        "Cookie": f"np_refresh={fresh['np_refresh']['value']}; np_csrf={csrf}",
        "X-CSRF-Token": csrf})
    assert r.status_code == 401


# -- rejected callbacks ------------------------------------------------------------------------

def test_callback_replay_is_refused(oidc, browser):
    url = oidc.begin(browser)
    binding = dict(browser.glue_cookies)
    assert browser.callback(oidc.glue.url, url).status_code == 303
    browser.glue_cookies = binding  # the same request again, cookie and all
    r = browser.callback(oidc.glue.url, url)
    assert r.status_code == 401
    assert r.json()["message"] == "this login state was already used; start the login again"
    assert oidc.reasons()[-1] == "state_replayed"


def test_concurrent_callbacks_with_one_state_complete_once(oidc, browser):
    url = oidc.begin(browser)
    cookies = dict(browser.glue_cookies)
    parts = urlsplit(url)

    def call(glue: Glue) -> int:
        b = Browser()
        try:
            b.glue_cookies = dict(cookies)
            return b.glue("GET", glue.url, f"{parts.path}?{parts.query}").status_code
        finally:
            b.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        codes = sorted(pool.map(call, [oidc.glue, oidc.glue_b, oidc.glue, oidc.glue_b]))
    assert codes == [303, 401, 401, 401]


def test_expired_state_is_refused(oidc, browser):
    url = oidc.begin(browser)
    oidc.sql("UPDATE auth.login_attempts SET expires_at = now() - interval '1 second'"
             " WHERE state_hash = sha256(convert_to(%s, 'UTF8'))", (query(url)["state"],))
    r = browser.callback(oidc.glue.url, url)
    assert r.status_code == 401
    assert "expired" in r.json()["message"]
    assert oidc.reasons()[-1] == "state_expired"
    assert "np_access" not in browser.glue_cookies


def test_state_from_another_browser_is_refused(oidc, browser):
    url = oidc.begin(browser)
    other = Browser()
    try:
        r = other.callback(oidc.glue.url, url)  # no binding cookie
        assert r.status_code == 401
        assert r.json()["message"] == (
            "this login was started in another browser; start the login again")
        other.glue_cookies = {"np_oidc_binding": {"value": "forged",
                                                  "path": "/auth/oidc/idp/callback"}}
        r = other.callback(oidc.glue.url, url)
        assert r.status_code == 401
    finally:
        other.close()
    assert oidc.reasons()[-2:] == ["browser_mismatch", "state_replayed"]


def test_an_error_from_the_provider_spends_the_attempt(oidc, browser):
    r = browser.start_login(oidc.glue.url, DESK)
    state = query(r.headers["location"])["state"]
    r = browser.glue("GET", oidc.glue.url,
                     f"/auth/oidc/idp/callback?error=access_denied&state={quote(state)}"
                     f"&iss={quote(oidc.op.issuer)}")
    assert r.status_code == 401 and r.json()["error"] == "login_failed"
    assert oidc.reasons()[-1] == "provider_error:access_denied"


def test_pkce_verifier_mismatch_is_refused(oidc, browser):
    # A code issued for one login presented with the state of another (code injection):
    # the provider refuses the exchange, the verifier being the other login's.
    first = oidc.begin(browser)
    second = oidc.begin(browser)
    mixed = (f"{oidc.callback_url}?code={quote(query(first)['code'])}"
             f"&state={quote(query(second)['state'])}&iss={quote(oidc.op.issuer)}")
    r = browser.callback(oidc.glue.url, mixed)
    assert r.status_code == 401
    assert r.json()["error"] == "login_failed"
    assert oidc.reasons()[-1].startswith("token_exchange_failed:400:invalid_grant")


@pytest.mark.parametrize(("mode", "patch", "header", "reason"), [
    ("resign", {"nonce": "a-nonce-of-another-login-00000000000000"}, None,
     "id_token_claims:invalid_claim"),
    ("resign", {"iss": "http://127.0.0.1:1"}, None, "id_token_claims:invalid_claim"),
    ("resign", {"aud": "another-client"}, None, "id_token_claims:invalid_claim"),
    ("resign", {"aud": [CLIENT_ID, "another-client"], "azp": "another-client"}, None,
     "id_token_claims:azp_mismatch"),
    ("resign", {"aud": [CLIENT_ID, "another-client"]}, None, "id_token_claims:azp_missing"),
    ("resign", {"exp": 1000000000}, None, "id_token_claims:expired_token"),
    ("resign", {"iat": 4000000000}, None, "id_token_claims:invalid_token"),
    ("resign", {"iat": 1000000000}, None, "id_token_claims:iat_too_old"),
    ("tamper", {"sub": "mallory"}, None, "id_token_signature:bad_signature"),
    ("unsigned", {"sub": "mallory"}, {"alg": "none"}, "id_token_alg_not_allowed:none"),
    ("resign", {"sub": "mallory"}, {"kid": "a-key-nobody-published"}, "id_token_unknown_kid"),
], ids=["nonce", "issuer", "audience", "azp", "azp-missing", "expired", "iat-future",
        "iat-old", "tampered", "alg-none", "unknown-kid"])
def test_bad_id_tokens_are_refused(oidc, browser, mode, patch, header, reason):
    oidc.op.misbehave(mode, patch, header)
    try:
        r = browser.callback(oidc.glue.url, oidc.begin(browser))
    finally:
        oidc.op.misbehave("none")
    assert r.status_code == 401, r.text
    assert r.json() == {"error": "login_failed", "code": "28000",
                        "message": "the login could not be completed; start it again"}
    assert "np_access" not in browser.glue_cookies
    assert oidc.reasons()[-1].startswith(reason), oidc.reasons()[-1]
    assert not oidc.sql("SELECT 1 FROM auth.external_identities WHERE subject = 'mallory'")


# -- redirect targets ------------------------------------------------------------------------

@pytest.mark.parametrize("raw", [
    "//evil.example", "https://evil.example", "https://evil.example/after",
    "https%3A%2F%2Fevil.example", "%2F%2Fevil.example", "%252F%252Fevil.example",
    "/%2Fevil.example", "/\\evil.example", "https://app.example/after/", "https://app.example/afterx",
    "https://app.example/after?next=//evil.example", "https://app.example/after%23x",
    "https://app.example.evil.example/after", "https://app.example@evil.example/after",
    "HTTPS://APP.EXAMPLE/after", "/desk/../evil", "/desk/", "desk", "javascript:alert(1)", "",
])
def test_unregistered_redirect_to_is_refused(oidc, browser, raw):
    r = httpx.get(f"{oidc.glue.url}/auth/oidc/idp/login?redirect_to={raw}",
                  follow_redirects=False)
    assert r.status_code == 400, (raw, r.status_code, r.text)
    assert "location" not in r.headers
    assert r.json()["error"] == "invalid_redirect"


def test_redirect_to_given_twice_or_not_at_all_is_refused(oidc):
    for q in ("", "?redirect_to=/desk&redirect_to=//evil.example"):
        r = httpx.get(f"{oidc.glue.url}/auth/oidc/idp/login{q}", follow_redirects=False)
        assert r.status_code == 400 and "location" not in r.headers


def test_unknown_provider_is_404(oidc):
    r = httpx.get(f"{oidc.glue.url}/auth/oidc/nope/login?redirect_to=/desk",
                  follow_redirects=False)
    assert r.status_code == 404


def test_login_starts_beyond_the_address_limit_are_429_and_store_nothing(oidc, browser):
    # Starts share the password login's per-address counter (auth.address_login_attempts);
    # the block starts with it cleared.
    with login_rate_limit(oidc.su, 3):
        [(attempts, last_event)] = oidc.sql(
            "SELECT (SELECT count(*) FROM auth.login_attempts),"
            " (SELECT coalesce(max(id), 0) FROM audit.events)")
        for _ in range(3):
            assert browser.start_login(oidc.glue.url, DESK).status_code == 302
        refused = [browser.start_login(oidc.glue.url, DESK) for _ in range(5)]
        # An unknown provider counts the same: the limit is per address, before any lookup.
        refused.append(browser.start_login(oidc.glue.url, DESK, provider="nope"))
        for r in refused:
            assert r.status_code == 429, r.text
            assert 1 <= int(r.headers["retry-after"]) <= 60
            assert r.json()["error"] == "rate_limited" and "location" not in r.headers
            assert "np_oidc_binding" not in set_cookies(r)
        [(new_attempts,)] = oidc.sql("SELECT count(*) FROM auth.login_attempts")
        events = oidc.sql("SELECT action, details ->> 'reason' FROM audit.events"
                          " WHERE id > %s AND action LIKE 'auth.oidc.%%' ORDER BY id",
                          (last_event,))
    assert new_attempts - attempts == 3
    # Three starts, and of six refusals only the first is audited.
    assert events == [("auth.oidc.started", None)] * 3 + [("auth.oidc.failed", "rate_limited")]


# -- several instances, restarts ---------------------------------------------------------------

def test_two_glue_instances_complete_each_others_logins(oidc, browser):
    url = oidc.begin(browser, glue=oidc.glue)
    r = browser.callback(oidc.glue_b.url, url)  # the callback lands on the other instance
    assert r.status_code == 303, r.text
    other = Browser()
    try:
        url = oidc.begin(other, glue=oidc.glue_b)
        assert other.callback(oidc.glue.url, url).status_code == 303
    finally:
        other.close()


def test_a_login_begun_before_a_glue_restart_completes_after_it(oidc, browser):
    url = oidc.begin(browser)
    oidc.glue.stop()
    oidc.glue.start()
    r = browser.callback(oidc.glue.url, url)
    assert r.status_code == 303, r.text
    assert browser.glue("GET", oidc.glue.url, "/auth/session").status_code == 200


# -- provider key rotation (last: it restarts the provider) -------------------------------------

def test_provider_key_rotation_refetches_the_jwks(oidc, browser):
    login(oidc, browser)
    [(before, fetched_before)] = oidc.sql(
        "SELECT jwks, jwks_fetched_at FROM auth.oidc_providers WHERE name = 'idp'")
    assert [k["kid"] for k in before["keys"]] == ["key-1"]
    oidc.op.rotate_keys()
    other = Browser()
    try:
        login(oidc, other)
    finally:
        other.close()
    [(after, fetched_after)] = oidc.sql(
        "SELECT jwks, jwks_fetched_at FROM auth.oidc_providers WHERE name = 'idp'")
    assert [k["kid"] for k in after["keys"]] == ["key-2", "key-1"]
    assert fetched_after > fetched_before
    assert all("d" not in k for k in after["keys"])


# -- configuration ----------------------------------------------------------------------------

def test_glue_refuses_to_start_with_samesite_none_without_secure(database, tmp_path: Path):
    env = {**os.environ, "SESSION_COOKIE_SAME_SITE": "None", "SESSION_COOKIE_SECURE": "false"}
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from neuronplane.glue import serve; "
         "serve(sys.argv[1], '127.0.0.1', int(sys.argv[2]))",
         database.login_conninfo("neuronplane_worker"), str(free_port())],
        env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode != 0
    assert "SESSION_COOKIE_SAME_SITE=None needs SESSION_COOKIE_SECURE=true" in result.stderr


# -- NUL bytes, invalid UTF-8 and oversize values (issue 19, item 4) ---------------------------

@pytest.mark.parametrize("target", ["/desk%00", "%2Fdesk%00", "/d%FFesk", "/" + "d" * 9000])
def test_a_bad_redirect_to_is_a_400_and_audited(oidc, browser, target):
    r = browser.glue("GET", oidc.glue.url, f"/auth/oidc/idp/login?redirect_to={target}")
    assert r.status_code == 400, r.text
    assert r.json()["error"] == "invalid_redirect"
    assert oidc.reasons()[-1] == "redirect_not_allowed"


def test_a_nul_in_the_provider_name_is_a_404_and_audited(oidc, browser):
    r = browser.glue("GET", oidc.glue.url, "/auth/oidc/id%00p/login?redirect_to=/desk")
    assert r.status_code == 404, r.text
    assert oidc.reasons()[-1] == "unknown_provider"


def test_a_nul_in_the_state_is_refused_and_audited(oidc, browser):
    r = browser.glue("GET", oidc.glue.url, "/auth/oidc/idp/callback?code=x&state=ab%00cd")
    assert r.status_code == 401, r.text
    assert oidc.reasons()[-1] == "unknown_state"


def test_a_nul_in_the_provider_error_spends_the_attempt_and_is_audited(oidc, browser):
    r = browser.start_login(oidc.glue.url, DESK)
    state = query(r.headers["location"])["state"]
    r = browser.glue("GET", oidc.glue.url,
                     f"/auth/oidc/idp/callback?error=access%00denied&state={quote(state)}"
                     f"&iss={quote(oidc.op.issuer)}")
    assert r.status_code == 401, r.text
    assert r.json()["error"] == "login_failed"
    assert oidc.reasons()[-1] == "provider_error:access\ufffddenied"
    [(consumed,)] = oidc.sql("SELECT consumed_at IS NOT NULL FROM auth.login_attempts"
                             " WHERE state_hash = sha256(convert_to(%s, 'UTF8'))", (state,))
    assert consumed
