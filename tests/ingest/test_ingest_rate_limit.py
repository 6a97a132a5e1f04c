"""`neuronplane ingest` with an API key of the default rate limit (60 requests a minute) and a
job that waits 75 s in the queue: the CLI's polling runs into 429s, waits them out and slows
down, and the run ends with the job's success instead of a failure."""

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

QUEUED_SECONDS = 75


def test_a_job_queued_past_the_rate_limit_still_succeeds(superuser, postgrest, files, owner,
                                                         database, ingest_settings, tmp_path):
    api, project = owner
    folder, base = files
    (folder / "limited.csv").write_text("zip,n\n00501,1\n02134,2\n")
    superuser.execute("UPDATE workspace.ingest_workers SET stopped_at = now() "
                      "WHERE stopped_at IS NULL")
    default = superuser.execute(
        "SELECT default_rate_limit_per_min FROM identity.settings").fetchone()[0]
    key = api.rpc("create_api_key", name="cli", project_id=project)
    assert key.status_code == 200, key.text
    prefix = key.json()["prefix"]
    assert superuser.execute("SELECT rate_limit_per_min FROM identity.api_keys WHERE prefix = %s",
                             (prefix,)).fetchone()[0] == default == 60

    env = {**os.environ, "NEURONPLANE_API_KEY": key.json()["api_key"],
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "COLUMNS": "200"}
    env.pop("NEURONPLANE_TOKEN", None)
    binary = Path(sys.executable).parent / "neuronplane"
    started = time.monotonic()
    cli = subprocess.Popen(
        [str(binary), "ingest", f"{base}/limited.csv", "--project", project, "--name", "limited",
         "--progress", "plain", "--progress-every", "5", "--api-url", postgrest.url],
        env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    seen: list[str] = []
    reader = threading.Thread(target=lambda: seen.extend(iter(cli.stdout.readline, "")),
                              daemon=True)
    reader.start()
    worker = None
    try:
        while time.monotonic() - started < QUEUED_SECONDS:
            assert cli.poll() is None, "the CLI ended while the job was queued:\n" + "".join(seen)
            time.sleep(1)
        worker = start_worker_process(database, ingest_settings)
        cli.wait(timeout=180)
        reader.join(timeout=10)
        out = "".join(seen)
        assert cli.returncode == 0, out
        assert "succeeded" in out and "2 rows" in out, out
        assert "Traceback" not in out
    finally:
        if cli.poll() is None:
            cli.kill()
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)

    # The limit was really reached: the run waited out 429s rather than never meeting one.
    limited = superuser.execute(
        "SELECT count(*) FROM audit.events WHERE action = 'api_key.rate_limited' "
        "AND resource_id = %s", (prefix,)).fetchone()[0]
    assert limited >= 1
    rows = superuser.execute(
        "SELECT j.status, j.rows_done FROM workspace.ingest_jobs j "
        "WHERE j.project_id = %s AND j.dataset_name = 'limited'", (project,)).fetchall()
    assert rows == [("succeeded", 2)]
