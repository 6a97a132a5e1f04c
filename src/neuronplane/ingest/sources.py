"""Where a job's bytes come from: an uploaded file, HTTP(S), S3, GitHub, Hugging Face.

Every source is opened as a stream read in chunks; nothing holds a whole file in memory.
"""

from __future__ import annotations

import base64
import io
import ipaddress
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

import httpx

from . import IngestError, IngestSettings

CHUNK = 1 << 20


class CountingReader(io.RawIOBase):
    """A raw stream over an iterator of byte chunks (or a file), counting bytes read and
    checking for cancellation between chunks."""

    def __init__(self, chunks: Iterator[bytes] | None = None, file: BinaryIO | None = None,
                 on_read: Callable[[int], None] | None = None) -> None:
        self._chunks, self._file, self._on_read = chunks, file, on_read
        self._pending = b""
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = len(buffer)
        if self._file is not None:
            data = self._file.read(size)
        else:
            data = self._pending
            while not data:
                try:
                    data = next(self._chunks)  # type: ignore[arg-type]
                except StopIteration:
                    break
            data, self._pending = data[:size], data[size:]
        n = len(data)
        buffer[:n] = data
        self.count += n
        if self._on_read is not None:
            self._on_read(self.count)
        return n


@dataclass
class Opened:
    """An open source: a buffered binary stream, its size when known, and the name whose
    extension hints at the format."""

    stream: io.BufferedReader
    size: int | None
    name: str
    raw: CountingReader
    _close: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        for fn in reversed(self._close):
            try:
                fn()
            except Exception:  # noqa: S110 (closing what may already be closed)
                pass


MAX_REDIRECTS = 5
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


def _allowed_address(host: str, port: int, settings: IngestSettings) -> str:
    """Resolve host once and return the address to connect to. Unless private hosts are
    allowed, every address the name resolves to must be public: a job must not make the
    worker read internal services. The caller connects to this very address, so a second
    lookup answering differently (DNS rebinding) changes nothing."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise IngestError(f"cannot resolve {host}: {exc.strerror or exc}") from None
    if not infos:
        raise IngestError(f"cannot resolve {host}")
    if not settings.allow_private_hosts:
        for info in infos:
            addr = ipaddress.ip_address(info[4][0])
            if addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved:
                raise IngestError(f"{host} resolves to a private address ({addr}); refused "
                                  "(NEURONPLANE_INGEST_ALLOW_PRIVATE_HOSTS=1 allows it)")
    return str(infos[0][4][0])


def pinned_request(client: httpx.Client, url: str, settings: IngestSettings,
                   headers: dict[str, str], method: str = "GET",
                   content: bytes | None = None,
                   resolve: Callable[[str, int], str] | None = None) -> httpx.Request:
    """A request (GET unless told) of url sent to the address its host was checked at: the
    URL names that address, Host names the host, and for https the TLS server name (SNI and
    certificate check) is the host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise IngestError(f"only http and https URLs can be fetched, not {parts.scheme!r}")
    host = parts.hostname
    if not host:
        raise IngestError(f"source URL has no host: {_safe(url)}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = (resolve or (lambda h, p: _allowed_address(h, p, settings)))(host, port)
    literal = f"[{address}]" if ":" in address else address
    target = urlunsplit((parts.scheme, f"{literal}:{port}", parts.path or "/", parts.query, ""))
    named = f"[{host}]" if ":" in host else host
    # The port only when it is not the scheme's own, as HTTP clients (and AWS signatures,
    # which sign Host) write it.
    default = parts.port is None or parts.port == (443 if parts.scheme == "https" else 80)
    request_headers = {"Host": named if default else f"{named}:{parts.port}",
                       **{k: v for k, v in headers.items() if k.lower() != "host"}}
    if parts.username is not None and "Authorization" not in headers:
        pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        request_headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    return client.build_request(method, target, headers=request_headers, content=content,
                                extensions=extensions)


def _origin(url: str) -> tuple[str, str | None, int | None]:
    parts = urlsplit(url)
    return parts.scheme, parts.hostname, parts.port


def _get(client: httpx.Client, url: str, settings: IngestSettings,
         headers: dict[str, str]) -> httpx.Response:
    """GET url (streamed), following redirects by hand so that every hop is checked and
    pinned; credentials are not sent on to another origin."""
    for _ in range(MAX_REDIRECTS + 1):
        response = client.send(pinned_request(client, url, settings, headers), stream=True)
        location = response.headers.get("location")
        if response.status_code not in REDIRECT_STATUSES or not location:
            return response
        response.close()
        following = urljoin(url, location)
        if _origin(following) != _origin(url):
            headers = {k: v for k, v in headers.items() if k.lower() != "authorization"}
        url = following
    raise IngestError(f"more than {MAX_REDIRECTS} redirects from {_safe(url)}")


def _http(url: str, settings: IngestSettings, on_read: Callable[[int], None],
          headers: dict[str, str] | None = None) -> Opened:
    client = httpx.Client(follow_redirects=False, timeout=httpx.Timeout(30.0, read=120.0))
    try:
        response = _get(client, url, settings, headers or {})
    except httpx.HTTPError as exc:
        client.close()
        raise IngestError(f"cannot fetch {_safe(url)}: {type(exc).__name__}: {exc}") from None
    except IngestError:
        client.close()
        raise
    if response.status_code != 200:
        response.close()
        client.close()
        raise IngestError(f"fetching {_safe(url)} answered HTTP {response.status_code}")
    size = response.headers.get("content-length")
    raw = CountingReader(chunks=response.iter_bytes(CHUNK), on_read=on_read)
    return Opened(io.BufferedReader(raw, CHUNK), int(size) if size and size.isdigit() else None,
                  urlsplit(url).path, raw, [client.close, response.close])


def _safe(url: str) -> str:
    """A URL without its query string and user info, for messages."""
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}{parts.path}"


