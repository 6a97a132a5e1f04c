"""The ingestion worker as a service of `neuronplane up`."""

from __future__ import annotations

import os
import time
from pathlib import Path

from ..cluster import chown_to
from ..config import Settings
from ..procs import Service

# A worker touches its ready file at every heartbeat (each second by default).
READY_MAX_AGE = 15.0


class WorkerService(Service):
    """The worker answers no HTTP: it counts as answering while it runs and its ready file
    is fresh."""

    @property
    def ready_file(self) -> Path:
        return self.pid_file.with_suffix(".ready")

    def start(self, timeout: float) -> int:
        # The worker may run as another OS user than the one that made the run folder: the
        # ready file is made here, given to it, and dated long ago until the worker is up.
        if self.pid() is None:
            self.ready_file.parent.mkdir(parents=True, exist_ok=True)
            self.ready_file.touch()
            chown_to(self.ready_file, self.user)
            os.utime(self.ready_file, (0, 0))
        return super().start(timeout)

    def answering(self) -> bool:
        try:
            age = time.time() - self.ready_file.stat().st_mtime
        except OSError:
            return False
        return self.pid() is not None and age < READY_MAX_AGE


def worker_service(s: Settings, program: Path) -> WorkerService:
    pid_file = s.run_dir / "worker.pid"
    return WorkerService(
        name="worker",
        argv=[str(program), "worker", "--ready-file", str(pid_file.with_suffix(".ready")),
              "--metrics-port", str(s.worker_metrics_port)],
        health_url="",
        ports=[(s.glue_host, s.worker_metrics_port)],
        pid_file=pid_file,
        log_file=s.log_dir / "worker.log",
        env={**os.environ, "NEURONPLANE_HOME": str(s.home), "NEURONPLANE_ROOT": str(s.root)},
        hint="set NEURONPLANE_WORKER_METRICS_PORT",
    )
