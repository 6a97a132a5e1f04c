"""No refusal of an api function shows a client stored values (issue 19, item 3).

The functions run as neuronplane_owner, which bypasses row-level security, so a constraint
violation inside one would print the whole new row ("Failing row contains (...)") in its
DETAIL, secret hashes and megabyte names included. Each function validates its arguments
before writing; these tests call every refusal reachable with bad arguments, through the
real PostgREST, and look at message, details and hint."""

from __future__ import annotations

import datetime as dt
import uuid

import httpx
import pytest

pytestmark = pytest.mark.e2e

HUGE = "N" * (1024 * 1024)
# An error may quote the start of what the caller sent (up to 64 characters), never more.
ECHO = HUGE[:65]
PAST = (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).isoformat()


@pytest.fixture
def owner(superuser) -> dict[str, str]:
    """A user with an organization and a project of it."""
    name = f"leak-{uuid.uuid4().hex[:10]}"
    user_id = str(superuser.execute(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id",
        (name, f"{name}@example.test")).fetchone()[0])
    return {"id": user_id, "name": name}


def call(postgrest, who: str, function: str, body: dict[str, object]) -> httpx.Response:
    return httpx.post(f"{postgrest.url}/rpc/{function}", json=body,
                      headers=postgrest.auth(who), timeout=30)


def assert_discloses_nothing(r: httpx.Response, *secrets: str) -> None:
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:500])
    error = r.json()
    for field in ("message", "details", "hint"):
        text = error.get(field) or ""
        assert "Failing row" not in text, (field, text[:300])
        assert "\\x" not in text, (field, text[:300])
        assert len(text) < 1000, (field, len(text))
        for secret in secrets:
            assert secret not in text, (field, text[:300])


API_KEY_REFUSALS = [
    ({"name": "k", "rate_limit_per_min": 0}, "22023",
     "rate_limit_per_min must be between 1 and 1000000"),
    ({"name": "k", "rate_limit_per_min": -5}, "22023",
     "rate_limit_per_min must be between 1 and 1000000"),
    ({"name": "k", "rate_limit_per_min": 1000001}, "22023",
     "rate_limit_per_min must be between 1 and 1000000"),
    ({"name": HUGE}, "22023", "name must be 1 to 200 characters, not blank"),
    ({"name": "x" * 201}, "22023", "name must be 1 to 200 characters, not blank"),
    ({"name": "   "}, "22023", "name must be 1 to 200 characters, not blank"),
    ({"name": None}, "22004", "name is required"),
    ({"name": "k", "expires_at": PAST}, "22023", "expires_at must be in the future"),
    ({"name": "k", "roles": []}, "22023", "an API key needs at least one role"),
    ({"name": "k", "roles": [None]}, "22023",
     "roles must be 1 to 4 distinct roles, none of them null"),
    ({"name": "k", "roles": ["viewer", None]}, "22023",
     "roles must be 1 to 4 distinct roles, none of them null"),
]


@pytest.mark.parametrize(("body", "code", "message"), API_KEY_REFUSALS,
                         ids=[f"{i}" for i in range(len(API_KEY_REFUSALS))])
def test_create_api_key_refusals_show_no_row(postgrest, superuser, owner, body, code, message):
    [(keys0,)] = superuser.execute("SELECT count(*) FROM identity.api_keys").fetchall()
    r = call(postgrest, owner["id"], "create_api_key", body)
    assert_discloses_nothing(r, ECHO)
    assert r.status_code == 400
    assert (r.json()["code"], r.json()["message"]) == (code, message)
    [(keys1,)] = superuser.execute("SELECT count(*) FROM identity.api_keys").fetchall()
    assert keys1 == keys0


def test_create_api_key_still_creates(postgrest, owner):
    r = call(postgrest, owner["id"], "create_api_key",
             {"name": "x" * 200, "rate_limit_per_min": 1000000, "roles": ["viewer"]})
    assert r.status_code == 200, r.text
    assert r.json()["api_key"].startswith("npk_")



@pytest.fixture
def project(superuser, owner) -> str:
    """A project of an organization that owner owns."""
    slug = f"leak-{uuid.uuid4().hex[:10]}"
    org_id = str(superuser.execute(
        "INSERT INTO identity.organizations (name, slug) VALUES (%s, %s) RETURNING id",
        (slug, slug)).fetchone()[0])
    superuser.execute("INSERT INTO identity.org_memberships (org_id, user_id, role)"
                      " VALUES (%s, %s, 'owner')", (org_id, owner["id"]))
    return str(superuser.execute(
        "INSERT INTO identity.projects (org_id, name) VALUES (%s, %s) RETURNING id",
        (org_id, slug)).fetchone()[0])


