"""The desktop's workspace routes through a real PostgREST: profiles, LLM models and their
keys, the observability views and usage. Users are inserted as superuser; everything else
goes through the API as them. Names carry a uuid suffix (the database is shared)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.e2e


def _unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


class _As:
    def __init__(self, postgrest, sub: str) -> None:
        self.http = httpx.Client(base_url=postgrest.url, headers=postgrest.auth(sub), timeout=30)

    def rpc(self, function: str, /, **args: Any) -> httpx.Response:
        return self.http.post(f"/rpc/{function}", json=args)


@pytest.fixture
def org(postgrest):
    """An organization with an owner and a member; returns (org_id, owner_id, member_id)."""
    ids = []
    for role in ("owner", "member"):
        name = _unique(f"ws_{role}")
        [(uid,)] = postgrest.query(
            "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id::text",
            (name, f"{name}@example.test"))
        ids.append(uid)
    [(org_id,)] = postgrest.query(
        "INSERT INTO identity.organizations (name, slug) VALUES (%s, %s) RETURNING id::text",
        ("WS org", _unique("ws-org")))
    postgrest.query("INSERT INTO identity.org_memberships (org_id, user_id, role) VALUES"
                    " (%s, %s, 'owner'), (%s, %s, 'member') RETURNING 1",
                    (org_id, ids[0], org_id, ids[1]))
    return org_id, ids[0], ids[1]


def test_profile_models_and_keys_over_http(postgrest, org):
    org_id, _owner, member_id = org
    member = _As(postgrest, member_id)
    r = member.rpc("create_profile", name=_unique("Desk"), org_id=org_id,
                   neurondb_dsn="postgresql://neurondb:pw-123@127.0.0.1:5432/neurondb",
                   agent_endpoint="http://127.0.0.1:8080", agent_api_key="agent-key-ABCD")
    assert r.status_code == 200, r.text
    profile = r.json()
    assert profile["agent_api_key_last4"] == "ABCD" and profile["has_dsn_password"] is True
    assert "pw-123" not in r.text and "agent-key" not in r.text

    bad = member.rpc("create_profile", name=_unique("Desk"), agent_endpoint="gopher://x")
    assert bad.status_code == 400 and bad.json()["code"] == "22023"
    assert "agent_endpoint" in bad.json()["message"]

    pid = profile["id"]
    r = member.rpc("add_llm_model", project_id=pid, provider="openai", model_name="gpt-4o",
                   config={"temperature": 0.1})
    assert r.status_code == 200, r.text
    model = r.json()
    assert model["has_key"] is False

    # The desktop's POST .../llm-models/{model_name}/key, then by id.
    r = member.rpc("set_llm_model_key", project_id=pid, model_name="gpt-4o", key="sk-http-1111")
    assert r.status_code == 200, r.text
    assert r.json()["key_last4"] == "1111" and "sk-http" not in r.text
    r = member.rpc("set_llm_model_key", model_id=model["id"], key="sk-http-2222")
    assert r.json()["key_last4"] == "2222"

    listed = member.http.get("/llm_models", params={"project_id": f"eq.{pid}"}).json()
    assert [(m["model_name"], m["key_last4"]) for m in listed] == [("gpt-4o", "2222")]
    assert not any("cipher" in k for k in listed[0])
    r = member.http.get("/llm_models", params={"select": "key_ciphertext"})
    assert r.status_code == 400  # no such column in the API

    missing = member.rpc("set_llm_model_key", model_id=str(uuid.uuid4()), key="sk-x")
    assert (missing.status_code, missing.json()["code"]) == (400, "42704")

    r = member.http.delete("/llm_models", params={"id": f"eq.{model['id']}"})
    assert r.status_code == 204, r.text
    assert member.http.get("/llm_models", params={"project_id": f"eq.{pid}"}).json() == []


def test_observability_and_usage_over_http(postgrest, org):
    org_id, owner_id, member_id = org
    owner, member = _As(postgrest, owner_id), _As(postgrest, member_id)
    health = owner.http.get("/db_health")
    assert health.status_code == 200, health.text
    [row] = health.json()
    assert row["server_version"].startswith("15") and row["max_connections"] > 0
    assert owner.http.get("/index_health", params={"limit": "1"}).status_code == 200
    assert owner.http.get("/workers").status_code == 200
    refused = member.http.get("/db_health")
    assert refused.status_code == 403 and refused.json()["code"] == "42501"

    pid = owner.rpc("create_profile", name=_unique("Usage"), org_id=org_id).json()["id"]
    r = member.rpc("record_usage", project_id=pid, tokens_in=10, tokens_out=4)
    assert r.status_code == 204, r.text
    bad = member.rpc("record_usage", project_id=pid, tokens_in=-1, tokens_out=4)
    assert bad.status_code == 400 and "tokens_in" in bad.json()["message"]
    usage = owner.http.get("/usage", params={"project_id": f"eq.{pid}"}).json()
    assert [(u["llm_calls"], u["tokens_in"], u["tokens_out"]) for u in usage] == [(1, 10, 4)]
    assert member.http.get("/usage", params={"project_id": f"eq.{pid}"}).json() == []


def test_api_key_requests_count_as_usage_of_their_project(postgrest, org):
    """The whole request path: PostgREST's pre-request hook counts the key's requests on its
    autonomous connection, and the trigger adds them to the project's usage."""
    org_id, owner_id, _member_id = org
    owner = _As(postgrest, owner_id)
    pid = owner.rpc("create_profile", name=_unique("Counted"), org_id=org_id).json()["id"]
    r = owner.rpc("create_api_key", name=_unique("k"), roles=["member"], project_id=pid)
    assert r.status_code == 200, r.text
    key = r.json()["api_key"]
    with httpx.Client(base_url=postgrest.url, headers={"X-API-Key": key}, timeout=30) as keyed:
        for _ in range(3):
            assert keyed.get("/llm_models", params={"project_id": f"eq.{pid}"}).status_code == 200
    with httpx.Client(base_url=postgrest.url, timeout=30,
                      headers={"X-API-Key": key[:-1] + ("0" if key[-1] != "0" else "1")}) as bad:
        assert bad.get("/llm_models").status_code == 401
    [usage] = owner.http.get("/usage", params={"project_id": f"eq.{pid}"}).json()
    assert (usage["requests"], usage["errors"]) == (3, 1)
