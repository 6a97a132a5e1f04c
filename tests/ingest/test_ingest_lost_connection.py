"""A load whose database connection is lost (backend terminated, as in a server restart)
is retried like a crashed worker's job, up to the job's attempt limit, with each attempt's
reason in the job's details; the worker itself reconnects and carries on. In its own
module, so that no other worker is running."""

from __future__ import annotations

import time

import pytest

from .conftest import start_worker_process, table_rows

pytestmark = pytest.mark.e2e

ROWS = 60_000


def _terminate(superuser, copy_only: bool) -> int:
    """pg_terminate_backend() on the worker's load (or on all its connections)."""
    where = "AND query ILIKE 'COPY%%'" if copy_only else ""
    deadline = time.monotonic() + 20
    while True:
        pids = [r[0] for r in superuser.execute(
            "SELECT pid FROM pg_stat_activity WHERE application_name = "
            f"'neuronplane-ingest-worker' {where}").fetchall()]
        if pids or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert pids, "no worker connection to terminate"
    for pid in pids:
        superuser.execute("SELECT pg_terminate_backend(%s)", (pid,))
    return len(pids)


def _start(api, project, base, name):
    r = api.rpc("start_ingest", project_id=project, dataset_name=name, source_type="url",
                source={"url": f"{base}/slow.jsonl?rows={ROWS}&seconds=4"})
    assert r.status_code == 200, r.text
    job_id = r.json()["id"]
    api.wait(job_id, until=lambda j: j["status"] == "running" and j["rows_done"] > 0)
    return job_id


@pytest.fixture
def one_worker(superuser, database, ingest_settings):
    superuser.execute("UPDATE workspace.ingest_workers SET stopped_at = now() "
                      "WHERE stopped_at IS NULL")
    proc = start_worker_process(database, ingest_settings)
    try:
        yield proc
    finally:
        superuser.execute("UPDATE workspace.ingest_settings SET max_attempts = 3")
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=20)


@pytest.mark.parametrize("everything", [False, True], ids=["load", "all-connections"])
def test_a_lost_connection_is_retried_and_finishes_exactly(superuser, files, owner, one_worker,
                                                          everything):
    api, project = owner
    _, base = files
    job_id = _start(api, project, base, f"lost-{int(everything)}")
    assert _terminate(superuser, copy_only=not everything) >= 1
    job = api.wait(job_id, timeout=120)
    assert job["status"] == "succeeded", job
    assert job["attempt"] == 2
    [lost] = job["details"]["attempts"]
    assert lost["attempt"] == 1 and "terminat" in lost["reason"], lost
    got = table_rows(superuser, job)
    assert len(got) == ROWS and len({r[0] for r in got}) == ROWS
    assert one_worker.poll() is None, "the worker must survive a lost connection"


def test_the_attempt_limit_applies(superuser, files, owner, one_worker):
    api, project = owner
    _, base = files
    superuser.execute("UPDATE workspace.ingest_settings SET max_attempts = 1")
    job_id = _start(api, project, base, "lost-limit")
    _terminate(superuser, copy_only=True)
    job = api.wait(job_id, timeout=60)
    assert job["status"] == "failed", job
    assert job["error"].startswith("gave up after 1 attempts: "), job
    assert "terminat" in job["error"], job  # the server's words, whichever call saw them
    assert [a["attempt"] for a in job["details"]["attempts"]] == [1]
    assert one_worker.poll() is None
