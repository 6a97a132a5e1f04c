"""Security refusals through the real PostgREST (issue 19): each answer is a clear 4xx that
gives nothing away, and what must be counted or audited is."""

from __future__ import annotations

import time
import uuid

import httpx
import pytest

pytestmark = pytest.mark.e2e

PASSWORD = "Quartz-Meadow-Falcon-58"


@pytest.fixture
def account(superuser) -> dict[str, str]:
    """A user with a password."""
    name = f"sec-{uuid.uuid4().hex[:12]}"
    user_id = str(superuser.execute(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id",
        (name, f"{name}@example.test")).fetchone()[0])
    superuser.execute("SELECT auth.set_password(%s, %s)", (user_id, PASSWORD))
    return {"id": user_id, "name": name}


def login(postgrest, name: str, password: str = PASSWORD) -> httpx.Response:
    return httpx.post(f"{postgrest.url}/rpc/login",
                      json={"username_or_email": name, "password": password})


# -- item 2: functions that write refuse a read-only transaction (GET, HEAD) -----------------

def test_get_login_is_refused_the_same_way_whatever_the_password(postgrest, superuser, account):
    [(events0,)] = superuser.execute("SELECT coalesce(max(id), 0) FROM audit.events").fetchall()
    answers = []
    for password in ("wrong-password-0000", PASSWORD, "wrong-password-0000"):
        r = httpx.get(f"{postgrest.url}/rpc/login",
                      params={"username_or_email": account["name"], "password": password})
        answers.append((r.status_code, r.headers.get("allow"), r.text))
    assert answers[0] == answers[1] == answers[2]
    status, allow, body = answers[0]
    assert status == 405 and allow == "POST"
    assert '"code":"25006"' in body
    assert "api.login changes data" in body and "POST" in body
    assert "INSERT" not in body and "DELETE" not in body
    r = httpx.head(f"{postgrest.url}/rpc/login",
                   params={"username_or_email": account["name"], "password": PASSWORD})
    assert r.status_code == 405
    # Nothing was counted or written: a refused request never reached the login.
    assert superuser.execute(
        "SELECT count(*) FROM audit.events WHERE id > %s AND action LIKE 'auth.login.%%'",
        (events0,)).fetchone()[0] == 0
    assert login(postgrest, account["name"]).status_code == 200


ZERO = "00000000-0000-4000-8000-000000000000"


@pytest.mark.parametrize(("function", "params"), [
    ("refresh", {"refresh_token": "npr_x"}), ("logout", {}), ("logout_all", {}),
    ("change_password", {"old_password": PASSWORD, "new_password": "x"}),
    ("revoke_session", {"session_id": ZERO}), ("create_api_key", {"name": "k"}),
    ("project_dsn", {"project_id": ZERO})])
def test_every_writing_function_refuses_get(postgrest, account, function, params):
    r = httpx.get(f"{postgrest.url}/rpc/{function}", params=params,
                  headers=postgrest.auth(account["id"]))
    assert r.status_code == 405, r.text
    assert r.json()["code"] == "25006"
    assert r.json()["message"] == (f"api.{function} changes data: call it with POST")


def test_reading_functions_still_answer_get(postgrest):
    assert httpx.get(f"{postgrest.url}/rpc/jwks").status_code == 200
    assert httpx.get(f"{postgrest.url}/rpc/health").status_code == 200


# -- item 7: revoke_session(null) ---------------------------------------------------------------

def test_revoke_session_without_an_id_is_a_400_and_ends_nothing(postgrest, superuser, account):
    first = login(postgrest, account["name"]).json()
    second = login(postgrest, account["name"]).json()
    headers = {"Authorization": f"Bearer {first['access_token']}"}
    r = httpx.post(f"{postgrest.url}/rpc/revoke_session", json={"session_id": None},
                   headers=headers)
    assert r.status_code == 400, r.text
    assert r.json()["code"] == "22004"
    assert r.json()["message"] == "session_id is required: give the id of one of your sessions"
    live = superuser.execute(
        "SELECT count(*) FROM auth.sessions WHERE principal_id = %s AND revoked_at IS NULL",
        (account["id"],)).fetchone()[0]
    assert live == 2
    assert httpx.post(f"{postgrest.url}/rpc/revoke_session",
                      json={"session_id": second["session_id"]},
                      headers=headers).status_code == 204


# -- item 8: change_password failures count toward the lockout and are audited --------------

