"""`neuronplane up`, `down` and `status`: the embedded cluster, PostgREST and the glue."""

from __future__ import annotations

import os
import pwd
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

from psycopg.conninfo import make_conninfo

from . import admin_cli, migrate, postgrest, proxy
from .cluster import SUPERUSER, Cluster, chown_to, server_os_user
from .config import Settings, allowed_origins
from .procs import Service, url_host

LOGIN_ROLES = ("authenticator", "neuronplane_worker", "neuronplane_exporter")


@dataclass
class Stack:
    settings: Settings
    cluster: Cluster
    postgrest: Service
    glue: Service
    worker: Service | None = None
    exporter: Service | None = None
    prometheus: Service | None = None
    nginx: Service | None = None

    @property
    def passfile(self) -> Path:
        return self.settings.secrets_dir / "pgpass"


def build(settings: Settings) -> Stack:
    s = settings
    cluster = Cluster(
        data_dir=s.data_dir, socket_dir=s.socket_dir, log_file=s.log_dir / "postgresql.log",
        port=s.pg_port, host=s.pg_host, plpython_dir=s.root / "plpython",
        os_user=server_os_user(s.pg_os_user), database=s.pg_database,
    )
    glue_bin = Path(sys.executable).parent / "neuronplane"
    rest = postgrest.service(s.postgrest_bin, s.run_dir / "postgrest.conf", s.run_dir,
                             s.log_dir, s.api_host, s.api_port, s.api_admin_port)
    glue = Service(
        name="glue",
        argv=[str(glue_bin), "glue"],
        health_url=f"http://{url_host(s.glue_host)}:{s.glue_port}/healthz",
        ports=[(s.glue_host, s.glue_port)],
        pid_file=s.run_dir / "glue.pid",
        log_file=s.log_dir / "glue.log",
        env={**os.environ, "NEURONPLANE_HOME": str(s.home), "NEURONPLANE_ROOT": str(s.root)},
        hint="set NEURONPLANE_GLUE_PORT",
    )
    from . import observability
    from .ingest.service import worker_service
    nginx = proxy.service(root=s.root, run_dir=s.run_dir, log_dir=s.log_dir, host=s.http_host,
                          port=s.http_port, conf_path=s.run_dir / "nginx.conf")
    return Stack(s, cluster, rest, glue, worker_service(s, glue_bin),
                 observability.exporter_service(s), observability.prometheus_service(s), nginx)


def superuser_connection(settings: Settings):
    """The stack's database as superuser: through the embedded cluster's unix socket, or
    with NEURONPLANE_ADMIN_DSN (a libpq connection string; the container images set it in
    one-off administration containers, with the password in a passfile) when it is set."""
    dsn = os.environ.get("NEURONPLANE_ADMIN_DSN")
    if dsn:
        import psycopg
        return psycopg.connect(dsn, autocommit=True, connect_timeout=10)
    return build(settings).cluster.connect(settings.pg_database, autocommit=True)


def _run_services_as_server_user(stack: Stack) -> bool:
    """When invoked as root, PostgREST and the glue run as the server's OS user too, if it
    can reach their programs; False when they must stay with root (a checkout in a
    private folder). Only `up` asks: it costs a few subprocesses."""
    user = stack.cluster.os_user
    if not user:
        return True
    package_dir = Path(__file__).resolve().parent
    if not (stack.cluster.can_reach(Path(stack.postgrest.argv[0]), "x")
            and stack.cluster.can_reach(Path(stack.glue.argv[0]), "x")
            and stack.cluster.can_reach(package_dir, "r")):
        return False
    stack.postgrest.user = stack.glue.user = user
    stack.glue.env = {**(stack.glue.env or {}), "HOME": pwd.getpwnam(user).pw_dir}
    for service in (stack.worker, stack.exporter, stack.prometheus):
        if service is not None:
            service.user = user
            service.env = {**(service.env or {}), "HOME": pwd.getpwnam(user).pw_dir}
    return True


def worker_conninfo(settings: Settings) -> str:
    return make_conninfo(
        host=settings.pg_host, port=settings.pg_port, dbname=settings.pg_database,
        user="neuronplane_worker", passfile=str(settings.secrets_dir / "pgpass"),
        application_name="neuronplane-glue")


def ingest_worker_conninfo(settings: Settings) -> str:
    """The ingestion worker logs in as neuronplane_worker, under its own application name."""
    return make_conninfo(worker_conninfo(settings), application_name="neuronplane-ingest-worker")


