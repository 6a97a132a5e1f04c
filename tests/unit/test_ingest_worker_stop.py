"""The worker's quiet edges: a heartbeat racing a publish that just committed, and a ready
file it may not remove."""

from __future__ import annotations

import logging
import threading
import uuid
from pathlib import Path

import pytest

from neuronplane.ingest import IngestSettings, worker
from neuronplane.ingest.worker import Heartbeat, Progress


class _Conn:
    def __init__(self, answer: str) -> None:
        self.answer, self.cancelled = answer, False

    def execute(self, query: str, params: tuple) -> _Conn:
        return self

    def fetchall(self) -> list[tuple[str]]:
        return [(self.answer,)]

    def cancel_safe(self) -> None:
        self.cancelled = True


def _heartbeat(answer: str) -> Heartbeat:
    hb = object.__new__(Heartbeat)
    hb.conn, hb.lock, hb.ready_file = _Conn(answer), threading.Lock(), None
    hb.worker_id = uuid.uuid4()
    return hb


@pytest.mark.parametrize(("phase", "stopped"), [("publish", False), ("load", True)])
def test_a_job_that_just_published_is_not_reported_lost(phase, stopped, caplog):
    hb, progress, load = _heartbeat("lost"), Progress(phase=phase), _Conn("")
    hb.job = (uuid.uuid4(), 1, progress, load)
    with caplog.at_level(logging.INFO, logger="neuronplane.ingest"):
        hb.beat()
    assert progress.stop.is_set() is stopped and load.cancelled is stopped
    assert ("is lost: stopping it" in caplog.text) is stopped


def test_a_ready_file_that_cannot_be_removed_is_no_traceback(tmp_path: Path, monkeypatch,
                                                              caplog):
    ready = tmp_path / "worker.ready"
    ready.touch()
    monkeypatch.setattr(worker.Worker, "run", lambda self, once=False: None)
    monkeypatch.setattr(worker.signal, "signal", lambda signum, handler: None)

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "unlink", refuse)
    settings = IngestSettings(upload_dir=tmp_path, max_upload_bytes=1, github_raw_url="",
                              huggingface_url="", allow_private_hosts=False, poll_seconds=1,
                              heartbeat_seconds=1)
    with caplog.at_level(logging.WARNING, logger="neuronplane.ingest"):
        worker.main("host=invalid", settings, ready, once=True)
    assert "cannot remove the ready file" in caplog.text and "Permission denied" in caplog.text
