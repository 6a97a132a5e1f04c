"""The ingestion CLI's HTTP: a 429 is waited out as its Retry-After says (the API key's
rate limit), polling slows down after one, and without a terminal progress is plain lines."""

from __future__ import annotations

import email.utils
import io

import httpx
import pytest
from rich.console import Console

from neuronplane.ingest import client
from neuronplane.ingest.client import Http, retry_after

JOB = {"id": "j1", "status": "running", "phase": "load", "rows_done": 10, "rows_total": None,
       "bytes_done": 2_000_000, "bytes_total": 4_000_000}


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after("7", 0) == 7.0
    date = email.utils.formatdate(1_000_030, usegmt=True)
    assert retry_after(date, 0, now=1_000_000) == pytest.approx(30.0)
    assert [retry_after(None, n) for n in (0, 1, 2, 10)] == [1.0, 2.0, 4.0, 30.0]


def _http(answers: list[httpx.Response]) -> tuple[Http, list[float], list[str]]:
    sleeps: list[float] = []
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return answers.pop(0)

    return Http(transport=httpx.MockTransport(handler), sleep=sleeps.append), sleeps, seen


def test_a_429_is_waited_out_and_the_request_sent_again(monkeypatch):
    monkeypatch.setenv("NEURONPLANE_API_KEY", "npk_test")
    http, sleeps, seen = _http([
        httpx.Response(429, headers={"Retry-After": "3"}, json={"message": "slow down"}),
        httpx.Response(429, json={"message": "slow down"}),
        httpx.Response(200, json=[JOB])])
    assert client.job("http://api", "j1", http)["status"] == "running"
    assert sleeps == [3.0, 2.0] and http.limited == 2 and len(seen) == 3


def test_an_upload_retried_after_429_sends_the_whole_file_again(tmp_path, monkeypatch):
    monkeypatch.setenv("NEURONPLANE_API_KEY", "npk_test")
    data = tmp_path / "d.csv"
    data.write_bytes(b"a\n1\n")
    bodies: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(request.read())
        if len(bodies) == 1:
            return httpx.Response(429, headers={"Retry-After": "1"})
        return httpx.Response(201, json={"id": "j1"})

    http = Http(transport=httpx.MockTransport(handler), sleep=lambda s: None)
    job = client.start("http://api", "http://glue", str(data), "p", None, "auto", None, "fail",
                       http)
    assert job == {"id": "j1"}
    assert len(bodies) == 2 and all(b"a\n1\n" in b for b in bodies)


def test_following_a_job_through_429s_slows_polling_and_prints_plain_lines(monkeypatch):
    monkeypatch.setenv("NEURONPLANE_API_KEY", "npk_test")
    polls: list[float] = []
    monkeypatch.setattr(client.time, "sleep", polls.append)
    http, _, _ = _http([
        httpx.Response(200, json=[JOB]),
        httpx.Response(429, headers={"Retry-After": "1"}),
        httpx.Response(200, json=[{**JOB, "rows_done": 20}]),
        httpx.Response(200, json=[{**JOB, "status": "succeeded", "rows_done": 30}])])
    out = io.StringIO()
    console = Console(file=out, force_terminal=False, width=200)
    done = client.follow("http://api", "j1", console, interval=0.5, plain_every=0, client=http)
    assert done["status"] == "succeeded"
    assert polls == [0.5, 1.0]  # doubled after the 429
    lines = out.getvalue().splitlines()
    assert lines == ["load: 2.0 MB of 4.0 MB, 10 rows", "load: 2.0 MB of 4.0 MB, 20 rows",
                     "succeeded: 2.0 MB of 4.0 MB, 30 rows"]
