"""`neuronplane ingest` and `neuronplane jobs`: the command-line client of ingestion.

It talks HTTP like any other client: a local file goes to the glue's POST /ingest/upload, a
URL to PostgREST's /rpc/start_ingest; progress comes from GET /ingest_jobs. Credentials come
from NEURONPLANE_API_KEY (an API key) or NEURONPLANE_TOKEN (an access token).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table

TERMINAL = {"succeeded", "failed", "cancelled"}


class ClientError(RuntimeError):
    """A refusal or failure, with the server's message."""


def auth_headers() -> dict[str, str]:
    key, token = os.environ.get("NEURONPLANE_API_KEY"), os.environ.get("NEURONPLANE_TOKEN")
    if key:
        return {"X-API-Key": key}
    if token:
        return {"Authorization": f"Bearer {token}"}
    raise ClientError("set NEURONPLANE_API_KEY (an API key) or NEURONPLANE_TOKEN (an access "
                      "token)")


def _check(r: httpx.Response, *ok: int) -> Any:
    if r.status_code not in ok:
        try:
            body = r.json()
            message = f"{body.get('message')} ({body.get('code')})"
        except ValueError:
            message = r.text[:500]
        raise ClientError(f"HTTP {r.status_code}: {message}")
    return r.json()


def start(api_url: str, glue_url: str, source: str, project: str, name: str | None,
          fmt: str, options: dict[str, Any] | None, if_exists: str) -> dict[str, Any]:
    headers = auth_headers()
    name = name or Path(source.split("?")[0]).stem or "dataset"
    if source.startswith(("http://", "https://")):
        body: dict[str, Any] = {"project_id": project, "dataset_name": name, "source_type": "url",
                                "source": {"url": source}, "format": fmt,
                                "if_exists": if_exists}
        if options:
            body["options"] = options
        r = httpx.post(f"{api_url}/rpc/start_ingest", json=body, timeout=60,
                       headers={**headers, "Accept": "application/vnd.pgrst.object+json"})
        return _check(r, 200)
    path = Path(source)
    if not path.is_file():
        raise ClientError(f"{source}: no such file (or give an http(s) URL)")
    params = {"project_id": project, "dataset_name": name, "format": fmt,
              "if_exists": if_exists}
    if options:
        params["options"] = json.dumps(options)
    with path.open("rb") as f:
        r = httpx.post(f"{glue_url}/ingest/upload", params=params, headers=headers,
                       files={"file": (path.name, f)},
                       timeout=httpx.Timeout(60.0, write=600.0, read=600.0))
    return _check(r, 201)


def job(api_url: str, job_id: str) -> dict[str, Any]:
    r = httpx.get(f"{api_url}/ingest_jobs", params={"id": f"eq.{job_id}"},
                  headers=auth_headers(), timeout=30)
    rows = _check(r, 200)
    if not rows:
        raise ClientError(f"job {job_id} is not visible")
    return rows[0]


def follow(api_url: str, job_id: str, console: Console, interval: float = 0.5) -> dict[str, Any]:
    """A live progress bar (bytes, MB/s, ETA, rows) until the job ends; Ctrl-C cancels it."""
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), DownloadColumn(),
               TransferSpeedColumn(), TimeRemainingColumn(), TextColumn("{task.fields[rows]}"))
    current: dict[str, Any] = {}
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("queued", total=None, rows="")
        try:
            while True:
                current = job(api_url, job_id)
                rows = f"{current['rows_done']:,} rows"
                if current.get("rows_total"):
                    rows += f" of {current['rows_total']:,}"
                bar.update(task, description=current.get("phase") or current["status"],
                           completed=current["bytes_done"], total=current.get("bytes_total"),
                           rows=rows)
                if current["status"] in TERMINAL:
                    if current["status"] == "succeeded" and current.get("bytes_total"):
                        bar.update(task, completed=current["bytes_total"])
                    bar.update(task, description=current["status"])
                    return current
                time.sleep(interval)
        except KeyboardInterrupt:
            r = httpx.post(f"{api_url}/rpc/cancel_ingest", json={"id": job_id},
                           headers=auth_headers(), timeout=30)
            console.print(f"cancel requested: HTTP {r.status_code}")
            raise


def list_jobs(api_url: str, project: str | None, limit: int, console: Console) -> None:
    params = {"order": "created_at.desc", "limit": str(limit),
              "select": "id,project_id,dataset_name,source_type,detected_format,status,"
                        "rows_done,bytes_done,created_at,finished_at,error"}
    if project:
        params["project_id"] = f"eq.{project}"
    rows = _check(httpx.get(f"{api_url}/ingest_jobs", params=params, headers=auth_headers(),
                            timeout=30), 200)
    table = Table("job", "dataset", "source", "format", "status", "rows", "MB", "created",
                  "error")
    for j in rows:
        table.add_row(j["id"][:8], j["dataset_name"], j["source_type"],
                      j["detected_format"] or "", j["status"], f"{j['rows_done']:,}",
                      f"{j['bytes_done'] / 1e6:.1f}", (j["created_at"] or "")[:19],
                      (j["error"] or "")[:60])
    console.print(table)
