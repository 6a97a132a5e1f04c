"""The container images really built and the production compose file really run with podman.

One module-scoped stack (docker/compose.prod.yaml: db, migrate, 2 api, 2 app, a worker,
the proxy) on a free port of 127.0.0.1, reached only through the proxy over TLS. The images
are built with the engine's layer cache and the base image made once per machine, so a
second run only rebuilds what changed. Skipped, with the reason, only where no container can
run at all (no podman or docker, or `podman info` fails).
"""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from neuronplane import containers
from neuronplane.procs import free_port

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Correct-Horse-Battery-Staple-9"
# The checkout's revisions when images were built (a commit during the run makes a second).
BUILT_REVISIONS: list[str] = []

pytestmark = pytest.mark.e2e

_reason = containers.unusable_reason(ROOT)
if _reason:
    pytest.skip(f"containers cannot run on this machine: {_reason}", allow_module_level=True)


@pytest.fixture(scope="module")
def images() -> dict[str, str]:
    started = time.monotonic()
    BUILT_REVISIONS.append(containers.revision(ROOT))
    built = containers.build(ROOT, log=lambda line: print(f"  {line}"))
    print(f"images built in {time.monotonic() - started:.0f} s")
    BUILT_REVISIONS.append(containers.revision(ROOT))
    return built


