"""Fixtures of the ingestion tests: a user with a project, a worker (in a thread, or as a
process that can be killed), the glue's upload endpoint and a loopback HTTP file server
that serves GitHub's raw and Hugging Face's /resolve/ URL layouts."""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
import uvicorn

from neuronplane.glue import create_app
from neuronplane.ingest import IngestSettings
from neuronplane.ingest.worker import Worker
from neuronplane.procs import free_port

TERMINAL = {"succeeded", "failed", "cancelled"}


class Api:
    """PostgREST requests as one user."""

    def __init__(self, postgrest, user_id: str) -> None:
        self.user_id = user_id
        self.headers = postgrest.auth(user_id)
        self.http = httpx.Client(base_url=postgrest.url, headers=self.headers, timeout=30)

    def rpc(self, function: str, /, **args: Any) -> httpx.Response:
        return self.http.post(f"/rpc/{function}", json=args)

    def job(self, job_id: str) -> dict[str, Any]:
        r = self.http.get("/ingest_jobs", params={"id": f"eq.{job_id}", "select": "*,details"})
        assert r.status_code == 200, r.text
        [job] = r.json()
        return job

    def wait(self, job_id: str, timeout: float = 60, until=None) -> dict[str, Any]:
        """Poll the job until it ends (or `until(job)` holds)."""
        deadline = time.monotonic() + timeout
        while True:
            job = self.job(job_id)
            if (until(job) if until else job["status"] in TERMINAL):
                return job
            if time.monotonic() > deadline:
                raise AssertionError(f"job did not get there in {timeout}s: {job}")
            time.sleep(0.1)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """(folder, base URL) of a loopback HTTP server over a temporary folder."""
    root = tmp_path_factory.mktemp("served")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Files of the folder, and /slow.jsonl?rows=N&seconds=S: N JSONL rows trickled over
    about S seconds (a load that is surely still running when a test acts on it)."""

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/slow.jsonl":
            super().do_GET()
            return
        query = urllib.parse.parse_qs(url.query)
        rows, seconds = int(query["rows"][0]), float(query["seconds"][0])
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.end_headers()
        steps = max(1, int(seconds / 0.05))
        per_step = -(-rows // steps)
        try:
            for start in range(0, rows, per_step):
                self.wfile.write("".join(json.dumps({"id": i, "text": f"row {i}"}) + "\n"
                                         for i in range(start, min(start + per_step, rows))
                                         ).encode())
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass  # the worker hung up (cancelled, or killed)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def ingest_settings(tmp_path_factory, files) -> IngestSettings:
    _, base = files
    return IngestSettings(
        upload_dir=tmp_path_factory.mktemp("uploads"), max_upload_bytes=64 << 20,
        github_raw_url=f"{base}/gh", huggingface_url=f"{base}/hf", allow_private_hosts=True,
        poll_seconds=0.3, heartbeat_seconds=0.3)


@pytest.fixture(scope="module")
def worker(database, ingest_settings) -> Iterator[Worker]:
    """A worker running in a thread for the module."""
    w = Worker(database.login_conninfo("neuronplane_worker"), ingest_settings)
    thread = threading.Thread(target=w.run, daemon=True)
    thread.start()
    try:
        yield w
    finally:
        w.quit.set()
        thread.join(timeout=30)


def start_worker_process(database, ingest_settings, env_extra=None) -> subprocess.Popen:
    """`neuronplane worker` as its own process (to be killed)."""
    import os
    binary = Path(sys.executable).parent / "neuronplane"
    env = {**os.environ, "NEURONPLANE_UPLOAD_DIR": str(ingest_settings.upload_dir),
           "NEURONPLANE_INGEST_ALLOW_PRIVATE_HOSTS": "1",
           "NEURONPLANE_INGEST_POLL_SECONDS": "0.3",
           "NEURONPLANE_INGEST_HEARTBEAT_SECONDS": "0.3", **(env_extra or {})}
    return subprocess.Popen([str(binary), "worker", "--dsn",
                             database.login_conninfo("neuronplane_worker")],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def glue(database, postgrest, ingest_settings) -> Iterator[str]:
    """The glue (with POST /ingest/upload) served by uvicorn on a free loopback port."""
    port = free_port()
    app = create_app(database.login_conninfo("neuronplane_worker"), postgrest.url,
                     ingest_settings)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the glue did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def new_user(superuser: psycopg.Connection) -> str:
    name = f"ingest-{uuid.uuid4().hex[:12]}"
    return str(superuser.execute(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id",
        (name, f"{name}@example.test")).fetchone()[0])


@pytest.fixture
def owner(superuser, postgrest) -> tuple[Api, str]:
    """(API client of a new user, id of a new personal project of theirs)."""
    api = Api(postgrest, new_user(superuser))
    r = api.rpc("create_project", name=f"p-{uuid.uuid4().hex[:8]}")
    assert r.status_code == 200, r.text
    return api, r.json()["id"]


def upload(glue: str, api: Api, content: bytes, filename: str, **params: Any) -> httpx.Response:
    return httpx.post(f"{glue}/ingest/upload", params=params, headers=api.headers,
                      files={"file": (filename, content)}, timeout=120)


def table_rows(superuser: psycopg.Connection, job: dict[str, Any]) -> list[tuple[Any, ...]]:
    [(schema, table)] = superuser.execute(
        "SELECT target_schema, target_table FROM workspace.datasets WHERE id = %s",
        (job["dataset_id"],)).fetchall()
    return superuser.execute(
        psycopg.sql.SQL("SELECT * FROM {} ORDER BY 1").format(
            psycopg.sql.Identifier(schema, table))).fetchall()


def leftovers(superuser: psycopg.Connection, project_id: str) -> list[str]:
    """Tables in the project's dataset schema (staging tables included)."""
    return [r[0] for r in superuser.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = workspace.dataset_schema(%s) AND c.relkind = 'r'",
        (project_id,)).fetchall()]
