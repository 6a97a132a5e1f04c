"""Sessions over HTTP: log in, call the API with the access token, refresh, catch a reused
refresh token, log out; concurrent refreshes of one token do not fork the chain."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import psycopg
import pytest

pytestmark = pytest.mark.e2e

PASSWORD = "Quartz-Meadow-Falcon-58"


@pytest.fixture
def account(superuser) -> dict[str, str]:
    """A user with a password, member of an organization with one project."""
    name = f"ses-{uuid.uuid4().hex[:12]}"
    user_id = str(superuser.execute(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id",
        (name, f"{name}@example.test")).fetchone()[0])
    superuser.execute("SELECT auth.set_password(%s, %s)", (user_id, PASSWORD))
    org_id = str(superuser.execute(
        "INSERT INTO identity.organizations (name, slug) VALUES (%s, %s) RETURNING id",
        (name, name)).fetchone()[0])
    superuser.execute("INSERT INTO identity.org_memberships VALUES (%s, %s, 'member')",
                      (org_id, user_id))
    superuser.execute("INSERT INTO identity.projects (org_id, name) VALUES (%s, 'p')", (org_id,))
    return {"id": user_id, "name": name}


def login(postgrest, name: str, password: str = PASSWORD) -> httpx.Response:
    return httpx.post(f"{postgrest.url}/rpc/login",
                      json={"username_or_email": name, "password": password})


def refresh(postgrest, token: str) -> httpx.Response:
    return httpx.post(f"{postgrest.url}/rpc/refresh", json={"refresh_token": token})


def bearer(body: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {body['access_token']}"}


def test_login_refresh_reuse_kills_the_session(postgrest, superuser, account):
    r = login(postgrest, account["name"].upper())
    assert r.status_code == 200, r.text
    first = r.json()
    assert first["token_type"] == "bearer" and first["expires_in"] == 900
    projects = httpx.get(f"{postgrest.url}/projects", headers=bearer(first))
    assert projects.status_code == 200 and [p["name"] for p in projects.json()] == ["p"]

    r = refresh(postgrest, first["refresh_token"])
    assert r.status_code == 200, r.text
    second = r.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["session_id"] == first["session_id"]
    assert httpx.get(f"{postgrest.url}/projects", headers=bearer(second)).status_code == 200

    # The spent token comes back after the grace interval: the whole session dies.
    superuser.execute("UPDATE auth.refresh_tokens SET used_at = used_at - interval '1 minute' "
                      "WHERE session_id = %s AND used_at IS NOT NULL", (first["session_id"],))
    r = refresh(postgrest, first["refresh_token"])
    assert r.status_code == 401
    assert r.json()["error"] == "invalid_grant"
    assert "already used" in r.json()["message"]
    assert refresh(postgrest, second["refresh_token"]).status_code == 401
    for body in (first, second):
        r = httpx.get(f"{postgrest.url}/projects", headers=bearer(body))
        assert r.status_code == 401
        assert r.json()["message"] == "the session of this access token has ended"
    [(reason,)] = superuser.execute("SELECT revoked_reason FROM auth.sessions WHERE id = %s",
                                    (first["session_id"],)).fetchall()
    assert reason == "refresh_reused"


def test_wrong_and_unknown_logins_look_the_same(postgrest, account):
    wrong = login(postgrest, account["name"], "Not-The-Password-11")
    unknown = login(postgrest, f"nobody-{uuid.uuid4().hex[:8]}", "Not-The-Password-11")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json() == {
        "error": "invalid_grant", "code": "28P01", "message": "invalid username or password"}


def test_repeated_failures_lock_the_account_with_retry_after(postgrest, superuser, account):
    [(threshold,)] = superuser.execute("SELECT lockout_threshold FROM auth.settings").fetchall()
    for _ in range(threshold):
        assert login(postgrest, account["name"], "Not-The-Password-11").status_code == 401
    r = login(postgrest, account["name"])  # the right password, but locked
    assert r.status_code == 429
    assert r.json()["error"] == "locked"
    assert int(r.headers["Retry-After"]) == r.json()["retry_after"] > 0


def test_fifty_concurrent_refreshes_make_one_successor(postgrest, superuser, account):
    first = login(postgrest, account["name"]).json()
    with httpx.Client(timeout=30) as client, ThreadPoolExecutor(max_workers=50) as pool:
        responses = list(pool.map(
            lambda _: client.post(f"{postgrest.url}/rpc/refresh",
                                  json={"refresh_token": first["refresh_token"]}),
            range(50)))
    assert [r.status_code for r in responses] == [200] * 50, [r.text for r in responses
                                                              if r.status_code != 200][:3]
    assert len({r.json()["refresh_token"] for r in responses}) == 1
    rows = superuser.execute(
        "SELECT count(*), count(*) FILTER (WHERE parent_id IS NOT NULL) "
        "FROM auth.refresh_tokens WHERE session_id = %s", (first["session_id"],)).fetchone()
    assert rows == (2, 1)
    [(revoked,)] = superuser.execute("SELECT revoked_at FROM auth.sessions WHERE id = %s",
                                     (first["session_id"],)).fetchall()
    assert revoked is None


def test_logout_ends_tokens_and_other_sessions_refresh_tokens_stay_theirs(postgrest, account):
    a = login(postgrest, account["name"]).json()
    b = login(postgrest, account["name"]).json()
    listed = httpx.get(f"{postgrest.url}/rpc/sessions", headers=bearer(a)).json()
    assert {s["id"] for s in listed} >= {a["session_id"], b["session_id"]}
    assert [s["is_current"] for s in listed if s["id"] == a["session_id"]] == [True]

    assert httpx.post(f"{postgrest.url}/rpc/logout", headers=bearer(a)).status_code in (200, 204)
    assert httpx.get(f"{postgrest.url}/projects", headers=bearer(a)).status_code == 401
    r = refresh(postgrest, a["refresh_token"])
    assert r.status_code == 401 and r.json()["message"] == "the session has ended"
    # The other session lives on.
    assert httpx.get(f"{postgrest.url}/projects", headers=bearer(b)).status_code == 200
    assert refresh(postgrest, b["refresh_token"]).status_code == 200


def test_changing_the_password_ends_the_other_sessions(postgrest, account):
    a = login(postgrest, account["name"]).json()
    b = login(postgrest, account["name"]).json()
    r = httpx.post(f"{postgrest.url}/rpc/change_password", headers=bearer(a),
                   json={"old_password": PASSWORD, "new_password": "Cobalt-River-Saddle-64"})
    assert r.status_code in (200, 204), r.text
    assert httpx.get(f"{postgrest.url}/projects", headers=bearer(a)).status_code == 200
    assert httpx.get(f"{postgrest.url}/projects", headers=bearer(b)).status_code == 401
    assert refresh(postgrest, b["refresh_token"]).status_code == 401
    assert login(postgrest, account["name"], "Cobalt-River-Saddle-64").status_code == 200
    bad = httpx.post(f"{postgrest.url}/rpc/change_password", headers=bearer(a),
                     json={"old_password": "wrong-wrong-wrong",
                           "new_password": "Cobalt-River-Saddle-65"})
    assert bad.status_code == 403 and bad.json()["code"] == "28P01"


def _refresh_in_sql(database, token: str) -> dict:
    with psycopg.connect(database.superuser_conninfo(), autocommit=True) as conn:
        conn.execute("SET application_name = 'refresh-under-test'")
        return conn.execute("SELECT api.refresh(%s)", (token,)).fetchone()[0]


@pytest.mark.parametrize("which", ["live", "spent"])
def test_a_refresh_during_the_revocation_of_its_session_waits_and_is_refused(
        database, superuser, account, which):
    """auth.revoke_sessions() updates the session, then its tokens. A refresh of that session
    arriving in between must wait for the session without holding its token (else the two
    deadlock and one of them fails), then be refused: with the live token (the common case)
    and with a token just spent (a duplicate within the grace interval: the full checks)."""
    answer = superuser.execute("SELECT api.login(%s, %s)", (account["name"], PASSWORD)
                               ).fetchone()[0]
    token, session = answer["refresh_token"], answer["session_id"]
    if which == "spent":
        superuser.execute("SELECT api.refresh(%s)", (token,))
    with psycopg.connect(database.superuser_conninfo()) as revoker:
        revoker.execute("SET LOCAL deadlock_timeout = '100ms'")
        revoker.execute("UPDATE auth.sessions SET revoked_at = clock_timestamp(), "
                        "revoked_reason = 'logout' WHERE id = %s", (session,))
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = pool.submit(_refresh_in_sql, database, token)
            deadline = time.monotonic() + 10
            while not superuser.execute(
                    "SELECT count(*) > 0 FROM pg_stat_activity "
                    "WHERE application_name = 'refresh-under-test' AND wait_event_type = 'Lock'"
                    ).fetchone()[0]:
                assert time.monotonic() < deadline, "the refresh never waited for the session"
                assert not pending.done(), pending.result()
                time.sleep(0.02)
            time.sleep(0.3)  # past deadlock_timeout: a lock cycle would have been broken by now
            revoker.execute("UPDATE auth.refresh_tokens SET revoked_at = clock_timestamp() "
                            "WHERE session_id = %s AND revoked_at IS NULL", (session,))
            revoker.commit()
            refused = pending.result(timeout=30)
    assert refused["error"] == "invalid_grant" and refused["message"] == "the session has ended"
    assert superuser.execute("SELECT count(*) FROM auth.refresh_tokens WHERE session_id = %s",
                             (session,)).fetchone()[0] == (1 if which == "live" else 2)
