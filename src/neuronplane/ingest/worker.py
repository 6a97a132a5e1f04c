"""`neuronplane worker`: claims ingestion jobs and streams their sources into PostgreSQL.

One job at a time per worker. Three connections, all with application_name
neuronplane-ingest-worker: control (LISTEN, claim, fail), heartbeat (a thread reporting
progress every second, which also learns of cancellation) and load (one transaction per
attempt: staging table, COPY, embedding, indexes, publish). A worker that dies takes its
load transaction with it, so another worker that takes the job over starts from the source
again and nothing is loaded twice.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from .. import metrics, tracing
from . import IngestError, IngestSettings
from .compression import decompress, not_text, strip_bom
from .formats import PY_CODECS, CsvFormat, JsonRowsFormat, NewKey, ParquetFormat, detect
from .sources import CHUNK, Opened, open_source
from .types import Widen, widen

log = logging.getLogger("neuronplane.ingest")

APPLICATION_NAME = "neuronplane-ingest-worker"
NOTIFY_CHANNEL = "neuronplane_ingest"
RECONNECT_SECONDS = 1.0  # between attempts to reach a server that went away
RETRY_WAIT_SECONDS = 60.0  # how long a lost load waits for the server to record its retry


class Stopped(Exception):
    """The job was cancelled, or another attempt owns it: stop without touching it."""


@dataclass
class Progress:
    phase: str = "load"
    rows_done: int = 0
    bytes_done: int = 0
    rows_total: int | None = None
    bytes_total: int | None = None
    embed_done: int | None = None
    embed_total: int | None = None
    detected_format: str | None = None
    state: str = "running"  # what the last heartbeat answered
    stop: threading.Event = field(default_factory=threading.Event)

    def check(self) -> None:
        if self.stop.is_set():
            raise Stopped(self.state)


class Heartbeat(threading.Thread):
    """Reports the worker's (and its job's) progress every `interval` seconds; on
    'cancelled' or 'lost' it sets the job's stop flag and cancels the load's query."""

    def __init__(self, conninfo: str, worker_id: uuid.UUID, interval: float,
                 ready_file: Path | None) -> None:
        super().__init__(name="heartbeat", daemon=True)
        self.conninfo = conninfo
        self.conn = psycopg.connect(conninfo, autocommit=True, application_name=APPLICATION_NAME)
        self.worker_id, self.interval, self.ready_file = worker_id, interval, ready_file
        self.lock = threading.Lock()
        self.job: tuple[uuid.UUID, int, Progress, psycopg.Connection] | None = None
        self.quit = threading.Event()

    def set_job(self, job: tuple[uuid.UUID, int, Progress, psycopg.Connection] | None) -> None:
        with self.lock:
            self.job = job
        self.beat_or_reconnect()

    def beat_or_reconnect(self) -> None:
        """A beat; when the connection broke (server restart, terminated backend), a new
        one for the next beat."""
        try:
            self.beat()
        except psycopg.Error as exc:
            metrics.ERRORS.labels("heartbeat").inc()
            log.warning("heartbeat failed: %s", exc)
            if self.conn.broken or self.conn.closed:
                try:
                    self.conn.close()
                    self.conn = psycopg.connect(self.conninfo, autocommit=True,
                                                application_name=APPLICATION_NAME)
                except psycopg.Error as again:
                    log.warning("heartbeat cannot reconnect: %s", again)

    def beat(self) -> None:
        with self.lock:
            job = self.job
            if job is None:
                self.conn.execute("SELECT workspace.ingest_heartbeat(%s)", (self.worker_id,))
            else:
                job_id, attempt, p, load_conn = job
                [(state,)] = self.conn.execute(
                    "SELECT workspace.ingest_heartbeat(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    (self.worker_id, job_id, attempt, p.phase, p.rows_done, p.bytes_done,
                     p.rows_total, p.bytes_total, p.embed_done, p.embed_total,
                     p.detected_format)).fetchall()
                if state == "lost" and p.phase == "publish":
                    # The publish may just have committed (the job is no longer running):
                    # not lost. A job really taken over fails the publish with 40001.
                    pass
                elif state != "running" and not p.stop.is_set():
                    p.state = state
                    p.stop.set()
                    log.info("job %s is %s: stopping it", job_id, state)
                    load_conn.cancel_safe()
        metrics.LAST_HEARTBEAT.set(time.time())
        if self.ready_file is not None:
            self.ready_file.touch()

    def run(self) -> None:
        while not self.quit.wait(self.interval):
            self.beat_or_reconnect()


class Worker:
    def __init__(self, conninfo: str, settings: IngestSettings, ready_file: Path | None = None,
                 worker_id: uuid.UUID | None = None) -> None:
        self.conninfo, self.settings, self.ready_file = conninfo, settings, ready_file
        self.worker_id = worker_id or uuid.uuid4()
        self.quit = threading.Event()

    def _connect(self, **kwargs: Any) -> psycopg.Connection:
        return psycopg.connect(self.conninfo, application_name=APPLICATION_NAME, **kwargs)

    def run(self, once: bool = False) -> None:
        """Take jobs until asked to quit (SIGTERM/SIGINT), or, with once, until none is left.
        A control connection lost after the start (server restart, terminated backend) is
        opened again, every RECONNECT_SECONDS until the server answers."""
        hb: Heartbeat | None = None
        try:
            while not self.quit.is_set():
                try:
                    with self._connect(autocommit=True) as ctl:
                        ctl.execute("SELECT workspace.register_ingest_worker(%s, %s, %s)",
                                    (self.worker_id, socket.gethostname(), os.getpid()))
                        ctl.execute(sql.SQL("LISTEN {}").format(sql.Identifier(NOTIFY_CHANNEL)))
                        if hb is None:
                            hb = Heartbeat(self.conninfo, self.worker_id,
                                           self.settings.heartbeat_seconds, self.ready_file)
                            hb.beat()
                            hb.start()
                            log.info("ingest worker %s ready", self.worker_id)
                        else:
                            log.info("ingest worker %s reconnected", self.worker_id)
                        self._serve(ctl, hb, once)
                        return
                except psycopg.OperationalError as exc:
                    if hb is None:
                        raise  # never connected: a configuration problem, not an outage
                    log.warning("lost the database connection (%s); reconnecting in %s s",
                                str(exc).strip(), RECONNECT_SECONDS)
                    self.quit.wait(RECONNECT_SECONDS)
        finally:
            if hb is not None:
                hb.quit.set()
                hb.join(timeout=5)
                try:
                    hb.conn.execute("SELECT workspace.stop_ingest_worker(%s)", (self.worker_id,))
                except psycopg.Error:
                    pass
                hb.conn.close()

    def _serve(self, ctl: psycopg.Connection, hb: Heartbeat, once: bool) -> None:
        while not self.quit.is_set():
            job = ctl.execute("SELECT * FROM workspace.claim_ingest_job(%s)",
                              (self.worker_id,)).fetchone()
            if job is not None:
                self._run_job(ctl, hb, job)
                continue
            if once:
                break
            self.sweep_uploads(ctl)
            for _ in ctl.notifies(timeout=self.settings.poll_seconds, stop_after=1):
                pass

    def _run_job(self, ctl: psycopg.Connection, hb: Heartbeat, row: tuple[Any, ...]) -> None:
        names = ["job_id", "attempt", "project_id", "dataset_name", "if_exists", "source_type",
                 "source", "format", "options", "embedding", "index_config", "target_schema",
                 "credentials", "upload_path"]
        job = dict(zip(names, row, strict=True))
        job_id, attempt = job["job_id"], job["attempt"]
        log.info("job %s (attempt %s): %s source, dataset %r", job_id, attempt,
                 job["source_type"], job["dataset_name"])
        progress = Progress()
        outcome = "failed"
        started = time.monotonic()
        traceparent = None
        if tracing.enabled():
            [(traceparent,)] = ctl.execute("SELECT workspace.ingest_job_traceparent(%s)",
                                           (job_id,)).fetchall()
        metrics.BUSY.set(1)
        with tracing.span("ingest.job", traceparent, **{
                "neuronplane.job_id": str(job_id), "neuronplane.attempt": attempt,
                "neuronplane.source_type": job["source_type"]}) as job_span:
            try:
                outcome = self._attempt(ctl, hb, job, progress)
            finally:
                metrics.BUSY.set(0)
                metrics.JOBS.labels(outcome).inc()
                metrics.JOB_DURATION.labels(outcome).observe(time.monotonic() - started)
                if job_span is not None:
                    job_span.set_attribute("neuronplane.outcome", outcome)
                    job_span.set_attribute("neuronplane.rows", progress.rows_done)
        if outcome == "succeeded":
            metrics.ROWS.inc(progress.rows_done)
            metrics.BYTES.inc(max(progress.bytes_done, progress.bytes_total or 0))
        if outcome not in ("lost", "queued") and job.get("upload_path"):
            # The job has ended for good: the uploaded file is no longer needed.
            ctl.execute("SELECT workspace.forget_ingest_upload(%s)",
                        (job["source"].get("upload_id"),))
            try:
                Path(job["upload_path"]).unlink(missing_ok=True)
            except OSError as exc:
                log.warning("cannot remove %s: %s", job["upload_path"], exc)

    def _attempt(self, ctl: psycopg.Connection, hb: Heartbeat, job: dict[str, Any],
                 progress: Progress) -> str:
        """Run one attempt of the job; its outcome (succeeded, failed, cancelled, lost or
        queued)."""
        job_id, attempt = job["job_id"], job["attempt"]
        outcome = "failed"

        def note(details: dict[str, Any]) -> None:
            try:
                ctl.execute("SELECT workspace.note_ingest(%s, %s, %s)",
                            (job_id, attempt, Jsonb(details)))
            except psycopg.Error as exc:  # cancelled or lost: the heartbeat stops the load
                log.info("job %s: details not recorded: %s", job_id, exc.diag.message_primary)

        with self._connect() as load:
            tracing.instrument_connection(load)
            if tracing.enabled():
                # The audit events of the publish (load) or of a failure (ctl) carry the
                # job's trace id; reset below, as ctl outlives the job.
                for conn in (load, ctl):
                    conn.execute("SELECT set_config('neuronplane.traceparent', %s, false)",
                                 (tracing.current_traceparent(),))
                if not load.autocommit:
                    load.commit()
            hb.set_job((job_id, attempt, progress, load))
            try:
                rows = load_job(load, job, self.settings, progress, note)
                outcome = "succeeded"
                log.info("job %s: %s rows loaded", job_id, rows)
            except Stopped as exc:
                outcome = str(exc)
                log.info("job %s stopped: %s", job_id, exc)
            except psycopg.errors.QueryCanceled:
                outcome = progress.state if progress.stop.is_set() else "failed"
                if outcome == "failed":
                    metrics.ERRORS.labels("database").inc()
                    self._fail(ctl, job_id, attempt, "the load was cancelled by the server "
                               "(statement timeout?)")
            except IngestError as exc:
                metrics.ERRORS.labels("data").inc()
                self._fail(ctl, job_id, attempt, str(exc))
            except psycopg.Error as exc:
                if progress.stop.is_set():
                    outcome = progress.state
                elif load.broken or load.closed:
                    # Not the data's fault: the server restarted or ended the backend. The
                    # job is retried like a crashed worker's, up to its attempt limit.
                    metrics.ERRORS.labels("connection_lost").inc()
                    load.close()  # nothing to commit or roll back on a broken connection
                    outcome = self._retry(ctl, job_id, attempt, describe_pg_error(exc, job))
                else:
                    metrics.ERRORS.labels("database").inc()
                    self._fail(ctl, job_id, attempt, describe_pg_error(exc, job))
            except Exception as exc:
                metrics.ERRORS.labels("internal").inc()
                log.exception("job %s failed", job_id)
                self._fail(ctl, job_id, attempt, f"{type(exc).__name__}: {exc}")
            finally:
                hb.set_job(None)
                if tracing.enabled() and not (ctl.broken or ctl.closed):
                    ctl.execute("SELECT set_config('neuronplane.traceparent', '', false)")
        return outcome

    def sweep_uploads(self, ctl: psycopg.Connection) -> int:
        """Remove uploaded files no job will read (workspace.abandoned_ingest_uploads()),
        then forget them; only files inside the upload folder are touched. Returns how many
        were forgotten."""
        root = self.settings.upload_dir.resolve()
        done = 0
        for upload_id, path in ctl.execute(
                "SELECT upload_id, path FROM workspace.abandoned_ingest_uploads()").fetchall():
            target = Path(path).resolve()
            if target.parent != root:
                log.warning("upload %s is outside %s; its file is left alone", upload_id, root)
            else:
                try:
                    target.unlink(missing_ok=True)
                except OSError as exc:
                    log.warning("cannot remove upload %s: %s", upload_id, exc.strerror)
                    continue
            ctl.execute("SELECT workspace.forget_ingest_upload(%s)", (upload_id,))
            done += 1
        if done:
            log.info("%s abandoned upload(s) removed", done)
        return done

    def _retry(self, ctl: psycopg.Connection, job_id: uuid.UUID, attempt: int,
               reason: str) -> str:
        """workspace.retry_ingest() through the control connection, or a new one when that
        broke too (a server restart ends them all); waits up to RETRY_WAIT_SECONDS for the
        server. Returns queued, failed or lost; "lost" also when the server stays away: the
        job is then taken over as a crashed worker's once its heartbeat is stale."""
        log.info("job %s (attempt %s) lost its database connection: %s", job_id, attempt,
                 reason)
        deadline = time.monotonic() + RETRY_WAIT_SECONDS
        while True:
            try:
                if not (ctl.broken or ctl.closed):
                    [(outcome,)] = ctl.execute("SELECT workspace.retry_ingest(%s, %s, %s)",
                                               (job_id, attempt, reason)).fetchall()
                    return outcome
                with self._connect(autocommit=True) as conn:
                    [(outcome,)] = conn.execute("SELECT workspace.retry_ingest(%s, %s, %s)",
                                                (job_id, attempt, reason)).fetchall()
                    return outcome
            except psycopg.OperationalError as exc:
                if time.monotonic() > deadline or self.quit.is_set():
                    log.warning("job %s: cannot record the lost connection: %s", job_id, exc)
                    return "lost"
                self.quit.wait(RECONNECT_SECONDS)

    def _fail(self, ctl: psycopg.Connection, job_id: uuid.UUID, attempt: int, error: str) -> None:
        log.info("job %s failed: %s", job_id, error)
        ctl.execute("SELECT workspace.fail_ingest(%s, %s, %s)", (job_id, attempt, error))


