"""Ingestion without a database: format detection, type inference, source URLs and the
refusal of private addresses."""

from __future__ import annotations

import io
import socket
from pathlib import Path

import httpx
import pytest

from neuronplane.ingest import IngestError, IngestSettings, sources
from neuronplane.ingest.formats import detect, text_type, value_type
from neuronplane.ingest.sources import (
    CountingReader,
    Opened,
    github_url,
    huggingface_url,
    open_source,
    pinned_request,
)


def _opened(data: bytes, name: str = "x") -> Opened:
    raw = CountingReader(file=io.BytesIO(data))
    return Opened(io.BufferedReader(raw), len(data), name, raw)


@pytest.mark.parametrize(("data", "name", "expected"), [
    (b"a,b\n1,2\n", "x.csv", "csv"),
    (b"anything", "x.PARQUET", "parquet"),
    (b"anything", "data.ndjson", "jsonl"),
    (b"PAR1\x00\x00", "blob", "parquet"),
    (b"\xef\xbb\xbf  [{\"a\": 1}]", "blob", "json"),
    (b"{\"a\": 1}\n", "blob", "jsonl"),
    (b"a;b\n", "blob", "csv"),
])
def test_detect(data, name, expected):
    assert detect(_opened(data, name), "auto") == expected
    assert detect(_opened(data, name), "csv") == "csv"  # asked for wins


@pytest.mark.parametrize(("values", "expected"), [
    (["1", "-2", ""], "bigint"),
    (["1", "2.5"], "double precision"),
    (["1e3", "nan"], "double precision"),
    (["true", "FALSE"], "boolean"),
    (["2024-01-02"], "date"),
    (["2024-01-02 03:04:05"], "timestamp"),
    (["2024-01-02T03:04:05Z", "2024-01-02T03:04:05+02:00"], "timestamptz"),
    (["1", "x"], "text"),
    (["99999999999999999999", "1"], "numeric"),  # beyond bigint: exact, not a double
    (["3.14159265358979323846"], "numeric"),
    ([""], "text"),
])
def test_text_type(values, expected):
    assert text_type(values) == expected


@pytest.mark.parametrize(("values", "expected"), [
    ([1, None, 2], "bigint"),
    ([1, 2.5], "double precision"),
    ([True, False], "boolean"),
    ([2**70], "numeric"),
    ([{"a": 1}], "jsonb"),
    ([[1, 2], None], "jsonb"),
    (["a", 1], "text"),
    ([None], "text"),
])
def test_value_type(values, expected):
    assert value_type(values) == expected


def test_source_urls_follow_the_hosts_layouts():
    assert github_url("https://gh", "o/r", "a b/c.csv", "v1") == "https://gh/o/r/v1/a%20b/c.csv"
    assert huggingface_url("https://hf", "org/ds", "train/x.parquet") == \
        "https://hf/datasets/org/ds/resolve/main/train/x.parquet"


def test_private_addresses_are_refused_unless_allowed(tmp_path: Path):
    settings = IngestSettings(upload_dir=tmp_path, max_upload_bytes=1, github_raw_url="",
                              huggingface_url="", allow_private_hosts=False, poll_seconds=1,
                              heartbeat_seconds=1)
    job = {"source_type": "url", "source": {"url": "http://127.0.0.1:9/x.csv"}}
    with pytest.raises(IngestError, match="private address"):
        open_source(job, settings, lambda n: None)
    job = {"source_type": "s3", "source": {"bucket": "b", "key": "k",
                                           "endpoint_url": "http://10.1.2.3:9000"}}
    with pytest.raises(IngestError, match="private address"):
        open_source(job, settings, lambda n: None)


def _resolver(table: dict[str, list[str]], calls: list[str]):
    """A getaddrinfo answering from table (each lookup pops the next answer)."""
    def getaddrinfo(host, port, *args, **kwargs):
        calls.append(host)
        answers = table[host]
        address = answers.pop(0) if len(answers) > 1 else answers[0]
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, port))]
    return getaddrinfo


def _public_settings(tmp_path: Path) -> IngestSettings:
    return IngestSettings(upload_dir=tmp_path, max_upload_bytes=1, github_raw_url="",
                          huggingface_url="", allow_private_hosts=False, poll_seconds=1,
                          heartbeat_seconds=1)