def huggingface_url(base: str, dataset: str, path: str, revision: str = "main") -> str:
    """The download URL of a file of a Hugging Face dataset repository (the hub's
    /resolve/ layout)."""
    return (f"{base}/datasets/{quote(dataset, safe='/')}/resolve/"
            f"{quote(revision, safe='')}/{quote(path, safe='/')}")


def github_url(base: str, repo: str, path: str, ref: str = "main") -> str:
    """The raw download URL of a file in a GitHub repository."""
    return f"{base}/{quote(repo, safe='/')}/{quote(ref, safe='/')}/{quote(path, safe='/')}"


def _hf_split_file(settings: IngestSettings, source: dict[str, Any],
                   headers: dict[str, str]) -> str:
    """The one Parquet file of a split, from the hub's Parquet listing; more than one is
    refused (name a file with source.path)."""
    url = (f"{settings.huggingface_url}/api/datasets/{quote(source['dataset'], safe='/')}"
           f"/parquet/default/{quote(source['split'], safe='')}")
    with httpx.Client(follow_redirects=False, timeout=30) as client:
        try:
            answer = _get(client, url, settings, headers)
            try:
                if answer.status_code != 200:
                    raise IngestError(f"listing split {source['split']!r} answered HTTP "
                                      f"{answer.status_code}")
                answer.read()
            finally:
                answer.close()
        except httpx.HTTPError as exc:
            raise IngestError(f"cannot list the split: {type(exc).__name__}") from None
    try:
        files = answer.json()
    except ValueError:
        raise IngestError(f"listing split {source['split']!r} did not answer JSON") from None
    if not isinstance(files, list) or len(files) != 1 or not isinstance(files[0], str):
        count = len(files) if isinstance(files, list) else "no"
        raise IngestError(f"split {source['split']!r} has {count} files; name one with "
                          "source.path")
    return files[0]


def open_source(job: dict[str, Any], settings: IngestSettings,
                on_read: Callable[[int], None]) -> Opened:
    """Open the job's source for streaming."""
    kind, source = job["source_type"], job["source"]
    creds = job.get("credentials") or {}
    token_headers = {"Authorization": f"Bearer {creds['token']}"} if creds.get("token") else {}
    if kind == "upload":
        path = job.get("upload_path")
        if not path:
            raise IngestError("the uploaded file is gone (was the job started twice?)")
        try:
            f = open(path, "rb")
        except OSError as exc:
            raise IngestError(f"cannot read the uploaded file: {exc.strerror}") from None
        raw = CountingReader(file=f, on_read=on_read)
        size = _file_size(f)
        return Opened(io.BufferedReader(raw, CHUNK), size, source.get("filename") or path,
                      raw, [f.close])
    if kind == "url":
        return _http(source["url"], settings, on_read, token_headers)
    if kind == "github":
        url = github_url(settings.github_raw_url, source["repo"], source["path"],
                         source.get("ref", "main"))
        headers = {"Authorization": f"token {creds['token']}"} if creds.get("token") else {}
        return _http(url, settings, on_read, headers)
    if kind == "huggingface":
        path = source.get("path")
        if path:
            url = huggingface_url(settings.huggingface_url, source["dataset"], path,
                                  source.get("revision", "main"))
        else:
            url = _hf_split_file(settings, source, token_headers)
        return _http(url, settings, on_read, token_headers)
    if kind == "s3":
        return _s3(source, creds, settings, on_read)
    raise IngestError(f"unknown source type {kind}")