def describe_pg_error(exc: psycopg.Error, job: dict[str, Any]) -> str:
    """A database error as a message for the job: the server's message and where in the
    input (COPY's context names the line and column), without the staging table's name."""
    diag = exc.diag
    message = diag.message_primary or str(exc).strip()
    context = (diag.context or "").splitlines()[0] if diag.context else ""
    if context.startswith("COPY "):
        # "COPY _ingest_..., line 3, column x: "..."" -> "line 3, column x: "...""
        context = context.split(", ", 1)[1] if ", " in context else ""
        message = f"{context}: {message}" if context else message
    return message[:1000]


# -- the load --------------------------------------------------------------------------------

def load_job(conn: psycopg.Connection, job: dict[str, Any], settings: IngestSettings,
             progress: Progress,
             note: Callable[[dict[str, Any]], None] = lambda details: None) -> int:
    """One attempt: everything in one transaction of `conn`, published at its end. What it
    decides on the way (compression, byte order mark, missing-value marker, restarts with a
    wider column) goes to `note` as the job's details."""
    overrides: dict[int, str] = {}
    extra: list[str] = []
    restarts: list[dict[str, Any]] = []
    spool: Path | None = None
    try:
        for _try in range(1700):
            progress.rows_done = progress.bytes_done = 0
            progress.phase = "load"
            with tracing.span("ingest.load", **{"neuronplane.try": _try + 1}):
                opened = open_source(job, settings, lambda n: setattr(progress, "bytes_done", n))
                progress.bytes_total = opened.size
                try:
                    details: dict[str, Any] = {}
                    compression = decompress(opened)
                    if compression:
                        details["compression"] = compression
                    fmt = detect(opened, job["format"])
                    progress.detected_format = fmt
                    if fmt != "parquet":
                        details |= _check_text(opened, fmt, job["options"])
                    if details and not restarts:
                        note(details)
                    if fmt == "parquet":
                        if job.get("upload_path") and compression is None:
                            fmt_obj: Any = ParquetFormat(job["upload_path"], job["options"])
                        else:
                            if spool is None:
                                spool = _spool(opened, progress)
                            fmt_obj = ParquetFormat(str(spool), job["options"])
                    elif fmt == "csv":
                        fmt_obj = CsvFormat(opened, job["options"], overrides)
                    else:
                        fmt_obj = JsonRowsFormat(opened, job["options"], overrides, fmt == "jsonl",
                                                 extra)
                    try:
                        with conn.transaction():
                            return _load(conn, job, fmt_obj, progress, note)
                    except Widen as w:
                        restart = _restart(fmt_obj, w.index, w.from_type, w.type, w.reason)
                    except NewKey as k:
                        extra.append(k.key)
                        restart = {"column": k.key, "reason": f"member {k.key} was not in the "
                                                              "sample"}
                    except psycopg.DataError as exc:
                        # A value beyond the sample that the column's type cannot read: the
                        # column widens along its chain (types.WIDENING) and the load starts
                        # again.
                        failed = _failed_value(exc, fmt_obj)
                        if failed is None or fmt == "parquet":
                            raise
                        index, value = failed
                        old = fmt_obj._types[index]
                        restart = _restart(fmt_obj, index, old, widen(old, value),
                                           describe_pg_error(exc, job))
                    if "to" in restart:
                        if overrides.get(restart["index"]) == restart["to"]:
                            raise IngestError(f"column {restart['column']} cannot be loaded: "
                                              f"{restart['reason']}")  # widening got nowhere
                        overrides[restart.pop("index")] = restart["to"]
                    restarts.append(restart)
                    log.info("job %s: load restarted: %s", job["job_id"], restart)
                    note({"restarts": restarts})
                finally:
                    opened.close()
        raise IngestError("the columns' types could not be settled")
    finally:
        if spool is not None:
            shutil.rmtree(spool.parent, ignore_errors=True)


