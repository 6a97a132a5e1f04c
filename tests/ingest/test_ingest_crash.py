"""A worker killed with SIGKILL in the middle of a load: another worker takes the job over
and finishes it with exactly the rows of the source; a worker stopped with SIGTERM hands its
job back at once. In its own module, so that no other worker (the in-process one of
test_ingest.py) is running."""

from __future__ import annotations

import signal

import psycopg
import pytest

from .conftest import start_worker_process, table_rows

pytestmark = pytest.mark.e2e


def _interrupt_then_finish_elsewhere(superuser, database, files, owner, ingest_settings, *,
                                     dataset: str, stale_after: str, interrupt) -> None:
    """A worker loads a slow 60,000-row source; once rows arrive, interrupt(first worker,
    job id) stops it and asserts what it left; then a second worker must finish the job in
    its second attempt with exactly the source's rows."""
    api, project = owner
    _, base = files
    superuser.execute("UPDATE workspace.ingest_settings SET stale_after = %s", (stale_after,))
    first = start_worker_process(database, ingest_settings)
    second = None
    try:
        rows = 60_000
        r = api.rpc("start_ingest", project_id=project, dataset_name=dataset,
                    source_type="url", source={"url": f"{base}/slow.jsonl?rows={rows}&seconds=5"})
        job_id = r.json()["id"]
        api.wait(job_id, until=lambda j: j["status"] == "running" and j["rows_done"] > 0)
        interrupt(first, job_id)
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


def test_kill_9_mid_load_then_another_worker_finishes_exactly(superuser, database, files, owner,
                                                              ingest_settings):
    api, _ = owner

    def kill(first, job_id):
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        assert api.job(job_id)["status"] == "running"

    _interrupt_then_finish_elsewhere(superuser, database, files, owner, ingest_settings,
                                     dataset="crash", stale_after="2 seconds", interrupt=kill)


def test_sigterm_mid_load_hands_the_job_back_at_once(superuser, database, files, owner,
                                                     ingest_settings):
    # stale_after is an hour: only the hand-back of a clean stop can let another worker
    # take the job within this test.
    api, _ = owner

    def stop(first, job_id):
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=30) is not None
        job = api.job(job_id)
        assert job["status"] == "queued", job
        assert job["attempt"] == 1
        stopped = superuser.execute(
            "SELECT stopped_at IS NOT NULL, current_job_id FROM workspace.ingest_workers "
            "WHERE pid = %s", (first.pid,)).fetchone()
        assert stopped == (True, None)

    _interrupt_then_finish_elsewhere(superuser, database, files, owner, ingest_settings,
                                     dataset="handback", stale_after="1 hour", interrupt=stop)


def test_an_idle_worker_removes_uploads_no_job_will_read(superuser, database, owner,
                                                         ingest_settings):
    from neuronplane.ingest.worker import Worker

    _, project = owner
    folder = ingest_settings.upload_dir
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / f"sweep-{name}.csv" for name in
             ("cancelled", "old_unclaimed", "fresh_unclaimed", "queued")}
    for path in paths.values():
        path.write_bytes(b"a,b\n1,2\n")
    outside = folder.parent / "sweep-outside.csv"
    outside.write_bytes(b"x\n")
    jobs = {}
    for name, status in (("cancelled", "cancelled"), ("queued", "queued")):
        jobs[name] = superuser.execute(
            "INSERT INTO workspace.ingest_jobs (project_id, dataset_name, source_type, source, "
            "status, finished_at) VALUES (%s, %s, 'upload', '{}', %s, "
            "CASE WHEN %s = 'cancelled' THEN now() END) RETURNING id",
            (project, f"sweep-{name}", status, status)).fetchone()[0]
    uploads = {}
    for name, job, age in (("cancelled", jobs["cancelled"], "0"), ("queued", jobs["queued"], "0"),
                           ("old_unclaimed", None, "2 days"), ("fresh_unclaimed", None, "0")):
        uploads[name] = superuser.execute(
            "INSERT INTO workspace.ingest_uploads (path, size_bytes, job_id, created_at) "
            "VALUES (%s, 8, %s, now() - %s::interval) RETURNING id",
            (str(paths[name]), job, age)).fetchone()[0]
    uploads["outside"] = superuser.execute(
        "INSERT INTO workspace.ingest_uploads (path, size_bytes, created_at) "
        "VALUES (%s, 2, now() - interval '2 days') RETURNING id", (str(outside),)).fetchone()[0]
    try:
        worker = Worker(database.login_conninfo("neuronplane_worker"), ingest_settings)
        with psycopg.connect(database.login_conninfo("neuronplane_worker"),
                             autocommit=True) as ctl:
            assert worker.sweep_uploads(ctl) == 3
            assert worker.sweep_uploads(ctl) == 0
        assert not paths["cancelled"].exists() and not paths["old_unclaimed"].exists()
        assert paths["fresh_unclaimed"].exists() and paths["queued"].exists()
        assert outside.exists(), "a file outside the upload folder is never removed"
        left = {r[0] for r in superuser.execute(
            "SELECT id FROM workspace.ingest_uploads WHERE id = ANY(%s)",
            (list(uploads.values()),)).fetchall()}
        assert left == {uploads["fresh_unclaimed"], uploads["queued"]}
    finally:
        superuser.execute("DELETE FROM workspace.ingest_uploads WHERE id = ANY(%s)",
                          (list(uploads.values()),))
        superuser.execute("DELETE FROM workspace.ingest_jobs WHERE id = ANY(%s)",
                          (list(jobs.values()),))
        outside.unlink(missing_ok=True)
