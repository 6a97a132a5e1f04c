"""A worker killed with SIGKILL in the middle of a load: another worker takes the job over
and finishes it with exactly the rows of the source; a worker stopped with SIGTERM hands its
job back at once. In its own module, so that no other worker (the in-process one of
test_ingest.py) is running."""

from __future__ import annotations

import signal

import pytest

from .conftest import start_worker_process, table_rows

pytestmark = pytest.mark.e2e


def test_kill_9_mid_load_then_another_worker_finishes_exactly(superuser, database, files, owner,
                                                              ingest_settings):
    api, project = owner
    _, base = files
    superuser.execute("UPDATE workspace.ingest_settings SET stale_after = '2 seconds'")
    first = start_worker_process(database, ingest_settings)
    second = None
    try:
        rows = 60_000
        r = api.rpc("start_ingest", project_id=project, dataset_name="crash", source_type="url",
                    source={"url": f"{base}/slow.jsonl?rows={rows}&seconds=5"})
        job_id = r.json()["id"]
        job = api.wait(job_id, until=lambda j: j["status"] == "running" and j["rows_done"] > 0)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        assert api.job(job_id)["status"] == "running"
        second = start_worker_process(database, ingest_settings)
        job = api.wait(job_id, timeout=180)
        assert job["status"] == "succeeded", job
        assert job["attempt"] == 2
        got = table_rows(superuser, job)
        assert len(got) == rows and len({r[0] for r in got}) == rows
    finally:
        superuser.execute("UPDATE workspace.ingest_settings SET stale_after = '30 seconds'")
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=20)


def test_sigterm_mid_load_hands_the_job_back_at_once(superuser, database, files, owner,
                                                     ingest_settings):
    # stale_after is an hour: only the hand-back of a clean stop can let another worker
    # take the job within this test.
    api, project = owner
    _, base = files
    superuser.execute("UPDATE workspace.ingest_settings SET stale_after = '1 hour'")
    first = start_worker_process(database, ingest_settings)
    second = None
    try:
        rows = 60_000
        r = api.rpc("start_ingest", project_id=project, dataset_name="handback",
                    source_type="url", source={"url": f"{base}/slow.jsonl?rows={rows}&seconds=5"})
        job_id = r.json()["id"]
        api.wait(job_id, until=lambda j: j["status"] == "running" and j["rows_done"] > 0)
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=30) is not None
        job = api.job(job_id)
        assert job["status"] == "queued", job
        assert job["attempt"] == 1
        stopped = superuser.execute(
            "SELECT stopped_at IS NOT NULL, current_job_id FROM workspace.ingest_workers "
            "WHERE pid = %s", (first.pid,)).fetchone()
        assert stopped == (True, None)
        second = start_worker_process(database, ingest_settings)
        job = api.wait(job_id, timeout=180)
        assert job["status"] == "succeeded", job
        assert job["attempt"] == 2
        got = table_rows(superuser, job)
        assert len(got) == rows and len({r[0] for r in got}) == rows
    finally:
        superuser.execute("UPDATE workspace.ingest_settings SET stale_after = '30 seconds'")
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=20)