def _role_password(secrets_dir: Path, role: str) -> str:
    """The role's password, generated once and kept in a 0600 file."""
    path = secrets_dir / f"{role}.password"
    if path.is_file():
        return path.read_text().strip()
    password = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(password + "\n")
    return password


def _write_private(path: Path, text: str, owner: str | None) -> None:
    """Write a 0600 file, owned by `owner` (an OS user name) when given."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    path.chmod(0o600)
    chown_to(path, owner)


def provision_logins(cluster: Cluster, dbname: str, secrets_dir: Path) -> Path:
    """Give each LOGIN role its password and write them to a libpq passfile.

    libpq reads passwords from that 0600 file, so no config file, command line or
    environment variable carries them. The file belongs to the server's OS user, which
    also runs PostgREST and the glue. Returns the passfile's path.
    """
    lines = []
    for role in LOGIN_ROLES:
        password = _role_password(secrets_dir, role)
        cluster.set_password(dbname, role, password)
        lines.append(f"*:*:{dbname}:{role}:{password}\n")
    chown_to(secrets_dir, cluster.os_user)
    passfile = secrets_dir / "pgpass"
    _write_private(passfile, "".join(lines), cluster.os_user)
    return passfile


def up(stack: Stack, out=print, observability: bool = False) -> None:
    s = stack.settings
    for d in (s.home, s.run_dir, s.log_dir, s.secrets_dir):
        d.mkdir(parents=True, exist_ok=True)
    s.secrets_dir.chmod(0o700)

    fresh = not stack.cluster.initialized
    if fresh:
        out(f"initializing a PostgreSQL cluster in {s.data_dir}")
    stack.cluster.start(timeout=s.start_timeout)
    if stack.cluster.ensure_database(s.pg_database):
        out(f"created database {s.pg_database}")
    migrate.deploy(s.root, stack.cluster, s.pg_database)

    provision_logins(stack.cluster, s.pg_database, s.secrets_dir)

    conf = postgrest.config_text(
        db_host=s.pg_host, db_port=s.pg_port, db_name=s.pg_database, passfile=stack.passfile,
        host=s.api_host, port=s.api_port, admin_port=s.api_admin_port,
        allowed_origins=allowed_origins())
    conf_path = s.run_dir / "postgrest.conf"
    conf_changed = not conf_path.is_file() or conf_path.read_text() != conf
    _write_private(conf_path, conf, stack.cluster.os_user)
    if conf_changed:
        stack.postgrest.stop()
    if stack.postgrest.pid() is not None:
        # New changes may have been deployed: have PostgREST reload its schema cache.
        with stack.cluster.connect(s.pg_database, autocommit=True) as conn:
            conn.execute("NOTIFY pgrst, 'reload schema'")
    if not _run_services_as_server_user(stack):
        out(f"note: PostgREST and the glue run as root: the OS user {stack.cluster.os_user!r} "
            f"cannot reach their programs under {s.root} (give its folders o+x to change that)")
    stack.postgrest.start(s.start_timeout)
    stack.glue.start(s.start_timeout)
    if stack.worker is not None:
        (s.home / "uploads").mkdir(exist_ok=True)
        chown_to(s.home / "uploads", stack.worker.user)
        stack.worker.start(s.start_timeout)
    if observability and stack.exporter is not None and stack.prometheus is not None:
        from . import observability as obs
        obs.prepare(s, stack.exporter.user)
        for service in (stack.exporter, stack.prometheus):
            service.stop()  # their copied configuration may have changed
            service.start(s.start_timeout)
    if stack.nginx is not None:
        _start_nginx(stack)

    host = url_host(s.api_host)
    out("")
    out("neuronplane is up")
    if stack.nginx is not None:
        console = "" if (s.console_dir / "index.html").is_file() else \
            "  (console not built: npm ci && npm run build in console/)"
        out(f"  console and API  http://{url_host(s.http_host)}:{s.http_port}/   "
            f"(API under /rest/){console}")
    out(f"  API (PostgREST)  http://{host}:{s.api_port}/   "
        f"e.g. curl -s http://{host}:{s.api_port}/rpc/health")
    out(f"  PostgREST admin  http://{host}:{s.api_admin_port}/live  /ready")
    out(f"  glue             http://{url_host(s.glue_host)}:{s.glue_port}/healthz")
    out(f"  PostgreSQL       {s.pg_host}:{s.pg_port}, socket {s.socket_dir}")
    out(f"  psql             psql -h {s.socket_dir} -p {s.pg_port} -U {SUPERUSER} "
        f"{s.pg_database}   (or: ./neuronplane psql)")
    out("  ingest worker    neuronplane worker (jobs: api.start_ingest, GET /ingest_jobs)")
    out(f"  metrics          http://{url_host(s.glue_host)}:{s.glue_port}/metrics   "
        f"worker http://{url_host(s.glue_host)}:{s.worker_metrics_port}/metrics")
    if observability:
        out(f"  postgres exporter http://{url_host(s.glue_host)}:{s.exporter_port}/metrics")
        out(f"  Prometheus       http://{url_host(s.glue_host)}:{s.prometheus_port}/   "
            "(alerts: /alerts)")
    out(f"  logs             {s.log_dir}/{{postgresql,postgrest,glue,worker}}.log")
    with stack.cluster.connect(s.pg_database, autocommit=True) as conn:
        if not admin_cli.has_users(conn):
            out("")
            out("next: no user exists yet; create the first one (it asks for a password), "
                "then log in:")
            out("  ./neuronplane admin create-user NAME --platform-admin")
            out("  ./neuronplane login NAME")


def _start_nginx(stack: Stack) -> None:
    s = stack.settings
    assert stack.nginx is not None
    # Nginx runs as the glue does (the server's OS user when `up` runs as root), and opens
    # its temporary folders, pid file and access log itself.
    stack.nginx.user = stack.glue.user
    for sub in ("", "client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (s.run_dir / "nginx" / sub).mkdir(parents=True, exist_ok=True)
        chown_to(s.run_dir / "nginx" / sub, stack.nginx.user)
    access_log = s.log_dir / "nginx.access.log"
    access_log.touch()
    chown_to(access_log, stack.nginx.user)
    conf = proxy.config_text(
        root=s.root, run_dir=s.run_dir, log_dir=s.log_dir, host=s.http_host, port=s.http_port,
        api_url=f"http://{url_host(s.api_host)}:{s.api_port}",
        glue_url=f"http://{url_host(s.glue_host)}:{s.glue_port}", console_dir=s.console_dir,
        as_root=os.geteuid() == 0 and stack.nginx.user is None)
    conf_path = s.run_dir / "nginx.conf"
    if not conf_path.is_file() or conf_path.read_text() != conf:
        stack.nginx.stop()
        conf_path.write_text(conf)
    stack.nginx.start(s.start_timeout)


def down(stack: Stack, out=print) -> None:
    for service in (stack.nginx, stack.prometheus, stack.exporter, stack.worker, stack.glue,
                    stack.postgrest):
        if service is None:
            continue
        stopped = service.stop()
        if service in (stack.prometheus, stack.exporter) and not stopped:
            continue  # only started by `up --observability`: no news when it was not
        out(f"{service.name}: {'stopped' if stopped else 'was not running'}")
    if stack.cluster.is_running():
        stack.cluster.stop()
        out("PostgreSQL: stopped")
    else:
        out("PostgreSQL: was not running")


def status(stack: Stack) -> list[dict[str, object]]:
    s = stack.settings
    rows: list[dict[str, object]] = [{
        "component": "PostgreSQL",
        "pid": stack.cluster.pid() if stack.cluster.is_running() else None,
        "address": f"{s.pg_host}:{s.pg_port}",
        "answering": stack.cluster.answering() if stack.cluster.initialized else False,
    }]
    for service, address in (
        (stack.postgrest, f"{s.api_host}:{s.api_port} (admin {s.api_admin_port})"),
        (stack.glue, f"{s.glue_host}:{s.glue_port}"),
        *([(stack.worker, f"{s.glue_host}:{s.worker_metrics_port} (metrics)")]
          if stack.worker is not None else []),
        # Started by `up --observability` only: listed while they run.
        *([(stack.exporter, f"{s.glue_host}:{s.exporter_port}")]
          if stack.exporter is not None and stack.exporter.pid() is not None else []),
        *([(stack.prometheus, f"{s.glue_host}:{s.prometheus_port}")]
          if stack.prometheus is not None and stack.prometheus.pid() is not None else []),
        *([(stack.nginx, f"{s.http_host}:{s.http_port}")] if stack.nginx is not None else []),
    ):
        pid = service.pid()
        rows.append({"component": service.name, "pid": pid, "address": address,
                     "answering": pid is not None and service.answering()})
    return rows