def _check_text(opened: Opened, fmt: str, options: dict[str, Any]) -> dict[str, Any]:
    """Refuse binary data given as text; skip a UTF-8 byte order mark."""
    encoding = str(options.get("encoding", "UTF8"))
    utf8 = fmt != "csv" or PY_CODECS.get(encoding.lower().replace("-", "").replace("_", "")
                                         ) == "utf-8"
    bom = utf8 and strip_bom(opened)
    why = not_text(opened.stream.peek(4096)[:4096], fmt)
    if why is not None:
        raise IngestError(why)
    return {"byte_order_mark": True} if bom else {}


def _restart(fmt_obj: Any, index: int, old: str, new: str, reason: str) -> dict[str, Any]:
    names = getattr(fmt_obj, "_source_names", None) or []
    column = names[index] if index < len(names) else str(index + 1)
    return {"index": index, "column": column, "from": old, "to": new, "reason": reason}


def _failed_value(exc: psycopg.Error, fmt_obj: Any) -> tuple[int, str] | None:
    """(column index, value) from COPY's context: 'COPY t, line 3, column n: "value"'."""
    context = (exc.diag.context or "").split("\n", 1)[0]
    if ", column " not in context or not hasattr(fmt_obj, "_columns"):
        return None
    name, _, value = context.split(", column ", 1)[1].partition(": ")
    try:
        index = fmt_obj._columns.index(name)
    except ValueError:
        return None
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    return index, value