def test_wrong_current_passwords_lock_the_account_and_are_audited(postgrest, superuser,
                                                                   account):
    session = login(postgrest, account["name"]).json()
    headers = {"Authorization": f"Bearer {session['access_token']}"}

    def change(old: str) -> httpx.Response:
        return httpx.post(f"{postgrest.url}/rpc/change_password", headers=headers,
                          json={"old_password": old, "new_password": "Another-Long-Passw0rd-91"})

    [(threshold,)] = superuser.execute("SELECT lockout_threshold FROM auth.settings").fetchall()
    for _ in range(threshold):
        r = change("not-my-password-000")
        assert r.status_code in (400, 401, 403), r.text
        assert r.json()["code"] == "28P01"
    # Locked: even the right current password is refused, without being checked.
    r = change(PASSWORD)
    assert r.status_code == 429, r.text
    assert r.json()["message"].startswith("too many wrong passwords; try again in ")
    # The lock is the account's: a login with the right password is refused too.
    r = login(postgrest, account["name"])
    assert r.status_code == 429 and r.json()["error"] == "locked"
    events = superuser.execute(
        "SELECT outcome, principal_id::text, details FROM audit.events"
        " WHERE action = 'auth.password.change_failed' AND resource_id = %s ORDER BY id",
        (account["id"],)).fetchall()
    assert len(events) == threshold
    assert all(o == "failure" and p == account["id"] for o, p, _ in events)
    assert events[-1][2]["locked_for"] > 0
    assert "not-my-password" not in str(events)


# -- item 10: a token's sid must be a live session of its sub -----------------------------------

def other_user(superuser) -> str:
    name = f"sec-{uuid.uuid4().hex[:12]}"
    return str(superuser.execute("INSERT INTO identity.users (username) VALUES (%s) RETURNING id",
                                 (name,)).fetchone()[0])


@pytest.mark.parametrize("case", ["no_sid", "foreign_sid", "unknown_sub", "unknown_sid"])
def test_a_token_without_a_live_session_of_its_subject_is_refused(postgrest, superuser,
                                                                   account, case):
    mallory = other_user(superuser)
    [(mallory_sid,)] = superuser.execute(
        "INSERT INTO auth.sessions (principal_id, auth_method, expires_at, idle_expires_at)"
        " VALUES (%s, 'password', now() + interval '1 hour', now() + interval '1 hour')"
        " RETURNING id::text", (mallory,)).fetchall()
    claims = {"no_sid": postgrest.claims(sub=account["id"], sid=None),
              "foreign_sid": postgrest.claims(sub=account["id"], sid=mallory_sid),
              "unknown_sub": postgrest.claims(sub=str(uuid.uuid4()), sid=mallory_sid),
              "unknown_sid": postgrest.claims(sub=account["id"], sid=str(uuid.uuid4()))}[case]
    r = httpx.get(f"{postgrest.url}/projects",
                  headers={"Authorization": f"Bearer {postgrest.sign(claims)}"})
    assert r.status_code == 401, r.text
    assert r.json()["message"] in ("the access token names no session of its subject",
                                   "the session of this access token has ended")
    # The same subject with its own live session passes.
    good = postgrest.sign(postgrest.claims(sub=account["id"]))
    assert httpx.get(f"{postgrest.url}/projects",
                     headers={"Authorization": f"Bearer {good}"}).status_code == 200


# -- item 9: one leeway (none) for exp, nbf and iat, PostgREST's 30 seconds included ----------

@pytest.mark.parametrize(("claim", "offset", "status", "message"), [
    ("exp", 3, 200, None),
    ("exp", -3, 401, "the token has expired"),          # PostgREST alone: accepted
    ("exp", -25, 401, "the token has expired"),
    ("nbf", -3, 200, None),
    ("nbf", 3, 401, "the token is not valid yet"),       # PostgREST alone: accepted
    ("iat", 0, 200, None),
    ("iat", 3, 401, "the token was issued in the future"),
    ("iat", 25, 401, "the token was issued in the future"),
])
def test_token_times_have_no_leeway(postgrest, account, claim, offset, status, message):
    now = int(time.time())
    claims = postgrest.claims(sub=account["id"], iat=now - 5, exp=now + 300)
    claims[claim] = now + offset
    r = httpx.get(f"{postgrest.url}/projects",
                  headers={"Authorization": f"Bearer {postgrest.sign(claims)}"})
    assert r.status_code == status, r.text
    if message:
        assert r.json()["message"] == message


# -- item 5: writes to read-only views answer 405 ---------------------------------------------

@pytest.mark.parametrize("view", ["profiles", "usage", "workers", "db_health", "index_health"])
@pytest.mark.parametrize("method", ["POST", "PATCH", "DELETE"])
@pytest.mark.parametrize("who", ["anonymous", "user"])
def test_writes_to_read_only_views_are_405(postgrest, superuser, account, view, method, who):
    headers = postgrest.auth(account["id"]) if who == "user" else {}
    # A body with one of the view's own columns, so that PostgREST passes it to the database.
    [(column,)] = superuser.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum = 1",
        (f"api.{view}",)).fetchall()
    r = httpx.request(method, f"{postgrest.url}/{view}", json={column: None}, headers=headers)
    assert r.status_code == 405, r.text
    assert r.headers["allow"] == "GET, HEAD"
    assert r.json()["code"] == "42809"
    assert r.json()["message"] == f"api.{view} is read-only: it does not take {method}"


def test_updatable_views_still_take_writes(postgrest, account):
    r = httpx.post(f"{postgrest.url}/organizations", json={"name": "x"},
                   headers=postgrest.auth(account["id"]))
    assert r.status_code != 405
