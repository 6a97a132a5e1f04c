"""The entry point's request guards (nginx/guard.js, nginx/routes.conf) in front of a real
PostgREST: what PostgREST 12.0.2 would answer with a 500 or a closed connection gets a 4xx
with a message, and ordinary requests still pass, with PostgREST's answers intact."""

from __future__ import annotations

import json
import time

import httpx
import pytest

pytestmark = pytest.mark.e2e


def test_a_header_or_query_that_is_not_utf8_is_refused_with_400(entry):
    r = httpx.get(f"{entry.url}/rest/rpc/health", headers={"X-Note": b"caf\xe9"}, timeout=10)
    assert r.status_code == 400
    assert r.json()["message"] == "a request header or the address is not valid UTF-8"
    r = httpx.get(f"{entry.url}/rest/organizations?name=eq.caf%E9", timeout=10)
    assert r.status_code == 400
    ok = httpx.get(f"{entry.url}/rest/rpc/health", headers={"X-Note": "café".encode()},
                   timeout=10)
    assert ok.status_code == 200, ok.text


def test_an_oversized_header_line_gets_431(entry):
    r = httpx.get(f"{entry.url}/rest/projects",
                  headers={"Authorization": "Bearer " + "a" * 100_000}, timeout=10)
    assert r.status_code == 431
    assert "longer than 16 KB" in r.json()["message"]


def test_a_json_body_with_too_many_members_gets_413_at_once(entry):
    body = json.dumps({f"k{i}": i for i in range(20_000)})
    started = time.monotonic()
    r = httpx.post(f"{entry.url}/rest/rpc/login", content=body,
                   headers={"Content-Type": "application/json"}, timeout=30)
    assert r.status_code == 413, r.text
    assert "more than 64 members" in r.json()["message"]
    assert time.monotonic() - started < 5
    nested = json.dumps([{"a": {f"k{i}": i for i in range(65)}}])
    r = httpx.post(f"{entry.url}/rest/rpc/login", content=nested,
                   headers={"Content-Type": "application/json"}, timeout=30)
    assert r.status_code == 413


def test_a_body_over_the_limit_gets_413_with_a_message(entry):
    r = httpx.post(f"{entry.url}/rest/rpc/login", content=b"x" * (2 << 20),
                   headers={"Content-Type": "application/json"}, timeout=30)
    assert r.status_code == 413
    assert "larger than this route takes" in r.json()["message"]


def test_writes_still_reach_postgrest_with_its_answer(entry):
    r = httpx.post(f"{entry.url}/rest/rpc/login",
                   json={"username_or_email": "nobody-here", "password": "wrong"}, timeout=30)
    assert r.status_code == 401
    assert r.json()["code"] == "28P01"
    assert r.headers["Content-Type"].startswith("application/json")
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    # A query string and a PostgREST error from the function's arguments pass through too.
    r = httpx.post(f"{entry.url}/rest/rpc/login?select=x", json={"nope": 1}, timeout=30)
    assert r.status_code == 404
    assert r.json()["code"] == "PGRST202"
