"""`neuronplane up --observability`: prometheus-postgres-exporter and Prometheus on loopback.

Both are Debian's programs, run as ordinary processes like PostgREST. The exporter logs in
as neuronplane_exporter (its password read by libpq's rules from the stack's 0600 passfile,
through PGPASSFILE: never on a command line) and runs observability/postgres-exporter/
queries.yaml. Prometheus scrapes the glue, the worker, the exporter and itself with a copy
of observability/prometheus/prometheus.yml whose targets carry the configured ports, and
evaluates observability/prometheus/alerts.yml.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from .cluster import chown_to
from .config import ConfigError, Settings
from .procs import Service, url_host

EXPORTER_BIN = "prometheus-postgres-exporter"
PROMETHEUS_BIN = "prometheus"
# The targets of the committed prometheus.yml, by job: replaced with the configured ones.
DEFAULT_TARGETS = {
    "neuronplane-glue": "127.0.0.1:8080",
    "neuronplane-worker": "127.0.0.1:9464",
    "neuronplane-postgres": "127.0.0.1:9187",
    "prometheus": "127.0.0.1:9090",
}


def config_dir(root: Path) -> Path:
    return root / "observability"


def targets(s: Settings) -> dict[str, str]:
    return {
        "neuronplane-glue": f"{url_host(s.glue_host)}:{s.glue_port}",
        "neuronplane-worker": f"{url_host(s.glue_host)}:{s.worker_metrics_port}",
        "neuronplane-postgres": f"{url_host(s.glue_host)}:{s.exporter_port}",
        "prometheus": f"{url_host(s.glue_host)}:{s.prometheus_port}",
    }


def prometheus_config(template: str, wanted: dict[str, str],
                      scrape_interval: str | None = None) -> str:
    """The committed configuration with each job's target replaced (and the scrape and
    evaluation interval, when given); refuses a template whose jobs or targets changed
    without this list (the copy would scrape the wrong ports)."""
    text = template
    if scrape_interval:
        text, n = re.subn(r"(?m)^(  (?:scrape|evaluation)_interval: ).*$",
                          lambda m: m.group(1) + scrape_interval, text)
        if n != 2:
            raise ValueError("prometheus.yml: global scrape_interval/evaluation_interval not found")
    for job, default in DEFAULT_TARGETS.items():
        pattern = re.compile(rf"(job_name: {re.escape(job)}\n(?:[ \t].*\n)*?\s*- targets: "
                             rf"\[\"){re.escape(default)}(\"\])")
        text, n = pattern.subn(lambda m, job=job: m.group(1) + wanted[job] + m.group(2), text)
        if n != 1:
            raise ValueError(f"prometheus.yml: job {job} with target {default} not found")
    return text


def exporter_service(s: Settings) -> Service:
    queries = s.run_dir / "postgres-exporter-queries.yaml"
    dsn = (f"host={s.pg_host} port={s.pg_port} dbname={s.pg_database} "
           f"user=neuronplane_exporter sslmode=disable application_name=postgres_exporter")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DATA_SOURCE_NAME": dsn,
           "PGPASSFILE": str(s.secrets_dir / "pgpass")}
    host = url_host(s.glue_host)
    return Service(
        name="exporter",
        argv=[shutil.which(EXPORTER_BIN) or f"/usr/bin/{EXPORTER_BIN}",
              f"--web.listen-address={host}:{s.exporter_port}",
              f"--extend.query-path={queries}",
              "--disable-settings-metrics",
              "--log.level=warn"],
        health_url=f"http://{host}:{s.exporter_port}/",
        ports=[(s.glue_host, s.exporter_port)],
        pid_file=s.run_dir / "exporter.pid",
        log_file=s.log_dir / "exporter.log",
        env=env,
        hint="set NEURONPLANE_EXPORTER_PORT",
    )


def prometheus_service(s: Settings) -> Service:
    host = url_host(s.glue_host)
    return Service(
        name="Prometheus",
        argv=[shutil.which(PROMETHEUS_BIN) or f"/usr/bin/{PROMETHEUS_BIN}",
              f"--config.file={s.run_dir / 'prometheus' / 'prometheus.yml'}",
              f"--storage.tsdb.path={s.home / 'prometheus-data'}",
              f"--web.listen-address={host}:{s.prometheus_port}",
              "--storage.tsdb.retention.time=15d",
              "--log.level=warn"],
        health_url=f"http://{host}:{s.prometheus_port}/-/ready",
        ports=[(s.glue_host, s.prometheus_port)],
        pid_file=s.run_dir / "prometheus.pid",
        log_file=s.log_dir / "prometheus.log",
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        hint="set NEURONPLANE_PROMETHEUS_PORT",
    )


def prepare(s: Settings, owner: str | None) -> None:
    """Copy the exporter's queries and Prometheus' configuration and rules into the run
    folder (the services' OS user may not reach the checkout), with this stack's ports."""
    src = config_dir(s.root)
    queries = s.run_dir / "postgres-exporter-queries.yaml"
    shutil.copyfile(src / "postgres-exporter" / "queries.yaml", queries)
    conf_dir = s.run_dir / "prometheus"
    conf_dir.mkdir(exist_ok=True)
    template = (src / "prometheus" / "prometheus.yml").read_text()
    interval = os.environ.get("NEURONPLANE_SCRAPE_INTERVAL", "").strip() or None
    if interval and not re.fullmatch(r"[1-9][0-9]*(ms|s|m)", interval):
        raise ConfigError(f"NEURONPLANE_SCRAPE_INTERVAL={interval!r} is not a duration such as "
                          "15s or 500ms")
    (conf_dir / "prometheus.yml").write_text(prometheus_config(template, targets(s), interval))
    shutil.copyfile(src / "prometheus" / "alerts.yml", conf_dir / "alerts.yml")
    data = s.home / "prometheus-data"
    data.mkdir(exist_ok=True)
    for path in (queries, conf_dir, conf_dir / "prometheus.yml", conf_dir / "alerts.yml", data):
        chown_to(path, owner)