def test_a_request_goes_to_the_address_that_was_checked(tmp_path: Path, monkeypatch):
    # DNS rebinding: the first lookup answers a public address, a second one would answer
    # a private one. The request is pinned to the checked address; no second lookup.
    calls: list[str] = []
    monkeypatch.setattr(socket, "getaddrinfo",
                        _resolver({"data.example": ["93.184.215.14", "127.0.0.1"]}, calls))
    with httpx.Client() as client:
        request = pinned_request(client, "https://user:p%40ss@data.example/d/x.csv?v=1",
                                 _public_settings(tmp_path), {})
    assert calls == ["data.example"]
    assert str(request.url) == "https://93.184.215.14/d/x.csv?v=1"
    assert request.headers["Host"] == "data.example"
    assert request.extensions["sni_hostname"] == "data.example"
    assert request.headers["Authorization"] == "Basic dXNlcjpwQHNz"  # user:p@ss


def test_redirects_are_checked_and_credentials_stay_with_their_origin(tmp_path: Path,
                                                                       monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(socket, "getaddrinfo", _resolver(
        {"a.example": ["93.184.215.14"], "b.example": ["93.184.215.15"],
         "inside.example": ["10.0.0.5"]}, calls))
    seen: list[tuple[str, str, str | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.host, request.headers["Host"],
                     request.headers.get("Authorization")))
        if request.headers["Host"] == "a.example":
            return httpx.Response(302, headers={"Location": "http://b.example/next.csv"})
        if request.url.path == "/next.csv":
            return httpx.Response(307, headers={"Location": "http://inside.example/secret"})
        return httpx.Response(200, content=b"never")

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(IngestError, match=r"inside\.example resolves to a private address"):
            sources._get(client, "http://a.example/start.csv", _public_settings(tmp_path),
                         {"Authorization": "Bearer t0ken"})
    assert seen == [("93.184.215.14", "a.example", "Bearer t0ken"),
                    ("93.184.215.15", "b.example", None)]


def test_only_http_urls_are_fetched(tmp_path: Path):
    with httpx.Client() as client, pytest.raises(IngestError, match="only http and https"):
        pinned_request(client, "file:///etc/passwd", _public_settings(tmp_path), {})


class _ObjectServer:
    """A loopback HTTP server answering every GET with one body, as S3's GetObject would."""

    def __init__(self, body: bytes) -> None:
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.server.hosts.append(self.headers["Host"])
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.hosts = []
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_s3_endpoint_is_reached_at_the_address_that_was_checked(tmp_path: Path, monkeypatch):
    # DNS rebinding against the S3 source: s3.example first resolves to a public address
    # (the check passes), then to 127.0.0.1, where an internal service listens. The object
    # must come from the checked address (played by a second loopback server that the
    # public address is routed to), and the name must be resolved once.
    inside, outside = _ObjectServer(b"internal secret"), _ObjectServer(b"a,b\n1,2\n")
    public = "93.184.215.14"
    calls: list[str] = []
    resolve = _resolver({"s3.example": [public, "127.0.0.1"]}, calls)
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k:
                        socket_getaddrinfo(host, *a, **k) if host[0].isdigit()
                        else resolve(host, *a, **k))
    connect = socket.create_connection

    def create_connection(address, *args, **kwargs):
        host = address[0]
        return connect(("127.0.0.1", outside.port) if host == public else address,
                       *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    job = {"source_type": "s3",
           "source": {"bucket": "b", "key": "d.csv",
                      "endpoint_url": f"http://s3.example:{inside.port}"},
           "credentials": {"access_key_id": "AKIDTEST", "secret_access_key": "s"}}
    try:
        opened = open_source(job, _public_settings(tmp_path), lambda n: None)
        try:
            data = opened.stream.read()
        finally:
            opened.close()
    finally:
        inside.close()
        outside.close()
    assert data == b"a,b\n1,2\n"
    assert inside.httpd.hosts == []
    assert outside.httpd.hosts == [f"s3.example:{inside.port}"]
    assert calls == ["s3.example"]


socket_getaddrinfo = socket.getaddrinfo
