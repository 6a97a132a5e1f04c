#!/opt/neuronplane/bin/python
"""Container health of neuronplane-app: the glue answers /healthz (database reachable); a
worker has heartbeated (touched its ready file) within the last 30 seconds."""

import os
import sys
import time
import urllib.request
from pathlib import Path

home = Path(os.environ.get("NEURONPLANE_HOME", "/run/neuronplane"))
role = (home / "role").read_text().strip() if (home / "role").is_file() else "glue"
if role == "worker":
    ready = home / "worker.ready"
    sys.exit(0 if ready.is_file() and time.time() - ready.stat().st_mtime < 30 else 1)
port = os.environ.get("NEURONPLANE_GLUE_PORT", "8080")
try:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=4) as r:
        sys.exit(0 if r.status == 200 else 1)
except OSError:
    sys.exit(1)
