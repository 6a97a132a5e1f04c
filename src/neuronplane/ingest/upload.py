"""The glue's `POST /ingest/upload`: a file, streamed to disk, then a job for it.

The request is multipart/form-data with a part named `file`; the query string carries
start_ingest's arguments (project_id, dataset_name, format, if_exists; options,
index_config and embedding as JSON). The caller's credentials (Authorization or
X-API-Key) are checked by the database through PostgREST, before the body is read (write on
the project) and again when the job is started, so the glue decides nothing itself.
"""

from __future__ import annotations

import json
import logging
import os
import re
import uuid
from pathlib import Path
from typing import Any

import httpx
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from neuronplane.dbpool import GluePool
from neuronplane.oidc import caller_credentials

from . import IngestSettings

log = logging.getLogger("neuronplane.ingest.upload")

JSON_ARGS = ("options", "index_config", "embedding")
TEXT_ARGS = ("project_id", "dataset_name", "format", "if_exists")
SAFE_EXT = re.compile(r"^\.[a-z0-9]{1,10}$")


def _error(status: int, code: str, message: str, hint: str | None = None) -> JSONResponse:
    """The same shape as PostgREST's errors."""
    return JSONResponse({"code": code, "message": message, "details": None, "hint": hint},
                        status_code=status)


class _TooLarge(Exception):
    pass


class _FilePart:
    """Collects the `file` part of a multipart body into a file, and nothing else."""

    def __init__(self, out: Any, limit: int) -> None:
        self.out, self.limit = out, limit
        self.size = 0
        self.filename: str | None = None
        self.found = False
        self._in_file = False
        self._header_field = b""
        self._header_value = b""
        self._headers: dict[bytes, bytes] = {}

    def callbacks(self) -> dict[str, Any]:
        return {
            "on_part_begin": self._part_begin,
            "on_header_field": lambda d, s, e: setattr(self, "_header_field",
                                                      self._header_field + d[s:e]),
            "on_header_value": lambda d, s, e: setattr(self, "_header_value",
                                                      self._header_value + d[s:e]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._data,
            "on_part_end": self._part_end,
        }

    def _part_begin(self) -> None:
        self._headers = {}

    def _header_end(self) -> None:
        self._headers[self._header_field.lower()] = self._header_value
        self._header_field = self._header_value = b""

    def _headers_finished(self) -> None:
        _, params = parse_options_header(self._headers.get(b"content-disposition", b""))
        if params.get(b"name") == b"file" and not self.found:
            self._in_file = self.found = True
            raw = params.get(b"filename")
            self.filename = raw.decode("utf-8", "replace") if raw else None

    def _data(self, data: bytes, start: int, end: int) -> None:
        if not self._in_file:
            return
        self.size += end - start
        if self.size > self.limit:
            raise _TooLarge
        self.out.write(data[start:end])

    def _part_end(self) -> None:
        self._in_file = False


def routes(pool: GluePool, api_url: str, settings: IngestSettings) -> list[Route]:
    async def upload(request: Request) -> Response:
        headers = caller_credentials(request)
        if not headers:
            return _error(401, "28000", "authentication required",
                          "Send an access token (Authorization: Bearer), an X-API-Key or "
                          "the session cookie with X-CSRF-Token.")
        args: dict[str, Any] = {}
        for name in TEXT_ARGS:
            if name in request.query_params:
                args[name] = request.query_params[name]
        for name in JSON_ARGS:
            if name in request.query_params:
                try:
                    args[name] = json.loads(request.query_params[name])
                except ValueError:
                    return _error(400, "22023", f"{name} is not valid JSON")
        if "project_id" not in args or "dataset_name" not in args:
            return _error(400, "22023", "project_id and dataset_name are required "
                          "(query parameters)")
        try:
            uuid.UUID(args["project_id"])
        except ValueError:
            return _error(400, "22P02", "project must be a uuid")
        ctype, params = parse_options_header(request.headers.get("content-type", ""))
        boundary = params.get(b"boundary")
        if ctype != b"multipart/form-data" or not boundary:
            return _error(415, "22023", "send the file as multipart/form-data, in a part "
                          "named file")
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > settings.max_upload_bytes + 65536:
            return _error(413, "54000", f"the file is larger than the limit of "
                          f"{settings.max_upload_bytes} bytes")

        async with httpx.AsyncClient(base_url=api_url, timeout=60) as api:
            # Before reading the body: may the caller write to the project at all?
            r = await api.post("/rpc/has_permission", headers=headers, json={
                "resource_type": "project", "resource_id": args["project_id"],
                "permission": "write"})
            if r.status_code != 200:
                return Response(r.content, status_code=r.status_code,
                                media_type="application/json")
            if r.json() is not True:
                return _error(403, "42501", "permission denied: write on project "
                              f"{args['project_id']}")

            settings.upload_dir.mkdir(parents=True, exist_ok=True)
            path = settings.upload_dir / f"{uuid.uuid4()}.part"
            part = None
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out:
                    part = _FilePart(out, settings.max_upload_bytes)
                    parser = MultipartParser(boundary, part.callbacks())
                    async for chunk in request.stream():
                        parser.write(chunk)
                    parser.finalize()
            except _TooLarge:
                path.unlink(missing_ok=True)
                return _error(413, "54000", f"the file is larger than the limit of "
                              f"{settings.max_upload_bytes} bytes")
            except Exception as exc:
                path.unlink(missing_ok=True)
                log.warning("upload failed: %s", type(exc).__name__)
                return _error(400, "22023", "the multipart body could not be read")
            if not part.found:
                path.unlink(missing_ok=True)
                return _error(400, "22023", "no part named file in the body")
            # Keep the extension: it tells the worker the format when format=auto.
            ext = Path(part.filename or "").suffix.lower()
            final = path.with_suffix(ext if SAFE_EXT.match(ext) else ".data")
            path.rename(final)

            async with pool.connection() as conn:
                cur = await conn.execute("SELECT workspace.register_ingest_upload(%s, %s, %s)",
                                         (str(final), part.size, part.filename))
                [upload_id] = await cur.fetchone()
                r = await api.post("/rpc/start_ingest", headers={
                    **headers, "Accept": "application/vnd.pgrst.object+json"}, json={
                    **args, "source_type": "upload", "source": {"upload_id": str(upload_id)}})
                if r.status_code != 200:
                    await conn.execute("SELECT workspace.forget_ingest_upload(%s)", (upload_id,))
                    final.unlink(missing_ok=True)
                    return Response(r.content, status_code=r.status_code,
                                    media_type="application/json")
        return Response(r.content, status_code=201, media_type="application/json")

    return [Route("/ingest/upload", upload, methods=["POST"])]
