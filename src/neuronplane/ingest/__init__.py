"""Dataset ingestion: the worker that streams sources into PostgreSQL, the glue's upload
endpoint and the command-line client. The jobs, their rules and their progress live in the
database (workspace/ingest, workspace/ingest_worker, api/workspace); this package moves
the bytes."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


class IngestError(Exception):
    """A job fails with this message (it names the line or column when the data is at fault)."""


@dataclass(frozen=True)
class IngestSettings:
    """The worker's and upload endpoint's settings (environment variables, see README)."""

    upload_dir: Path
    max_upload_bytes: int
    github_raw_url: str
    huggingface_url: str
    allow_private_hosts: bool
    poll_seconds: float
    heartbeat_seconds: float

    @classmethod
    def from_env(cls, home: Path) -> IngestSettings:
        env = os.environ
        return cls(
            upload_dir=Path(env.get("NEURONPLANE_UPLOAD_DIR", str(home / "uploads"))),
            max_upload_bytes=int(float(env.get("NEURONPLANE_INGEST_MAX_UPLOAD_MB", "2048"))
                                 * 1024 * 1024),
            github_raw_url=env.get("NEURONPLANE_GITHUB_RAW_URL",
                                   "https://raw.githubusercontent.com").rstrip("/"),
            huggingface_url=env.get("NEURONPLANE_HF_URL", "https://huggingface.co").rstrip("/"),
            allow_private_hosts=env.get("NEURONPLANE_INGEST_ALLOW_PRIVATE_HOSTS") == "1",
            poll_seconds=float(env.get("NEURONPLANE_INGEST_POLL_SECONDS", "5")),
            heartbeat_seconds=float(env.get("NEURONPLANE_INGEST_HEARTBEAT_SECONDS", "1")),
        )
