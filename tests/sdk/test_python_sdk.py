"""The Python SDK against a running stack: its examples, the refresh under concurrency, errors
as typed exceptions, pagination."""

from __future__ import annotations

import asyncio
import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from neuronplane_client import (
    ApiError,
    AsyncClient,
    AuthenticationError,
    Client,
    Conflict,
)
from neuronplane_client.generated.api.rpc_create_organization import post_rpc_create_organization
from neuronplane_client.generated.models import PostRpcCreateOrganizationBody

from .conftest import PASSWORD, PY_SDK, expired_session, rotations, run_example

pytestmark = pytest.mark.e2e


def test_the_basic_example(postgrest, glue, superuser, account):
    done = run_example(PY_SDK / "examples" / "basic.py", account.env(postgrest.url, glue))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["principal_id"] == account.id
    [(role,)] = superuser.execute(
        "SELECT role FROM identity.org_memberships WHERE org_id = %s AND user_id = %s",
        (out["org_id"], account.id)).fetchall()
    assert role == "owner"
    [(key_project,)] = superuser.execute(
        "SELECT project_id::text FROM identity.api_keys WHERE id = %s",
        (out["api_key_id"],)).fetchall()
    assert key_project == out["project_id"]
    assert out["projects_seen_with_key"] == [out["project_id"]]
    assert out["key_refused_create_organization"] == "42501"


def test_the_ingest_example(postgrest, glue, worker, superuser, account):
    done = run_example(PY_SDK / "examples" / "ingest_and_search.py",
                       account.env(postgrest.url, glue))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["status"] == "succeeded", out
    assert out["rows_done"] == 500
    dataset = out["dataset"]
    assert dataset["row_count"] == 500
    assert [c["name"] for c in dataset["columns"]] == ["id", "title", "year"]
    assert {"kind": "fulltext", "name": "papers_title_fts", "column": "title"} \
        in dataset["indexes"]
    [(count,)] = superuser.execute(
        f'SELECT count(*) FROM "{dataset["target_schema"]}"."{dataset["target_table"]}"'
    ).fetchall()
    assert count == 500


def test_twenty_threads_with_an_expired_token_share_one_refresh(postgrest, superuser, account):
    session = expired_session(postgrest, superuser, account)
    assert httpx.get(f"{postgrest.url}/projects", headers={
        "Authorization": f"Bearer {session.expired_access}"}).status_code == 401
    with Client(postgrest.url, access_token=session.expired_access,
                refresh_token=session.refresh_token) as client, \
            ThreadPoolExecutor(20) as pool:
        pages = list(pool.map(lambda _: client.page("/projects"), range(20)))
        assert len(pages) == 20 and all(p.rows == [] and p.total == 0 for p in pages)
        assert client.refreshes == 1
        assert client.tokens.refresh_token != session.refresh_token
    assert rotations(superuser, session.session_id) == 2  # the first token and one successor


def test_twenty_tasks_with_an_expired_token_share_one_refresh(postgrest, superuser, account):
    session = expired_session(postgrest, superuser, account)

    async def run() -> int:
        async with AsyncClient(postgrest.url, access_token=session.expired_access,
                               refresh_token=session.refresh_token) as client:
            pages = await asyncio.gather(*(client.page("/projects") for _ in range(20)))
            assert all(p.total == 0 for p in pages)
            return client.refreshes

    assert asyncio.run(run()) == 1
    assert rotations(superuser, session.session_id) == 2


def test_a_session_that_ended_is_an_authentication_error(postgrest, superuser, account):
    session = expired_session(postgrest, superuser, account)
    superuser.execute("SELECT auth.revoke_sessions(%s, 'revoked', only_session => %s)",
                      (account.id, session.session_id))
    with Client(postgrest.url, access_token=session.expired_access,
                refresh_token=session.refresh_token) as client:
        with pytest.raises(AuthenticationError) as caught:
            client.page("/projects")
    assert caught.value.status == 401 and caught.value.code == "28000"


def test_api_errors_are_typed_exceptions_with_the_sqlstate(postgrest, account):
    with Client(postgrest.url) as client:
        with pytest.raises(AuthenticationError) as caught:
            client.login(account.name, "not the password")
        assert caught.value.sqlstate == "28P01"
        client.login(account.name, PASSWORD)
        slug = f"dup-{uuid.uuid4().hex[:8]}"
        client.rpc("create_organization", name=slug, slug=slug)
        with pytest.raises(Conflict) as caught:
            client.rpc("create_organization", name=slug, slug=slug)
        assert caught.value.status == 409 and caught.value.sqlstate == "23505"
        assert "slug" in caught.value.message
        # The generated functions go through the same mapping.
        with pytest.raises(ApiError) as caught:
            post_rpc_create_organization.sync_detailed(
                client=client.api, body=PostRpcCreateOrganizationBody(name=slug, slug=slug))
        assert caught.value.sqlstate == "23505"


def test_pagination_by_ranges(postgrest, account):
    with Client(postgrest.url) as client:
        client.login(account.name, PASSWORD)
        made = {client.rpc("create_project", name=f"p{i}")["id"] for i in range(5)}
        first = client.page("/projects", params={"order": "name"}, limit=2)
        assert first.total == 5 and len(first.rows) == 2 and first.has_more
        last = client.page("/projects", params={"order": "name"}, offset=4, limit=2)
        assert len(last.rows) == 1 and not last.has_more
        walked = [p["id"] for p in client.paginate("/projects", params={"order": "name"},
                                                   page_size=2)]
        assert len(walked) == 5 and set(walked) == made


class _LosesFirstRefreshAnswer(httpx.BaseTransport):
    """Sends every request; the first refresh reaches the server (its token is spent there)
    but its answer is lost on the way back."""

    def __init__(self) -> None:
        self.inner, self.lost = httpx.HTTPTransport(), 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path == "/rpc/refresh" and not self.lost:
            response.read()
            response.close()
            self.lost += 1
            raise httpx.ReadError("connection reset by peer", request=request)
        return response

    def close(self) -> None:
        self.inner.close()


def test_a_refresh_whose_answer_was_lost_is_retried_without_killing_the_session(
        postgrest, superuser, account):
    session = expired_session(postgrest, superuser, account)
    transport = _LosesFirstRefreshAnswer()
    with Client(postgrest.url, access_token=session.expired_access,
                refresh_token=session.refresh_token, transport=transport) as client:
        assert client.page("/projects").total == 0
        assert transport.lost == 1 and client.refreshes == 1
    # The retry got the same successor within the grace interval: no fork, no revocation.
    assert rotations(superuser, session.session_id) == 2
    [(revoked,)] = superuser.execute("SELECT revoked_reason FROM auth.sessions WHERE id = %s",
                                     (session.session_id,)).fetchall()
    assert revoked is None
