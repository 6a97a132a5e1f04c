"""`neuronplane up --observability` end to end: the stack with prometheus-postgres-exporter
and Prometheus, tracing on and exporting to an OTLP/HTTP receiver run here. Traffic goes
through (logins, a failed one, refreshes, a reuse, API-key 429s, an OIDC start and failure,
an upload and its ingestion); then, through Prometheus' HTTP API, every dashboard panel's
queries and every alert expression are evaluated: each parses, and every panel returns data.
The upload carries a traceparent: spans of that trace come from the glue and the worker,
and the audit events of the request and of its job carry its trace id."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
import yaml
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)

from ..conftest import ROOT, run_cli, stack_home
from ..conftest import stack_psql as psql

pytestmark = pytest.mark.e2e

PASSWORD = "observability correct horse 42"
DASHBOARDS = ROOT / "observability" / "grafana" / "dashboards"
ALERTS = ROOT / "observability" / "prometheus" / "alerts.yml"
TRACE_ID = uuid.uuid4().hex
TRACEPARENT = f"00-{TRACE_ID}-{uuid.uuid4().hex[:16]}-01"


class Receiver:
    """An OTLP/HTTP trace receiver: keeps (service.name, trace id, span name) of each span."""

    def __init__(self) -> None:
        self.spans: list[tuple[str, str, str]] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                request = ExportTraceServiceRequest.FromString(body)
                with receiver.lock:
                    for resource_spans in request.resource_spans:
                        service = next((a.value.string_value for a in
                                        resource_spans.resource.attributes
                                        if a.key == "service.name"), "")
                        for scope in resource_spans.scope_spans:
                            for span in scope.spans:
                                receiver.spans.append((service, span.trace_id.hex(), span.name))
                answer = ExportTraceServiceResponse().SerializeToString()
                self.send_response(200)
                self.send_header("Content-Type", "application/x-protobuf")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def of_trace(self, trace_id: str) -> set[tuple[str, str]]:
        with self.lock:
            return {(service, name) for service, tid, name in self.spans if tid == trace_id}

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    try:
        yield r
    finally:
        r.close()


@pytest.fixture(scope="module")
def stack(receiver) -> Iterator[dict[str, str]]:
    with stack_home() as env:
        env.update({
            "NEURONPLANE_SCRAPE_INTERVAL": "1s",
            "NEURONPLANE_INGEST_POLL_SECONDS": "0.3",
            "ENABLE_TRACING": "true",
            "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url,
            "OTEL_BSP_SCHEDULE_DELAY": "200",
        })
        out = run_cli("up", "--observability", env=env).stdout
        assert "Prometheus" in out and "postgres exporter" in out, out
        yield env


def urls(env: dict[str, str]) -> dict[str, str]:
    return {name: f"http://127.0.0.1:{env[var]}" for name, var in (
        ("api", "NEURONPLANE_API_PORT"), ("glue", "NEURONPLANE_GLUE_PORT"),
        ("worker", "NEURONPLANE_WORKER_METRICS_PORT"), ("exporter", "NEURONPLANE_EXPORTER_PORT"),
        ("prometheus", "NEURONPLANE_PROMETHEUS_PORT"))}


def query(prometheus: str, expr: str) -> dict:
    r = httpx.get(f"{prometheus}/api/v1/query", params={"query": expr}, timeout=10)
    body = r.json()
    assert r.status_code == 200 and body["status"] == "success", (expr, body)
    return body["data"]


def drive_traffic(env: dict[str, str]) -> dict[str, object]:
    """Every kind of traffic the dashboards show; returns what the assertions need."""
    u = urls(env)
    api, glue = u["api"], u["glue"]
    binary = Path(sys.executable).parent / "neuronplane"
    created = subprocess.run([str(binary), "admin", "create-user", "olga", "--platform-admin"],
                             env=env, input=PASSWORD + "\n", text=True, capture_output=True,
                             timeout=120)
    assert created.returncode == 0, created.stdout + created.stderr

    def login(password: str = PASSWORD) -> httpx.Response:
        return httpx.post(f"{api}/rpc/login",
                          json={"username_or_email": "olga", "password": password})

    assert login("not the password at all").status_code in (400, 401)
    first = login()
    assert first.status_code == 200, first.text
    tokens = first.json()
    second = httpx.post(f"{api}/rpc/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert second.status_code == 200, second.text
    third = httpx.post(f"{api}/rpc/refresh",
                       json={"refresh_token": second.json()["refresh_token"]})
    assert third.status_code == 200, third.text
    # The first token again, its successor spent: reuse, the session is revoked.
    reused = httpx.post(f"{api}/rpc/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert reused.status_code == 401 and "already used" in reused.json()["message"]

    auth = {"Authorization": f"Bearer {login().json()['access_token']}"}
    key = httpx.post(f"{api}/rpc/create_api_key", headers=auth,
                     json={"name": "observed", "rate_limit_per_min": 1})
    assert key.status_code == 200, key.text
    statuses = [httpx.get(f"{api}/projects", headers={"X-API-Key": key.json()["api_key"]}
                          ).status_code for _ in range(4)]
    assert 429 in statuses, statuses

    # The glue: a refresh without cookie, an unknown provider, one that starts.
    assert httpx.post(f"{glue}/auth/refresh").status_code == 401
    assert httpx.get(f"{glue}/auth/oidc/nobody/login",
                     params={"redirect_to": "http://127.0.0.1/"}).status_code == 404
    psql(env, "SELECT auth.save_oidc_provider('observed', 'http://127.0.0.1:9/', 'client', NULL,"
              " 'http://127.0.0.1:9/authorize', 'http://127.0.0.1:9/token',"
              f" 'http://127.0.0.1:9/jwks', '{glue}/auth/oidc/observed/callback',"
              " ARRAY['http://127.0.0.1/after'])")
    started = httpx.get(f"{glue}/auth/oidc/observed/login",
                        params={"redirect_to": "http://127.0.0.1/after"})
    assert started.status_code == 302, started.text
    assert httpx.get(f"{glue}/auth/oidc/observed/callback",
                     params={"state": "forged", "code": "x"}).status_code in (400, 401, 403)

    project = httpx.post(f"{api}/rpc/create_project", headers=auth, json={"name": "observed"})
    assert project.status_code == 200, project.text
    upload = httpx.post(f"{glue}/ingest/upload", headers={**auth, "traceparent": TRACEPARENT},
                        params={"project_id": project.json()["id"], "dataset_name": "zips"},
                        files={"file": ("zips.csv", b"zip,city\n10001,New York\n94105,SF\n")},
                        timeout=60)
    assert upload.status_code in (200, 201), upload.text
    job_id = upload.json()["id"]
    deadline = time.monotonic() + 60
    while True:
        [job] = httpx.get(f"{api}/ingest_jobs", headers=auth,
                          params={"id": f"eq.{job_id}"}).json()
        if job["status"] in ("succeeded", "failed", "cancelled"):
            break
        assert time.monotonic() < deadline, job
        time.sleep(0.2)
    assert job["status"] == "succeeded", job
    run_cli("audit-verify", env=env)
    return {"job_id": job_id}


@pytest.fixture(scope="module")
def traffic(stack) -> dict[str, object]:
    return drive_traffic(stack)


def test_targets_are_scraped_and_metrics_pass_promtool(stack, traffic):
    u = urls(stack)
    deadline = time.monotonic() + 30
    while True:
        targets = httpx.get(f"{u['prometheus']}/api/v1/targets").json()["data"]["activeTargets"]
        health = {t["labels"]["job"]: t["health"] for t in targets}
        if set(health.values()) == {"up"} or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert health == {"neuronplane-glue": "up", "neuronplane-worker": "up",
                      "neuronplane-postgres": "up", "prometheus": "up"}, targets
    for name in ("glue", "worker"):
        body = httpx.get(f"{u[name]}/metrics").content
        out = subprocess.run(["promtool", "check", "metrics"], input=body, capture_output=True)
        assert out.returncode == 0, (name, out.stdout, out.stderr)
    exported = httpx.get(f"{u['exporter']}/metrics").text
    ours = "\n".join(line for line in exported.splitlines()
                     if "neuronplane_" in line.split(" ")[0 if line[0] != "#" else 2]) + "\n"
    out = subprocess.run(["promtool", "check", "metrics"], input=ours.encode(),
                         capture_output=True)
    assert out.returncode == 0, (out.stdout, out.stderr)


def test_every_dashboard_panel_returns_data_and_every_alert_parses(stack, traffic):
    prometheus = urls(stack)["prometheus"]
    # Until two scrapes after the traffic have been taken (rates need two samples).
    time.sleep(3)
    empty = []
    for path in sorted(DASHBOARDS.glob("*.json")):
        for panel in json.loads(path.read_text())["panels"]:
            results = [query(prometheus, t["expr"].replace("$__rate_interval", "1m"))["result"]
                       for t in panel["targets"]]
            if not any(results):
                empty.append(f"{path.stem}: {panel['title']}")
    assert not empty, f"panels without data: {empty}"

    rules = [rule for group in yaml.safe_load(ALERTS.read_text())["groups"]
             for rule in group["rules"]]
    for rule in rules:
        query(prometheus, rule["expr"])
    # Prometheus loaded them all, and with this traffic the security alerts fire: a spent
    # refresh token came back.
    loaded = httpx.get(f"{prometheus}/api/v1/rules").json()["data"]["groups"]
    assert sum(len(g["rules"]) for g in loaded) == len(rules)
    value = query(prometheus, 'sum(neuronplane_security_events_last_5m'
                              '{action="auth.refresh.reused"})')["result"]
    assert float(value[0]["value"][1]) >= 1
    value = query(prometheus, 'sum(neuronplane_security_events_last_5m'
                              '{action="api_key.rate_limited"})')["result"]
    assert float(value[0]["value"][1]) >= 1
    value = query(prometheus, "max(neuronplane_audit_verification_ok)")["result"]
    assert value[0]["value"][1] == "1"
    value = query(prometheus, 'sum(neuronplane_ingest_jobs_total{outcome="succeeded"})')
    assert float(value["result"][0]["value"][1]) >= 1


def test_a_traceparent_leads_through_glue_worker_and_audit(stack, traffic, receiver):
    deadline = time.monotonic() + 20
    while True:
        spans = receiver.of_trace(TRACE_ID)
        services = {service for service, _ in spans}
        if {"neuronplane-glue", "neuronplane-worker"} <= services or \
                time.monotonic() > deadline:
            break
        time.sleep(0.2)
    names = {name for _, name in spans}
    assert {"neuronplane-glue", "neuronplane-worker"} <= services, spans
    assert {"ingest.job", "ingest.load", "ingest.publish"} <= names, spans
    # The glue's server span is named by route template; its call to PostgREST is a span too.
    assert ("neuronplane-glue", "POST /ingest/upload") in spans, spans
    assert any(name.startswith("POST") and name != "POST /ingest/upload"
               for service, name in spans if service == "neuronplane-glue"), spans
    # A database call of the worker is a span of the same trace.
    assert len([n for s, n in spans if s == "neuronplane-worker"]) > 3, spans

    rows = psql(stack, "SELECT action || '=' || coalesce(details->>'trace_id', '')"
                       " FROM audit.events"
                       f" WHERE details->>'job_id' = '{traffic['job_id']}' ORDER BY id")
    events = dict(line.split("=") for line in rows.splitlines())
    assert events.get("workspace.ingest.started") == TRACE_ID, rows
    assert events.get("workspace.ingest.succeeded") == TRACE_ID, rows
    # Events of untraced requests carry none.
    assert psql(stack, "SELECT count(*) FROM audit.events WHERE action = 'auth.login.failed'"
                       " AND details ? 'trace_id'") == "0"
