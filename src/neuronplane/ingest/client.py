"""`neuronplane ingest` and `neuronplane jobs`: the command-line client of ingestion.

It talks HTTP like any other client: a local file goes to the glue's POST /ingest/upload, a
URL to PostgREST's /rpc/start_ingest; progress comes from GET /ingest_jobs. Credentials come
from NEURONPLANE_API_KEY (an API key), NEURONPLANE_TOKEN (an access token) or the
session `neuronplane login` stored.
"""

from __future__ import annotations

import email.utils
import json
import os
import time
from collections.abc import Callable
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

from .. import session

TERMINAL = {"succeeded", "failed", "cancelled"}


class ClientError(RuntimeError):
    """A refusal or failure, with the server's message."""


MAX_RETRY_AFTER = 300.0  # seconds: a longer Retry-After is a refusal


def retry_after(value: str | None, attempt: int, now: float | None = None) -> float:
    """Seconds to wait after a 429: its Retry-After (seconds or an HTTP date), else 1, 2, 4,
    ... up to 30."""
    if value:
        value = value.strip()
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value).timestamp()
        except (TypeError, ValueError):
            pass
        else:
            return max(0.0, when - (time.time() if now is None else now))
    return float(min(2 ** attempt, 30))


class Http:
    """HTTP for the CLI: a 429 (the API key's rate limit) is waited out as its Retry-After
    says, and counted, so that polling can slow down; any other answer is returned."""

    def __init__(self, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep, max_waits: int = 20) -> None:
        self.client = httpx.Client(transport=transport, timeout=httpx.Timeout(
            60.0, write=600.0, read=600.0))
        self.sleep, self.max_waits = sleep, max_waits
        self.limited = 0  # 429s seen

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        opener = kwargs.pop("reopen", None)
        for attempt in range(self.max_waits + 1):
            if opener is not None:
                kwargs["files"] = opener()
            r = self.client.request(method, url, **kwargs)
            if r.status_code != 429 or attempt == self.max_waits:
                return r
            wait = retry_after(r.headers.get("retry-after"), attempt)
            if wait > MAX_RETRY_AFTER:
                return r
            self.limited += 1
            self.sleep(wait)
        raise AssertionError("unreachable")


_default: Http | None = None


def http() -> Http:
    global _default
    if _default is None:
        _default = Http()
    return _default


def auth_headers(api_url: str) -> dict[str, str]:
    """NEURONPLANE_API_KEY, else NEURONPLANE_TOKEN, else the session `neuronplane login`
    stored (refreshed when its access token has expired)."""
    key, token = os.environ.get("NEURONPLANE_API_KEY"), os.environ.get("NEURONPLANE_TOKEN")
    if key:
        return {"X-API-Key": key}
    if token:
        return {"Authorization": f"Bearer {token}"}
    try:
        token = session.access_token(api_url)
    except session.SessionError as exc:
        raise ClientError(str(exc)) from None
    if token:
        return {"Authorization": f"Bearer {token}"}
    raise ClientError("run `neuronplane login`, or set NEURONPLANE_API_KEY (an API key) or "
                      "NEURONPLANE_TOKEN (an access token)")


def check(r: httpx.Response, *ok: int) -> Any:
    if r.status_code not in ok:
        try:
            body = r.json()
            message = f"{body.get('message')} ({body.get('code')})"
        except ValueError:
            message = r.text[:500]
        raise ClientError(f"HTTP {r.status_code}: {message}")
    return r.json() if r.status_code != 204 else None


def start(api_url: str, glue_url: str, source: str, project: str, name: str | None,
          fmt: str, options: dict[str, Any] | None, if_exists: str,
          client: Http | None = None) -> dict[str, Any]:
    client = client or http()
    headers = auth_headers(api_url)
    name = name or Path(source.split("?")[0]).stem or "dataset"
    if source.startswith(("http://", "https://")):
        body: dict[str, Any] = {"project_id": project, "dataset_name": name, "source_type": "url",
                                "source": {"url": source}, "format": fmt,
                                "if_exists": if_exists}
        if options:
            body["options"] = options
        r = client.request("POST", f"{api_url}/rpc/start_ingest", json=body,
                           headers={**headers, "Accept": "application/vnd.pgrst.object+json"})
        return check(r, 200)
    path = Path(source)
    if not path.is_file():
        raise ClientError(f"{source}: no such file (or give an http(s) URL)")
    params = {"project_id": project, "dataset_name": name, "format": fmt,
              "if_exists": if_exists}
    if options:
        params["options"] = json.dumps(options)
    opened: list[Any] = []

    def reopen() -> dict[str, Any]:  # a retried upload sends the file from its start
        for f in opened:
            f.close()
        opened.append(path.open("rb"))
        return {"file": (path.name, opened[-1])}

    try:
        r = client.request("POST", f"{glue_url}/ingest/upload", params=params,
                           headers=headers, reopen=reopen)
    finally:
        for f in opened:
            f.close()
    return check(r, 201)


def job(api_url: str, job_id: str, client: Http | None = None) -> dict[str, Any]:
    r = (client or http()).request("GET", f"{api_url}/ingest_jobs",
                                   params={"id": f"eq.{job_id}"}, headers=auth_headers(api_url))
    rows = check(r, 200)
    if not rows:
        raise ClientError(f"job {job_id} is not visible")
    return rows[0]