OTHER_REFUSALS = [
    ("create_organization", {"name": HUGE, "slug": "leak-huge"}),
    ("create_organization", {"name": "", "slug": "x"}),
    ("create_organization", {"name": "n", "slug": HUGE}),
    ("create_organization", {"name": None, "slug": None}),
    ("create_project", {"name": HUGE}),
    ("create_project", {"name": ""}),
    ("create_project", {"name": None}),
    ("create_project", {"name": "p", "description": HUGE}),
    ("create_project", {"name": "p", "neurondb_dsn": HUGE}),
    ("create_project", {"name": "p", "agent_endpoint": HUGE}),
    ("create_service_account", {"name": HUGE}),
    ("create_service_account", {"name": ""}),
    ("create_service_account", {"name": None}),
    ("create_profile", {"name": HUGE}),
    ("create_profile", {"name": ""}),
    ("create_profile", {"name": "p", "agent_api_key": HUGE}),
]


@pytest.mark.parametrize(("function", "body"), OTHER_REFUSALS,
                         ids=[f"{f}-{i}" for i, (f, _) in enumerate(OTHER_REFUSALS)])
def test_other_refusals_show_no_row(postgrest, owner, function, body):
    r = call(postgrest, owner["id"], function, body)
    assert_discloses_nothing(r, ECHO)


PROJECT_REFUSALS = [
    ("add_llm_model", {"provider": HUGE, "model_name": "m"}),
    ("add_llm_model", {"provider": "openai", "model_name": HUGE}),
    ("add_llm_model", {"provider": "openai", "model_name": ""}),
    ("add_llm_model", {"provider": "openai", "model_name": "m", "key": HUGE}),
    ("start_ingest", {"dataset_name": HUGE, "source_type": "url", "source": {}}),
    ("start_ingest", {"dataset_name": "d", "source_type": HUGE, "source": {}}),
    ("start_ingest", {"dataset_name": "d", "source_type": "url", "source": {}, "format": HUGE}),
    ("record_usage", {"tokens_in": -1, "tokens_out": -1}),
    ("record_usage", {"tokens_in": 1, "tokens_out": 1, "llm_calls": -1}),
]


@pytest.mark.parametrize(("function", "body"), PROJECT_REFUSALS,
                         ids=[f"{f}-{i}" for i, (f, _) in enumerate(PROJECT_REFUSALS)])
def test_project_refusals_show_no_row(postgrest, owner, project, function, body):
    r = call(postgrest, owner["id"], function, {"project_id": project, **body})
    assert_discloses_nothing(r, ECHO)


@pytest.fixture
def admin(superuser) -> str:
    name = f"leak-admin-{uuid.uuid4().hex[:10]}"
    return str(superuser.execute(
        "INSERT INTO identity.users (username, email, is_admin) VALUES (%s, %s, true)"
        " RETURNING id", (name, f"{name}@example.test")).fetchone()[0])


ADMIN_REFUSALS = [
    ("create_user", {"username": HUGE}),
    ("create_user", {"username": ""}),
    ("create_user", {"username": "u" + uuid.uuid4().hex[:8], "email": HUGE}),
    ("create_user", {"username": "u" + uuid.uuid4().hex[:8], "display_name": HUGE}),
    ("get_or_create_user_principal", {"username": HUGE}),
    ("grant_permission", {"subject_id": str(uuid.uuid4()), "resource_type": HUGE,
                          "permission": "read"}),
    ("grant_permission", {"subject_id": str(uuid.uuid4()), "resource_type": "project",
                          "permission": HUGE}),
    ("grant_permission", {"subject_id": str(uuid.uuid4()), "resource_type": "project",
                          "permission": "read", "effect": HUGE}),
    ("grant_permission", {"subject_id": str(uuid.uuid4()), "resource_type": "project",
                          "permission": "read", "expires_at": PAST}),
    ("create_organization", {"name": "o", "slug": "leak-" + uuid.uuid4().hex[:8],
                             "metadata": [HUGE]}),
    ("create_service_account", {"name": "s", "metadata": HUGE}),
    ("create_project", {"name": "p", "mcp_config": HUGE}),
]


@pytest.mark.parametrize(("function", "body"), ADMIN_REFUSALS,
                         ids=[f"{f}-{i}" for i, (f, _) in enumerate(ADMIN_REFUSALS)])
def test_admin_refusals_show_no_row(postgrest, admin, function, body):
    r = call(postgrest, admin, function, body)
    assert_discloses_nothing(r, ECHO)