@pytest.fixture(scope="module")
def stack(images: dict[str, str], tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[containers.Compose]:
    secrets_dir = tmp_path_factory.mktemp("compose") / "secrets"
    c = containers.Compose(ROOT, prod=True, project=f"nptest{uuid.uuid4().hex[:8]}",
                           secrets_dir=secrets_dir, https_port=free_port())
    try:
        started = time.monotonic()
        c.up(timeout=240, log=lambda line: print(f"  {line}"))
        print(f"compose stack up in {time.monotonic() - started:.0f} s")
        yield c
    finally:
        c.down(volumes=True)


@pytest.fixture(scope="module")
def http(stack: containers.Compose) -> Iterator[httpx.Client]:
    # The proxy's certificate is the self-signed one `compose up` made: trust exactly it.
    with httpx.Client(base_url=f"https://127.0.0.1:{stack.https_port}",
                      verify=ssl.create_default_context(
                          cafile=str(stack.secrets_dir / "tls.crt")), timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def token(stack: containers.Compose, http: httpx.Client) -> str:
    r = stack.admin("admin", "create-user", "ops", "--platform-admin", input=PASSWORD + "\n")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "created user ops" in r.stdout
    r = http.post("/rest/rpc/login", json={"username_or_email": "ops", "password": PASSWORD})
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def _row(r: httpx.Response) -> dict:
    body = r.json()
    return body[0] if isinstance(body, list) else body


def test_the_stack_runs_the_production_shape(stack: containers.Compose) -> None:
    """2 PostgREST and 2 glue replicas, one worker, the db, the proxy; migrate exited 0."""
    assert len(stack.containers("api", all=False)) == 2
    assert len(stack.containers("app", all=False)) == 2
    assert len(stack.containers("worker", all=False)) == 1
    assert len(stack.containers("proxy", all=False)) == 1
    [migrate] = stack.containers("migrate")
    assert stack.exit_code(migrate) == 0
    eng = containers.engine(ROOT)
    ports = eng.run("port", stack.containers("proxy")[0]).stdout.split()
    assert ports == ["8443/tcp", "->", f"127.0.0.1:{stack.https_port}"]
    for name in ("db", "api", "app", "worker"):
        for container in stack.containers(name, all=False):
            assert eng.run("port", container, check=False).stdout.strip() == "", container


def test_smoke_through_the_proxy(stack: containers.Compose) -> None:
    assert containers.smoke(f"https://127.0.0.1:{stack.https_port}",
                            stack.secrets_dir / "tls.crt") == []


def test_security_headers_and_request_id(http: httpx.Client) -> None:
    r = http.get("/healthz")
    assert r.status_code == 200
    assert r.json()["database"]["status"] == "ok"
    assert r.headers["strict-transport-security"].startswith("max-age=")
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    made = r.headers["x-request-id"]
    assert len(made) == 32
    assert http.get("/healthz").headers["x-request-id"] != made
    r = http.get("/rest/rpc/health", headers={"X-Request-Id": "caller-id-42"})
    assert r.status_code == 200 and r.headers["x-request-id"] == "caller-id-42"
    # A value that is not a plain token is replaced, not passed on.
    r = http.get("/rest/rpc/health", headers={"X-Request-Id": "a b<c>"})
    assert r.headers["x-request-id"] != "a b<c>" and len(r.headers["x-request-id"]) == 32
    # Errors carry the headers too; bodies over the limit are refused by the proxy.
    r = http.get("/no-such-route")
    assert r.status_code == 404 and "strict-transport-security" in r.headers
    r = http.post("/rest/rpc/login", content=b"x" * (2 * 1024 * 1024),
                  headers={"Content-Type": "application/json"})
    assert r.status_code == 413


def test_request_id_is_in_the_access_log(stack: containers.Compose, http: httpx.Client) -> None:
    rid = f"log-check-{uuid.uuid4().hex}"
    assert http.get("/rest/rpc/health", headers={"X-Request-Id": rid}).status_code == 200
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if f"rid={rid}" in stack.logs(stack.containers("proxy")[0], tail=50):
            return
        time.sleep(0.5)
    pytest.fail("the proxy's access log has no line with the request id")


def test_login_org_project_ingest_audit_and_restart(stack: containers.Compose,
                                                    http: httpx.Client, token: str,
                                                    tmp_path: Path) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    slug = f"acme-{uuid.uuid4().hex[:6]}"
    r = http.post("/rest/rpc/create_organization", headers=auth,
                  json={"name": "Acme", "slug": slug})
    assert r.status_code == 200, r.text
    org_id = _row(r)["id"]
    r = http.post("/rest/rpc/create_project", headers=auth,
                  json={"name": "zips", "org_id": org_id})
    assert r.status_code == 200, r.text
    project_id = _row(r)["id"]

    # Upload through the proxy to a glue replica; the worker reads it from the shared volume.
    data = tmp_path / "zips.csv"
    data.write_text("zip,city\n" + "".join(f"{10000 + i},city {i}\n" for i in range(500)))
    with data.open("rb") as f:
        r = http.post("/ingest/upload", headers=auth, files={"file": ("zips.csv", f)},
                      params={"project_id": project_id, "dataset_name": "zips",
                              "format": "auto", "if_exists": "fail"})
    assert r.status_code == 201, r.text
    job_id = r.json()["id"]
    deadline = time.monotonic() + 120
    job: dict = {}
    while time.monotonic() < deadline:
        r = http.get("/rest/ingest_jobs", headers=auth, params={"id": f"eq.{job_id}"})
        assert r.status_code == 200, r.text
        job = r.json()[0]
        if job["status"] in {"succeeded", "failed", "cancelled"}:
            break
        time.sleep(1)
    assert job.get("status") == "succeeded", job
    assert job["rows_done"] == 500

    # The audit log through PostgREST, and its hash chain verified by the database.
    r = http.get("/rest/audit_events", headers=auth,
                 params={"action": "eq.identity.org.created", "select": "action"})
    assert r.status_code == 200 and r.json(), r.text
    r = stack.admin("audit-verify")
    assert r.returncode == 0 and "audit log: ok" in r.stdout, r.stdout + r.stderr

    # Restart the glue and PostgREST replicas: the session lives in the database, so the
    # same access token still works afterwards.
    eng = containers.engine(ROOT)
    eng.run("restart", "-t", "10", *stack.containers("app"), *stack.containers("api"))
    stack.wait_ready(120)
    deadline = time.monotonic() + 60
    while True:
        r = http.get("/rest/ingest_jobs", headers=auth, params={"id": f"eq.{job_id}"})
        if r.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert r.status_code == 200 and r.json()[0]["status"] == "succeeded", r.text


def test_migrate_is_idempotent(stack: containers.Compose) -> None:
    """Running migrate again deploys nothing and verifies again."""
    r = stack.podman_compose("run", "--rm", "-T", "--no-deps", "migrate", check=False)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    assert "Nothing to deploy" in out and "Verify successful" in out


def test_bad_configuration_fails_fast(images: dict[str, str], tmp_path: Path) -> None:
    eng = containers.engine(ROOT)
    # The database without its password secret.
    r = eng.run("run", "--rm", images["db"], check=False, timeout=60)
    assert r.returncode != 0
    assert "POSTGRES_PASSWORD_FILE is not set" in r.stderr
    # migrate against a database that is not there.
    secret = tmp_path / "pw"
    secret.write_text("x\n")
    secret.chmod(0o444)
    mount = f"{secret}:/run/secrets/pw:ro"
    r = eng.run("run", "--rm", "--network", "none", "-v", mount,
                "-e", "PGHOST=db.invalid", "-e", "NEURONPLANE_MIGRATE_WAIT=2",
                "-e", "POSTGRES_PASSWORD_FILE=/run/secrets/pw",
                "-e", "AUTHENTICATOR_PASSWORD_FILE=/run/secrets/pw",
                "-e", "WORKER_PASSWORD_FILE=/run/secrets/pw",
                images["migrate"], check=False, timeout=60)
    assert r.returncode == 1
    assert "cannot reach PostgreSQL at db.invalid:5432" in r.stderr
    # The compose file without the secrets folder: a clear message before anything starts.
    env = {k: v for k, v in os.environ.items() if k != "NEURONPLANE_SECRETS_DIR"}
    r = subprocess.run([str(Path(sys.executable).parent / "podman-compose"),
                        "-f", str(ROOT / "docker" / "compose.prod.yaml"), "config"],
                       env=env, text=True, capture_output=True)
    assert r.returncode != 0
    assert "set NEURONPLANE_SECRETS_DIR" in r.stdout + r.stderr


def test_pgtap_only_in_the_test_variant(images: dict[str, str]) -> None:
    BUILT_REVISIONS.append(containers.revision(ROOT))
    built = containers.build(ROOT, ["db"], test_variant=True, log=lambda line: None)
    BUILT_REVISIONS.append(containers.revision(ROOT))
    eng = containers.engine(ROOT)
    control = "/usr/share/postgresql/15/extension/pgtap.control"
    probe = ["run", "--rm", "--entrypoint", "test"]
    assert eng.run(*probe, built["db-test"], "-f", control, check=False).returncode == 0
    assert eng.run(*probe, images["db"], "-f", control, check=False).returncode == 1
    # Both run as the unprivileged postgres user, never root.
    user = eng.run("image", "inspect", "--format", "{{.Config.User}}", built["db-test"])
    assert user.stdout.strip() == "999"


def test_images_carry_version_and_revision(images: dict[str, str]) -> None:
    eng = containers.engine(ROOT)
    for name, ref in images.items():
        labels = eng.run("image", "inspect", "--format",
                         '{{index .Labels "org.opencontainers.image.version"}} '
                         '{{index .Labels "org.opencontainers.image.revision"}}', ref).stdout
        version, revision = labels.split()
        assert version == containers.version(ROOT), name
        assert revision in BUILT_REVISIONS, name
