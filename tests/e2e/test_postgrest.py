"""The HTTP API through a real PostgREST process against the test database."""

import httpx
import pytest

pytestmark = pytest.mark.e2e


def test_health_over_get(postgrest, superuser):
    r = httpx.get(f"{postgrest.url}/rpc/health")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    last, tag = superuser.execute(
        "SELECT c.change, t.tag FROM sqitch.changes c "
        "LEFT JOIN sqitch.tags t ON t.change_id = c.change_id "
        "WHERE c.project = 'neuronplane' ORDER BY c.committed_at DESC LIMIT 1").fetchone()
    latest_tag = superuser.execute(
        "SELECT tag FROM sqitch.tags WHERE project = 'neuronplane' "
        "ORDER BY committed_at DESC LIMIT 1").fetchone()
    assert body["status"] == "ok"
    assert body["database"] == superuser.info.dbname
    assert body["last_change"] == last
    assert body["schema_version"] == (tag or last)
    assert body["last_tag"] == (latest_tag[0] if latest_tag else None)
    assert set(body) == {"status", "schema_version", "last_change", "last_tag", "server_time",
                         "database"}


def test_health_over_post(postgrest):
    r = httpx.post(f"{postgrest.url}/rpc/health", json={})
    assert r.status_code == 200 and r.json()["status"] == "ok"


def test_openapi_documents_health_from_its_comment(postgrest):
    r = httpx.get(f"{postgrest.url}/", headers={"Accept": "application/openapi+json"})
    assert r.status_code == 200
    op = r.json()["paths"]["/rpc/health"]["get"]
    assert "Liveness of the database behind the API" in (op.get("summary", "")
                                                          + op.get("description", ""))


def test_unknown_function_is_404(postgrest):
    r = httpx.get(f"{postgrest.url}/rpc/no_such_function")
    assert r.status_code == 404
    assert r.json()["code"] == "PGRST202"


def test_only_schema_api_is_exposed(postgrest):
    r = httpx.get(f"{postgrest.url}/changes", headers={"Accept-Profile": "sqitch"})
    assert r.status_code == 406
    assert r.json()["code"] == "PGRST106"


def test_admin_server_live_and_ready(postgrest):
    assert httpx.get(f"{postgrest.admin_url}/live").status_code == 200
    assert httpx.get(f"{postgrest.admin_url}/ready").status_code == 200