def describe(current: dict[str, Any]) -> str:
    """One plain progress line: phase or status, MB read (of the total), rows."""
    mb = f"{current['bytes_done'] / 1e6:,.1f} MB"
    if current.get("bytes_total"):
        mb += f" of {current['bytes_total'] / 1e6:,.1f} MB"
    rows = f"{current['rows_done']:,} rows"
    if current.get("rows_total"):
        rows += f" of {current['rows_total']:,}"
    return f"{current.get('phase') or current['status']}: {mb}, {rows}"


def follow(api_url: str, job_id: str, console: Console, interval: float = 0.5,
           plain: bool | None = None, plain_every: float = 5.0,
           client: Http | None = None) -> dict[str, Any]:
    """Follow the job until it ends: a live bar (bytes, MB/s, ETA, rows) on a terminal, else
    (or with plain) a progress line every plain_every seconds. Each 429 doubles the polling
    interval (up to 10 s). Ctrl-C cancels the job."""
    client = client or http()
    if plain is None:
        plain = not console.is_terminal
    try:
        if plain:
            return _follow_plain(api_url, job_id, console, interval, plain_every, client)
        return _follow_bar(api_url, job_id, console, interval, client)
    except KeyboardInterrupt:
        r = client.request("POST", f"{api_url}/rpc/cancel_ingest", json={"id": job_id},
                           headers=auth_headers(api_url))
        console.print(f"cancel requested: HTTP {r.status_code}")
        raise


NO_WORKER = "no ingestion worker is running: start one with `neuronplane worker`"
QUEUED_HINT_AFTER = 5.0  # seconds a job may stay queued before the CLI asks why


class QueuedHint:
    """Says once, when a job has stayed queued for QUEUED_HINT_AFTER seconds and no worker
    heartbeats (api.count_ingest_workers()), that a worker must be started; asks again
    every QUEUED_HINT_AFTER seconds while the job is queued."""

    def __init__(self, api_url: str, console: Console, client: Http,
                 after: float = QUEUED_HINT_AFTER) -> None:
        self.api_url, self.console, self.client, self.after = api_url, console, client, after
        self.since: float | None = None
        self.asked = 0.0
        self.shown = False

    def see(self, current: dict[str, Any]) -> None:
        if current["status"] != "queued":
            self.since = None
            return
        now = time.monotonic()
        if self.since is None:
            self.since = now
        if self.shown or now - self.since < self.after or now - self.asked < self.after:
            return
        self.asked = now
        r = self.client.request("POST", f"{self.api_url}/rpc/count_ingest_workers", json={},
                                headers=auth_headers(self.api_url))
        if r.status_code == 200 and r.json() == 0:
            self.console.print(f"[yellow]{NO_WORKER}", highlight=False)
            self.shown = True


def _poll(api_url: str, job_id: str, interval: float, client: Http,
          hint: QueuedHint | None = None) -> tuple[dict[str, Any], float]:
    limited = client.limited
    current = job(api_url, job_id, client)
    if hint is not None:
        hint.see(current)
    if client.limited > limited:
        interval = min(interval * 2, 10.0)
    return current, interval


def _follow_plain(api_url: str, job_id: str, console: Console, interval: float,
                  every: float, client: Http) -> dict[str, Any]:
    last_line = 0.0
    hint = QueuedHint(api_url, console, client)
    while True:
        current, interval = _poll(api_url, job_id, interval, client, hint)
        if current["status"] in TERMINAL:
            console.print(f"{current['status']}: " + describe(current).split(": ", 1)[1],
                          highlight=False)
            return current
        if time.monotonic() - last_line >= every:
            console.print(describe(current), highlight=False)
            last_line = time.monotonic()
        time.sleep(interval)


def _follow_bar(api_url: str, job_id: str, console: Console, interval: float,
                client: Http) -> dict[str, Any]:
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), DownloadColumn(),
               TransferSpeedColumn(), TimeRemainingColumn(), TextColumn("{task.fields[rows]}"))
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("queued", total=None, rows="")
        hint = QueuedHint(api_url, bar.console, client)
        while True:
            current, interval = _poll(api_url, job_id, interval, client, hint)
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


def list_jobs(api_url: str, project: str | None, limit: int, console: Console) -> None:
    params = {"order": "created_at.desc", "limit": str(limit),
              "select": "id,project_id,dataset_name,source_type,detected_format,status,"
                        "rows_done,bytes_done,created_at,finished_at,error"}
    if project:
        params["project_id"] = f"eq.{project}"
    rows = check(http().request("GET", f"{api_url}/ingest_jobs", params=params,
                                 headers=auth_headers(api_url)), 200)
    table = Table("job", "dataset", "source", "format", "status", "rows", "MB", "created",
                  "error")
    for j in rows:
        table.add_row(j["id"][:8], j["dataset_name"], j["source_type"],
                      j["detected_format"] or "", j["status"], f"{j['rows_done']:,}",
                      f"{j['bytes_done'] / 1e6:.1f}", (j["created_at"] or "")[:19],
                      (j["error"] or "")[:60])
    console.print(table)
    if any(j["status"] == "queued" for j in rows):
        r = http().request("POST", f"{api_url}/rpc/count_ingest_workers", json={},
                           headers=auth_headers(api_url))
        if r.status_code == 200 and r.json() == 0:
            console.print(f"[yellow]{NO_WORKER}", highlight=False)