def _file_size(f: BinaryIO) -> int | None:
    try:
        import os
        return os.fstat(f.fileno()).st_size
    except OSError:
        return None


_boto_lock = threading.Lock()


class _RawBody:
    """An httpx response body as botocore reads a raw urllib3 body: read(amt), stream()."""

    def __init__(self, response: httpx.Response) -> None:
        self._response = response
        self._chunks = response.iter_raw(CHUNK)
        self._buffer = b""

    def read(self, amt: int | None = None) -> bytes:
        while amt is None or len(self._buffer) < amt:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        if amt is None:
            data, self._buffer = self._buffer, b""
        else:
            data, self._buffer = self._buffer[:amt], self._buffer[amt:]
        return data

    def stream(self, amt: int = CHUNK, decode_content: bool | None = None) -> Iterator[bytes]:
        while data := self.read(amt):
            yield data

    def close(self) -> None:
        self._response.close()


class _Pins:
    """Each host resolved and checked once (_allowed_address), then always that address."""

    def __init__(self, settings: IngestSettings) -> None:
        self.settings = settings
        self.addresses: dict[tuple[str, int], str] = {}

    def __call__(self, host: str, port: int) -> str:
        if (host, port) not in self.addresses:
            self.addresses[host, port] = _allowed_address(host, port, self.settings)
        return self.addresses[host, port]


def _pinned_s3_sender(client: httpx.Client, settings: IngestSettings,
                      pins: _Pins) -> Callable[..., Any]:
    """A botocore before-send handler that sends each request itself, to the address its
    host was checked at (pinned_request), as the URL source does. Left to botocore, urllib3
    would resolve the endpoint's name again when connecting, and a DNS answer changed since
    the check (rebinding) would reach a private address. Redirects botocore follows come
    back through here and are checked in turn."""
    from botocore.awsrequest import AWSResponse
    from botocore.exceptions import HTTPClientError

    def send(request: Any, **_: Any) -> Any:
        body = request.body
        if hasattr(body, "read"):
            body = body.read()
        try:
            pinned = pinned_request(client, request.url, settings, dict(request.headers.items()),
                                    method=request.method, content=body or None,
                                    resolve=pins)
            response = client.send(pinned, stream=True)
        except httpx.HTTPError as exc:
            raise HTTPClientError(error=f"{type(exc).__name__}: {exc}") from None
        return AWSResponse(request.url, response.status_code, response.headers,
                           _RawBody(response))
    return send


def _s3(source: dict[str, Any], creds: dict[str, str], settings: IngestSettings,
        on_read: Callable[[int], None]) -> Opened:
    import boto3
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError, ClientError

    endpoint = source.get("endpoint_url")
    pins = _Pins(settings)
    if endpoint:  # refused here, before any request, if private; pinned for every request
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise IngestError(f"endpoint_url must be an http or https URL with a host: "
                              f"{_safe(endpoint)}")
        pins(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    with _boto_lock:  # boto3's default session is not thread-safe
        session = boto3.session.Session(
            aws_access_key_id=creds.get("access_key_id"),
            aws_secret_access_key=creds.get("secret_access_key"),
            aws_session_token=creds.get("session_token"),
            region_name=source.get("region") or "us-east-1")
    client = session.client("s3", endpoint_url=endpoint,
                            config=Config(retries={"max_attempts": 3}))
    http = httpx.Client(follow_redirects=False, timeout=httpx.Timeout(30.0, read=120.0))
    client.meta.events.register("before-send.s3", _pinned_s3_sender(http, settings, pins))
    try:
        obj = client.get_object(Bucket=source["bucket"], Key=source["key"])
    except ClientError as exc:
        http.close()
        code = exc.response.get("Error", {}).get("Code", "error")
        raise IngestError(f"S3 s3://{source['bucket']}/{source['key']}: {code}") from None
    except BotoCoreError as exc:
        http.close()
        raise IngestError(f"S3 s3://{source['bucket']}/{source['key']}: "
                          f"{type(exc).__name__}") from None
    except IngestError:
        http.close()
        raise
    body = obj["Body"]
    raw = CountingReader(chunks=body.iter_chunks(CHUNK), on_read=on_read)
    return Opened(io.BufferedReader(raw, CHUNK), obj.get("ContentLength"), source["key"], raw,
                  [body.close, http.close])
