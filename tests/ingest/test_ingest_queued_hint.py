"""A job that stays queued while no worker heartbeats: `neuronplane ingest` and `jobs` say
that a worker must be started, and stop saying it once one runs."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from .conftest import start_worker_process

pytestmark = pytest.mark.e2e

HINT = "no ingestion worker is running: start one with `neuronplane worker`"


def _cli(env, *args: str) -> subprocess.CompletedProcess:
    binary = Path(sys.executable).parent / "neuronplane"
    return subprocess.run([str(binary), *args], env=env, text=True, capture_output=True,
                          timeout=60)


def test_a_queued_job_without_a_worker_gets_a_hint(superuser, postgrest, files, owner,
                                                  database, ingest_settings, tmp_path):
    api, project = owner
    folder, base = files
    (folder / "hint.csv").write_text("a,b\n1,x\n2,y\n")
    # Workers of earlier tests that were killed still look alive for stale_after.
    superuser.execute("UPDATE workspace.ingest_workers SET stopped_at = now() "
                      "WHERE stopped_at IS NULL")
    env = {**os.environ, "NEURONPLANE_TOKEN": api.headers["Authorization"].split()[1],
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "COLUMNS": "200"}
    urls = ["--api-url", postgrest.url]
    assert api.rpc("count_ingest_workers").json() == 0

    out = _cli(env, "ingest", f"{base}/hint.csv", "--project", project, "--name", "first",
               "--no-wait", *urls)
    assert out.returncode == 0, out.stdout + out.stderr
    listed = _cli(env, "jobs", "--project", project, *urls)
    assert listed.returncode == 0 and HINT in " ".join(listed.stdout.split()), listed.stdout

    binary = Path(sys.executable).parent / "neuronplane"
    follow = subprocess.Popen(
        [str(binary), "ingest", f"{base}/hint.csv", "--project", project, "--name", "second",
         "--progress", "plain", "--progress-every", "1", *urls],
        env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    worker = None
    try:
        seen: list[str] = []
        reader = threading.Thread(target=lambda: seen.extend(iter(follow.stdout.readline, "")),
                                  daemon=True)
        started = time.monotonic()
        reader.start()
        while time.monotonic() - started < 30 and not any(HINT in s for s in seen):
            time.sleep(0.2)
        assert any(HINT in s for s in seen), "".join(seen)
        assert time.monotonic() - started >= 4, "the hint came before the job waited"
        assert all(line.startswith(("job ", "queued: ")) or HINT in line
                   for line in list(seen)), "".join(seen)

        worker = start_worker_process(database, ingest_settings)
        follow.wait(timeout=90)
        reader.join(timeout=10)
        rest = "".join(seen)
        assert follow.returncode == 0, rest
        assert "succeeded" in rest and "2 rows" in rest
        assert rest.count(HINT) == 1
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            statuses = {j["dataset_name"]: j["status"]
                        for j in api.http.get("/ingest_jobs",
                                              params={"project_id": f"eq.{project}"}).json()}
            if statuses.get("first") == "succeeded":
                break
            time.sleep(0.3)
        assert statuses == {"first": "succeeded", "second": "succeeded"}
        assert api.rpc("count_ingest_workers").json() == 1
        listed = _cli(env, "jobs", "--project", project, *urls)
        assert listed.returncode == 0 and HINT not in " ".join(listed.stdout.split())
    finally:
        if follow.poll() is None:
            follow.kill()
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