def _spool(opened: Opened, progress: Progress) -> Path:
    """Parquet needs to seek: copy the stream to a temporary file (chunk by chunk)."""
    progress.phase = "download"
    folder = Path(tempfile.mkdtemp(prefix="neuronplane-ingest-"))
    path = folder / "source.parquet"
    with path.open("wb") as out:
        while True:
            chunk = opened.stream.read(CHUNK)
            if not chunk:
                break
            out.write(chunk)
            progress.check()
    return path


def _load(conn: psycopg.Connection, job: dict[str, Any], fmt: Any, progress: Progress,
          note: Callable[[dict[str, Any]], None]) -> int:
    job_id, attempt = job["job_id"], job["attempt"]
    columns = fmt.columns()
    if getattr(fmt, "missing", None):
        note({"missing_values": fmt.missing})
    if getattr(fmt, "found", None):
        note({"json_member": fmt.found["member"]})
    progress.rows_total = fmt.rows_total
    [(names,)] = conn.execute(
        "SELECT workspace.begin_ingest_load(%s, %s, %s)",
        (job_id, attempt, Jsonb([{"name": n, "type": t} for n, t in columns]))).fetchall()
    fmt._columns = names
    types = [t for _, t in columns]
    fmt._types = types
    fmt._source_names = [n for n, _ in columns]
    [(stage,)] = conn.execute("SELECT workspace.staging_table(%s)", (job_id,)).fetchall()
    target = sql.Identifier(job["target_schema"], stage)
    cols = sql.SQL(", ").join(sql.Identifier(n) for n in names)

    def count(n: int) -> None:
        progress.rows_done = n

    # FREEZE: the staging table was created in this transaction, so its rows can be written
    # frozen and all-visible; readers of the published table set no hint bits afterwards.
    with conn.cursor() as cur:
        if isinstance(fmt, CsvFormat):
            params = fmt.copy_params()
            stmt = sql.SQL("COPY {} ({}) FROM STDIN WITH (FORMAT csv, FREEZE, HEADER {}, "
                           "DELIMITER {}, "
                           "QUOTE {}, NULL {}, ENCODING {})").format(
                target, cols, sql.SQL("true" if params["header"] else "false"),
                sql.Literal(params["delimiter"]), sql.Literal(params["quote"]),
                sql.Literal(params["null"]), sql.Literal(params["encoding"]))
            with cur.copy(stmt) as copy:
                fmt.feed(copy.write, count, progress.check)
        elif isinstance(fmt, ParquetFormat):
            stmt = sql.SQL("COPY {} ({}) FROM STDIN WITH (FORMAT csv, FREEZE)").format(
                target, cols)
            # A local file is read by pyarrow, not through the counted stream: its row
            # groups say how far it got. (A download or decompression counted its bytes.)
            direct = job.get("upload_path") and fmt.path == job["upload_path"]
            with cur.copy(stmt) as copy:
                fmt.feed(copy.write, count, progress.check, types,
                         (lambda n: setattr(progress, "bytes_done", n)) if direct else None)
        else:
            stmt = sql.SQL("COPY {} ({}) FROM STDIN WITH (FREEZE)").format(target, cols)
            with cur.copy(stmt) as copy:
                n = 0
                for row in fmt.rows(types):
                    copy.write_row(row)
                    n += 1
                    if n & 1023 == 0:
                        progress.rows_done = n
                        progress.check()
                progress.rows_done = n
        rows = cur.rowcount
    progress.check()
    progress.rows_done = rows
    described = [{"name": n, "type": t, "source": s}
                 for n, (s, t) in zip(names, columns, strict=True)]
    embedding = None
    if job.get("embedding"):
        from .embed import embed_staging
        embedding = embed_staging(conn, job, names, columns, target, rows, progress)
    progress.phase = "publish"
    with tracing.span("ingest.publish", **{"neuronplane.rows": rows}):
        conn.execute("SELECT workspace.publish_ingest(%s, %s, %s, %s, %s, %s, %s)",
                     (job_id, attempt, rows, Jsonb(described),
                      Jsonb(embedding) if embedding else None, fmt.name,
                      max(progress.bytes_done, progress.bytes_total or 0)))
    return rows


def main(conninfo: str, settings: IngestSettings, ready_file: Path | None = None,
         once: bool = False, metrics_at: tuple[str, int] | None = None) -> None:
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if metrics_at is not None:
        metrics.serve_worker_metrics(*metrics_at)
    tracing.setup("neuronplane-worker", instrument_psycopg=False)
    worker = Worker(conninfo, settings, ready_file)

    def _quit(signum: int, frame: Any) -> None:
        worker.quit.set()
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _quit)
    try:
        worker.run(once=once)
    except KeyboardInterrupt:
        pass
    finally:
        tracing.shutdown()
        if ready_file is not None:
            try:
                ready_file.unlink(missing_ok=True)
            except OSError as exc:  # e.g. a run folder of root's, when `up` ran as root
                log.warning("cannot remove the ready file %s: %s", ready_file,
                            exc.strerror or exc)

