"""The observability files checked by Prometheus' own tool: the configuration, the alert
rules and their unit tests (every alert made to fire and to stay silent), the metrics the
glue and the worker expose, and the runbook behind every alert."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
import yaml
from prometheus_client import generate_latest

from neuronplane import metrics, observability
from neuronplane.glue import create_app

ROOT = Path(__file__).resolve().parents[2]
PROM = ROOT / "observability" / "prometheus"
DASHBOARDS = ROOT / "observability" / "grafana" / "dashboards"


@pytest.fixture
def anyio_backend():
    return "asyncio"


def promtool(*args: str, stdin: bytes | None = None, cwd: Path = PROM,
             ) -> subprocess.CompletedProcess[str]:
    assert shutil.which("promtool"), "promtool (Debian package prometheus) is not installed"
    result = subprocess.run(["promtool", *args], cwd=cwd, input=stdin, capture_output=True,
                            timeout=120)
    return subprocess.CompletedProcess(result.args, result.returncode,
                                       result.stdout.decode(), result.stderr.decode())


def alert_rules() -> list[dict]:
    groups = yaml.safe_load((PROM / "alerts.yml").read_text())["groups"]
    return [rule for group in groups for rule in group["rules"] if "alert" in rule]


def test_promtool_accepts_the_configuration_and_rules():
    for args in (("check", "config", "prometheus.yml"), ("check", "rules", "alerts.yml")):
        out = promtool(*args)
        assert out.returncode == 0, out.stdout + out.stderr


def test_alert_unit_tests_pass_and_can_fail(tmp_path):
    out = promtool("test", "rules", "alerts_test.yml")
    assert out.returncode == 0, out.stdout + out.stderr
    # The same tests against rules whose thresholds moved must fail.
    shutil.copy(PROM / "alerts_test.yml", tmp_path)
    (tmp_path / "alerts.yml").write_text(
        (PROM / "alerts.yml").read_text().replace("> 0.05", "> 0.5"))
    out = promtool("test", "rules", "alerts_test.yml", cwd=tmp_path)
    assert out.returncode != 0 and "NeuronplaneHighErrorRate" in out.stdout + out.stderr


def test_every_alert_is_documented_and_unit_tested():
    tests = yaml.safe_load((PROM / "alerts_test.yml").read_text())["tests"]
    cases = [case for test in tests for case in test.get("alert_rule_test", [])]
    rules = alert_rules()
    assert len(rules) >= 14
    for rule in rules:
        name = rule["alert"]
        assert rule["labels"]["severity"] in {"critical", "warning"}, name
        notes = rule["annotations"]
        assert notes["summary"] and notes["description"], name
        runbook = ROOT / notes["runbook_url"]
        assert notes["runbook_url"].startswith("docs/runbooks/") and runbook.is_file(), name
        mine = [case for case in cases if case["alertname"] == name]
        assert any(case["exp_alerts"] for case in mine), f"{name} is never made to fire"
        assert any(not case["exp_alerts"] for case in mine), f"{name} is never shown silent"


def test_the_copy_that_up_runs_has_the_stack_ports(tmp_path):
    template = (PROM / "prometheus.yml").read_text()
    wanted = {"neuronplane-glue": "127.0.0.1:1001", "neuronplane-worker": "127.0.0.1:1002",
              "neuronplane-postgres": "127.0.0.1:1003", "prometheus": "127.0.0.1:1004"}
    text = observability.prometheus_config(template, wanted, "2s")
    config = yaml.safe_load(text)
    assert config["global"]["scrape_interval"] == "2s"
    assert {job["job_name"]: job["static_configs"][0]["targets"]
            for job in config["scrape_configs"]} == {k: [v] for k, v in wanted.items()}
    (tmp_path / "prometheus.yml").write_text(text)
    shutil.copy(PROM / "alerts.yml", tmp_path)
    out = promtool("check", "config", "prometheus.yml", cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    with pytest.raises(ValueError, match="neuronplane-glue"):
        observability.prometheus_config(template.replace("8080", "8081"), wanted)


@pytest.mark.anyio
async def test_glue_metrics_pass_promtool_and_label_routes_by_template(anyio_backend):
    app = create_app("host=127.0.0.1 port=1 dbname=none connect_timeout=1", origins=[])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://glue") as client:
        assert (await client.post("/auth/refresh")).status_code == 401  # no cookie: refused
        assert (await client.get("/no/such/page")).status_code == 404
        body = await client.get("/metrics")
    assert body.status_code == 200 and body.headers["content-type"].startswith("text/plain")
    out = promtool("check", "metrics", stdin=body.content)
    assert out.returncode == 0, out.stdout + out.stderr
    text = body.text
    assert ('neuronplane_http_requests_total{method="POST",route="/auth/refresh",status="401"}'
            in text)
    assert 'route="unmatched",status="404"' in text
    assert 'neuronplane_session_refreshes_total{outcome="refused"}' in text
    for name in ("neuronplane_http_request_duration_seconds_bucket",
                 "neuronplane_http_requests_in_flight", "neuronplane_db_pool_max_connections",
                 "neuronplane_db_pool_waiting_requests", "process_resident_memory_bytes"):
        assert name in text, name


def test_worker_metrics_pass_promtool():
    metrics.JOBS.labels("succeeded").inc()
    metrics.ROWS.inc(10)
    body = generate_latest(metrics.WORKER)
    out = promtool("check", "metrics", stdin=body)
    assert out.returncode == 0, out.stdout + out.stderr
    for name in ("neuronplane_ingest_jobs_total", "neuronplane_ingest_rows_total",
                 "neuronplane_ingest_bytes_total", "neuronplane_ingest_job_duration_seconds",
                 "neuronplane_ingest_heartbeat_age_seconds", "neuronplane_ingest_errors_total"):
        assert name.encode() in body, name
    # The worker's registry is its own: nothing of the glue's.
    assert b"neuronplane_http_requests_total" not in body


def test_dashboards_are_well_formed():
    uids = set()
    for path in sorted(DASHBOARDS.glob("*.json")):
        board = json.loads(path.read_text())
        assert board["uid"] not in uids
        uids.add(board["uid"])
        ids = [panel["id"] for panel in board["panels"]]
        assert len(ids) == len(set(ids)) and ids, path.name
        for panel in board["panels"]:
            assert panel["title"] and panel["targets"], (path.name, panel)
            for target in panel["targets"]:
                assert target["expr"].strip() and target["datasource"]["uid"] == "prometheus"
    assert {p.stem for p in DASHBOARDS.glob("*.json")} == {
        "overview", "auth", "audit", "ingestion", "database"}
