"""`neuronplane ingest` as a scripted run sees it: without a terminal, plain progress lines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def test_without_a_terminal_progress_is_plain_lines(postgrest, worker, files, owner):
    api, project = owner
    _, base = files
    binary = Path(sys.executable).parent / "neuronplane"
    env = {**os.environ, "NEURONPLANE_TOKEN": api.headers["Authorization"].split()[1]}
    out = subprocess.run(
        [str(binary), "ingest", f"{base}/slow.jsonl?rows=200000&seconds=5", "--project", project,
         "--name", "plain progress", "--progress-every", "0.5", "--api-url", postgrest.url],
        env=env, text=True, capture_output=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    moving = [line for line in lines if line.startswith("load: ") and " rows" in line]
    assert len(moving) >= 3, out.stdout
    assert len({line.rsplit(", ", 1)[1] for line in moving}) >= 2, out.stdout  # rows grow
    assert "succeeded: " in out.stdout and "200,000 rows" in out.stdout
