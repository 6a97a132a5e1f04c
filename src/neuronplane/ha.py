"""`neuronplane ha up|down|status|failover`: a local high-availability topology.

Everything runs as ordinary processes on loopback, from Debian packages:

    clients -> PostgREST x2, glue x2 -> PgBouncer (transaction) -> HAProxy :writer -> leader
                                                        HAProxy :reader -> replicas
    Patroni x3 (one per PostgreSQL 15 node, synchronous_mode) <-> etcd (one member)

The files it writes under $NEURONPLANE_HOME/ha/conf (Patroni, HAProxy, PgBouncer,
pgBackRest) are the ones docs/ha.md tells operators to deploy on three hosts; only the
addresses differ. Ports: NEURONPLANE_HA_PORT_BASE (default 26000: below the ephemeral
port range, where outgoing connections could hold a port) plus fixed offsets.
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

from . import migrate, postgrest
from .cluster import PG_BIN, SUPERUSER, ClusterError, chown_to, server_os_user
from .config import ConfigError, Settings
from .procs import Service, StartError, http_ok, port_in_use

SCOPE = "neuronplane"
NODES = 3
STANZA = "neuronplane"
# Roles that log in through PgBouncer (SCRAM verifiers shared by the pooler and the server).
POOLED_ROLES = ("authenticator", "neuronplane_worker")
INSTANCES = 2  # PostgREST and glue instances


class HAError(RuntimeError):
    """The HA topology could not be started, reached or changed; the message says why."""


# -- ports ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Ports:
    base: int

    @property
    def etcd(self) -> int:
        return self.base

    @property
    def etcd_peer(self) -> int:
        return self.base + 1

    def pg(self, i: int) -> int:
        return self.base + 10 + i

    def rest(self, i: int) -> int:
        return self.base + 20 + i

    @property
    def writer(self) -> int:
        return self.base + 30

    @property
    def reader(self) -> int:
        return self.base + 31

    @property
    def haproxy_stats(self) -> int:
        return self.base + 32

    @property
    def pgbouncer(self) -> int:
        return self.base + 33

    def api(self, i: int) -> int:
        return self.base + 40 + 2 * i

    def api_admin(self, i: int) -> int:
        return self.base + 41 + 2 * i

    def glue(self, i: int) -> int:
        return self.base + 50 + i


def ports_from_env() -> Ports:
    raw = os.environ.get("NEURONPLANE_HA_PORT_BASE", "26000")
    try:
        base = int(raw)
    except ValueError:
        raise ConfigError(f"NEURONPLANE_HA_PORT_BASE={raw!r} is not a port number") from None
    if not 1024 <= base <= 65535 - 60:
        raise ConfigError(f"NEURONPLANE_HA_PORT_BASE={base} is outside 1024..65475 "
                          "(the topology uses the 60 ports above it)")
    return Ports(base)


# -- services ---------------------------------------------------------------------------------
class TcpService(Service):
    """A service without an HTTP health URL (PgBouncer): it answers when its port accepts."""

    def answering(self) -> bool:
        host, port = self.ports[0]
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.settimeout(0.5)
            return s.connect_ex((host, port)) == 0


@dataclass
class HA:
    settings: Settings
    ports: Ports
    os_user: str | None
    # Extra PostgreSQL parameters (the tests trade fsync for speed: a process crash, which
    # is what they cause, loses nothing the page cache holds).
    parameters: dict[str, str] = field(default_factory=dict)

    # -- layout ---------------------------------------------------------------------------
    @property
    def home(self) -> Path:
        return self.settings.home / "ha"

    @property
    def conf_dir(self) -> Path:
        return self.home / "conf"

    @property
    def secrets_dir(self) -> Path:
        return self.home / "secrets"

    @property
    def run_dir(self) -> Path:
        return self.home / "run"

    @property
    def log_dir(self) -> Path:
        return self.home / "logs"

    @property
    def key_file(self) -> Path:
        """The master key, one file shared by the three nodes (on three hosts: the same
        file copied to each, mode 0600, owned by postgres)."""
        return self.home / "keys" / "data.key"

    @property
    def repo_dir(self) -> Path:
        return Path(os.environ.get("NEURONPLANE_BACKUP_REPO", str(self.home / "backup")))

    @property
    def plpython_stage(self) -> Path:
        return self.home / "plpython"

    def node_dir(self, i: int) -> Path:
        return self.home / "nodes" / f"pg{i}"

    def data_dir(self, i: int) -> Path:
        return self.node_dir(i) / "data"

    def socket_dir(self, i: int) -> Path:
        return self.node_dir(i) / "run"

    @property
    def passfile(self) -> Path:
        """libpq passfile of the pooled login roles (PostgREST, glue, worker)."""
        return self.secrets_dir / "pgpass"

    @property
    def admin_passfile(self) -> Path:
        """libpq passfile of the superuser, for sqitch and the CLI through the writer."""
        return self.secrets_dir / "pgpass-admin"

    @property
    def pgbackrest_conf(self) -> Path:
        return self.conf_dir / "pgbackrest.conf"

    @property
    def pgbackrest_include(self) -> Path:
        """A folder of pgBackRest settings that hold secrets (the repository cipher pass)."""
        return self.secrets_dir / "pgbackrest.d"

    # -- secrets --------------------------------------------------------------------------
    def _secret(self, name: str, make=lambda: secrets.token_urlsafe(32)) -> str:
        path = self.secrets_dir / name
        if path.is_file():
            return path.read_text().strip()
        value = make()
        _write_private(path, value + "\n", self.os_user)
        return value

    def backup_passphrase(self) -> str:
        """The operator passphrase: NEURONPLANE_BACKUP_PASSPHRASE at the first `ha up`, else
        a random one kept in secrets/backup.passphrase (keep a copy away from this machine:
        it decrypts the backups and unwraps the master key they carry)."""
        return self._secret("backup.passphrase",
                            lambda: os.environ.get("NEURONPLANE_BACKUP_PASSPHRASE")
                            or secrets.token_urlsafe(32))

    # -- configuration files ----------------------------------------------------------------
    def patroni_yaml(self, i: int) -> dict:
        p = self.ports
        pw = {r: self._secret(f"{r}.password") for r in ("postgres", "replicator", "rewinder")}
        ident_users = sorted({pwd.getpwuid(os.geteuid()).pw_name, self.os_user or "postgres"})
        parameters = {
            "wal_level": "replica", "hot_standby": "on", "wal_log_hints": "on",
            "max_wal_senders": 10, "max_replication_slots": 10, "wal_keep_size": "128MB",
            # WAL archiving from the first start: every segment goes to pgBackRest (the
            # command is per node, below: pgBackRest wants the node's own data folder).
            "archive_mode": "on",
            "archive_timeout": "60s",
            "shared_preload_libraries": "pg_cron",
            "max_worker_processes": 16,
            "password_encryption": "scram-sha-256",
            **self.parameters,
        }
        return {
            "scope": SCOPE,
            "name": f"pg{i}",
            "log": {"level": "WARNING"},
            "restapi": {"listen": f"127.0.0.1:{p.rest(i)}",
                        "connect_address": f"127.0.0.1:{p.rest(i)}"},
            "etcd3": {"hosts": [f"127.0.0.1:{p.etcd}"]},
            "bootstrap": {
                "dcs": {
                    # A leader that stops renewing its lock is replaced after at most ttl
                    # seconds; the guide's target is failover in under 30 s.
                    "ttl": 10, "loop_wait": 2, "retry_timeout": 4,
                    # A crashed primary is not restarted in place: the synchronous standby
                    # takes over at once (it holds every acknowledged commit).
                    "primary_start_timeout": 0,
                    "maximum_lag_on_failover": 1048576,
                    "synchronous_mode": True,
                    "postgresql": {"use_pg_rewind": True, "use_slots": True,
                                   "parameters": parameters},
                },
                "initdb": [{"encoding": "UTF8"}, {"locale": "C.UTF-8"}, "data-checksums",
                           {"auth-local": "peer"}, {"auth-host": "scram-sha-256"}],
            },
            "postgresql": {
                "listen": f"127.0.0.1:{p.pg(i)}",
                "connect_address": f"127.0.0.1:{p.pg(i)}",
                "data_dir": str(self.data_dir(i)),
                "bin_dir": str(PG_BIN),
                "pgpass": str(self.run_dir / f"patroni-pg{i}.pgpass"),
                "authentication": {
                    "superuser": {"username": SUPERUSER, "password": pw["postgres"]},
                    "replication": {"username": "replicator", "password": pw["replicator"]},
                    "rewind": {"username": "rewinder", "password": pw["rewinder"]},
                },
                "parameters": {
                    "unix_socket_directories": str(self.socket_dir(i)),
                    "unix_socket_permissions": "0700",
                    "cron.database_name": self.settings.pg_database,
                    "cron.use_background_workers": "on",
                    "cron.log_run": "on",
                    "neuronplane.key_file": str(self.key_file),
                    "log_min_messages": "warning",
                    "archive_command": f"pgbackrest --config={self.pgbackrest_conf} "
                                       f"--config-include-path={self.pgbackrest_include} "
                                       f"--stanza={STANZA} --pg1-path={self.data_dir(i)} "
                                       "archive-push %p",
                },
                "pg_hba": [
                    "local all all peer map=neuronplane",
                    "host replication replicator 127.0.0.1/32 scram-sha-256",
                    "host all all 127.0.0.1/32 scram-sha-256",
                ],
                "pg_ident": [f"neuronplane {u} {SUPERUSER}" for u in ident_users],
            },
        }

    def haproxy_cfg(self) -> str:
        p = self.ports
        servers = "".join(
            f"    server pg{i} 127.0.0.1:{p.pg(i)} check port {p.rest(i)}\n"
            for i in range(1, NODES + 1))
        return (
            "# Managed by neuronplane: rewritten at every `ha up`.\n"
            "global\n    maxconn 400\n\n"
            "defaults\n    mode tcp\n    timeout connect 2s\n"
            "    timeout client 30m\n    timeout server 30m\n    timeout check 2s\n\n"
            "# Writes: the node whose Patroni answers 200 on /primary (the leader).\n"
            f"listen writer\n    bind 127.0.0.1:{p.writer}\n"
            "    option httpchk GET /primary\n    http-check expect status 200\n"
            "    default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions\n"
            f"{servers}\n"
            "# Reads: the replicas that Patroni reports healthy and streaming.\n"
            f"listen reader\n    bind 127.0.0.1:{p.reader}\n    balance roundrobin\n"
            "    option httpchk GET /replica\n    http-check expect status 200\n"
            "    default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions\n"
            f"{servers}\n"
            f"listen stats\n    mode http\n    bind 127.0.0.1:{p.haproxy_stats}\n"
            "    stats enable\n    stats uri /stats\n    monitor-uri /healthz\n")

    def pgbouncer_ini(self) -> str:
        p = self.ports
        db = self.settings.pg_database
        return (
            "; Managed by neuronplane: rewritten at every `ha up`.\n"
            "[databases]\n"
            f"{db} = host=127.0.0.1 port={p.writer} dbname={db}\n\n"
            "[pgbouncer]\n"
            f"listen_addr = 127.0.0.1\nlisten_port = {p.pgbouncer}\nunix_socket_dir =\n"
            # Clients authenticate with SCRAM against the verifiers in auth_file; PgBouncer
            # then logs in to the server with the keys of that exchange (same verifiers on
            # the server), so it never holds a clear password.
            f"auth_type = scram-sha-256\nauth_file = {self.secrets_dir / 'pgbouncer.users'}\n"
            "pool_mode = transaction\n"
            "max_client_conn = 400\ndefault_pool_size = 20\n"
            # After a failover the old leader's connections die; new ones go to HAProxy,
            # which by then routes to the new leader.
            "server_login_retry = 1\nserver_connect_timeout = 3\n"
            "ignore_startup_parameters = extra_float_digits\n"
            f"pidfile = {self.run_dir / 'pgbouncer.ini.pid'}\n"
            "log_connections = 0\nlog_disconnections = 0\n")

    def pgbackrest_conf_text(self) -> str:
        lines = [
            "# Managed by neuronplane: rewritten at every `ha up`.",
            "# The repository cipher pass is not here: see --config-include-path.",
            "[global]",
            f"repo1-path={self.repo_dir}",
            "repo1-cipher-type=aes-256-cbc",
            f"repo1-retention-full={retention_full()}",
            f"log-path={self.log_dir}",
            "log-level-console=warn",
            "log-level-file=info",
            f"lock-path={self.run_dir / 'pgbackrest'}",
            "start-fast=y",
            "compress-type=lz4",
            "",
            f"[{STANZA}]",
        ]
        for i in range(1, NODES + 1):
            lines += [f"pg{i}-path={self.data_dir(i)}", f"pg{i}-port={self.ports.pg(i)}",
                      f"pg{i}-socket-path={self.socket_dir(i)}", f"pg{i}-user={SUPERUSER}"]
        return "\n".join(lines) + "\n"

    def postgrest_conf(self, i: int) -> str:
        text = postgrest.config_text(
            db_host="127.0.0.1", db_port=self.ports.pgbouncer, db_name=self.settings.pg_database,
            passfile=self.passfile, host="127.0.0.1", port=self.ports.api(i),
            admin_port=self.ports.api_admin(i))
        # Behind PgBouncer in transaction mode: no prepared statements, no LISTEN (the
        # schema cache reloads when PostgREST reconnects, and at `ha up`).
        return (text.replace("db-channel-enabled = true", "db-channel-enabled = false")
                + "db-prepared-statements = false\n")

    # -- services ---------------------------------------------------------------------------
    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k in {"PATH", "LANG", "TZ"}}
        env.setdefault("PATH", "/usr/bin:/bin")
        env["LC_ALL"] = "C.UTF-8"
        if self.os_user:
            env["HOME"] = pwd.getpwnam(self.os_user).pw_dir
        return env

    def etcd(self) -> Service:
        p = self.ports
        return Service(
            name="etcd",
            argv=["/usr/bin/etcd", "--name", "etcd1", "--data-dir", str(self.home / "etcd"),
                  "--listen-client-urls", f"http://127.0.0.1:{p.etcd}",
                  "--advertise-client-urls", f"http://127.0.0.1:{p.etcd}",
                  "--listen-peer-urls", f"http://127.0.0.1:{p.etcd_peer}",
                  "--initial-advertise-peer-urls", f"http://127.0.0.1:{p.etcd_peer}",
                  "--initial-cluster", f"etcd1=http://127.0.0.1:{p.etcd_peer}",
                  "--initial-cluster-state", "new", "--log-level", "warn",
                  "--logger", "zap"],
            health_url=f"http://127.0.0.1:{p.etcd}/health",
            ports=[("127.0.0.1", p.etcd), ("127.0.0.1", p.etcd_peer)],
            pid_file=self.run_dir / "etcd.pid", log_file=self.log_dir / "etcd.log",
            env=self._env(), user=self.os_user, hint="set NEURONPLANE_HA_PORT_BASE")

    def patroni(self, i: int) -> Service:
        env = {**self._env(), "PYTHONPATH": str(self.plpython_stage)}
        return Service(
            name=f"patroni-pg{i}",
            argv=["/usr/bin/patroni", str(self.conf_dir / f"patroni-pg{i}.yml")],
            health_url=f"http://127.0.0.1:{self.ports.rest(i)}/liveness",
            ports=[("127.0.0.1", self.ports.rest(i))],
            pid_file=self.run_dir / f"patroni-pg{i}.pid",
            log_file=self.log_dir / f"patroni-pg{i}.log",
            env=env, user=self.os_user, hint="set NEURONPLANE_HA_PORT_BASE")

    def haproxy(self) -> Service:
        p = self.ports
        return Service(
            name="haproxy",
            argv=["/usr/sbin/haproxy", "-db", "-f", str(self.conf_dir / "haproxy.cfg")],
            health_url=f"http://127.0.0.1:{p.haproxy_stats}/healthz",
            ports=[("127.0.0.1", p.writer), ("127.0.0.1", p.reader),
                   ("127.0.0.1", p.haproxy_stats)],
            pid_file=self.run_dir / "haproxy.pid", log_file=self.log_dir / "haproxy.log",
            env=self._env(), user=self.os_user, hint="set NEURONPLANE_HA_PORT_BASE")

    def pgbouncer(self) -> Service:
        return TcpService(
            name="pgbouncer",
            argv=["/usr/sbin/pgbouncer", str(self.conf_dir / "pgbouncer.ini")],
            health_url="",
            ports=[("127.0.0.1", self.ports.pgbouncer)],
            pid_file=self.run_dir / "pgbouncer.pid", log_file=self.log_dir / "pgbouncer.log",
            env=self._env(), user=self.os_user, hint="set NEURONPLANE_HA_PORT_BASE")

    def _app_env(self, i: int) -> dict[str, str]:
        """The glue's and worker's environment: the database is PgBouncer (the worker's:
        HAProxy's writer, it LISTENs and COPYs in sessions)."""
        return {**os.environ, "NEURONPLANE_HOME": str(self.home / f"app{i}"),
                "NEURONPLANE_ROOT": str(self.settings.root),
                "NEURONPLANE_PG_HOST": "127.0.0.1",
                "NEURONPLANE_PG_PORT": str(self.ports.pgbouncer),
                "NEURONPLANE_PG_DATABASE": self.settings.pg_database,
                "NEURONPLANE_API_PORT": str(self.ports.api(i)),
                "NEURONPLANE_API_ADMIN_PORT": str(self.ports.api_admin(i)),
                "NEURONPLANE_GLUE_PORT": str(self.ports.glue(i)),
                "NEURONPLANE_UPLOAD_DIR": str(self.home / "uploads"),
                "NEURONPLANE_PG_TRANSACTION_POOLER": "1"}

    def postgrest(self, i: int) -> Service:
        svc = postgrest.service(self.settings.postgrest_bin, self.conf_dir / f"postgrest{i}.conf",
                                self.run_dir, self.log_dir, "127.0.0.1", self.ports.api(i),
                                self.ports.api_admin(i), user=self.app_user)
        svc.name = f"postgrest{i}"
        svc.pid_file = self.run_dir / f"postgrest{i}.pid"
        svc.log_file = self.log_dir / f"postgrest{i}.log"
        return svc

    def glue(self, i: int) -> Service:
        return Service(
            name=f"glue{i}", argv=[str(_program()), "glue"],
            health_url=f"http://127.0.0.1:{self.ports.glue(i)}/healthz",
            ports=[("127.0.0.1", self.ports.glue(i))],
            pid_file=self.run_dir / f"glue{i}.pid", log_file=self.log_dir / f"glue{i}.log",
            env=self._app_env(i), user=self.app_user)

    def worker(self) -> Service:
        from .ingest.service import WorkerService
        pid_file = self.run_dir / "worker.pid"
        env = {**self._app_env(1), "NEURONPLANE_PG_PORT": str(self.ports.writer)}
        env.pop("NEURONPLANE_PG_TRANSACTION_POOLER")
        return WorkerService(
            name="worker",
            argv=[str(_program()), "worker", "--ready-file", str(pid_file.with_suffix(".ready"))],
            health_url="", ports=[], pid_file=pid_file, log_file=self.log_dir / "worker.log",
            env=env, user=self.app_user)

    @property
    def app_user(self) -> str | None:
        """PostgREST, the glue and the worker run as the server's OS user when it can reach
        their programs (as `neuronplane up` does), else as the invoking user."""
        if not self.os_user:
            return None
        probe = subprocess.run(
            ["runuser", "-u", self.os_user, "--", "test", "-x", str(_program()), "-a", "-x",
             str(self.settings.postgrest_bin), "-a", "-r", str(Path(__file__))],
            capture_output=True, check=False)
        return self.os_user if probe.returncode == 0 else None

    def services(self) -> list[Service]:
        """In start order."""
        return [self.etcd(), *(self.patroni(i) for i in range(1, NODES + 1)), self.haproxy(),
                self.pgbouncer(), *(self.postgrest(i) for i in range(1, INSTANCES + 1)),
                *(self.glue(i) for i in range(1, INSTANCES + 1)), self.worker()]

    # -- connections ------------------------------------------------------------------------
    def writer_conninfo(self, dbname: str | None = None, **kw) -> str:
        """The superuser through HAProxy's writer port (the leader, wherever it is)."""
        return make_conninfo(host="127.0.0.1", port=self.ports.writer, user=SUPERUSER,
                             dbname=dbname or self.settings.pg_database,
                             passfile=str(self.admin_passfile), connect_timeout=3, **kw)

    def node_conninfo(self, i: int, dbname: str | None = None) -> str:
        return make_conninfo(host="127.0.0.1", port=self.ports.pg(i), user=SUPERUSER,
                             dbname=dbname or self.settings.pg_database,
                             passfile=str(self.admin_passfile), connect_timeout=3)

    def pooled_conninfo(self, role: str = "neuronplane_worker") -> str:
        return make_conninfo(host="127.0.0.1", port=self.ports.pgbouncer, user=role,
                             dbname=self.settings.pg_database, passfile=str(self.passfile),
                             connect_timeout=3)

    def libpq_env(self, dbname: str) -> dict[str, str]:
        """What sqitch needs to reach the leader through HAProxy (migrate.sqitch's interface)."""
        return {"PGHOST": "127.0.0.1", "PGPORT": str(self.ports.writer), "PGUSER": SUPERUSER,
                "PGDATABASE": dbname, "PGPASSFILE": str(self.admin_passfile),
                # A deploy need not wait for the synchronous standby at each change.
                "PGOPTIONS": "-c synchronous_commit=local"}

    # -- Patroni state ---------------------------------------------------------------------
    def members(self) -> list[dict]:
        """Patroni's view of the cluster (from any node that answers)."""
        for i in range(1, NODES + 1):
            try:
                with urllib.request.urlopen(
                        f"http://127.0.0.1:{self.ports.rest(i)}/cluster", timeout=2) as r:
                    return json.load(r)["members"]
            except (OSError, ValueError, KeyError):
                continue
        return []

    def leader(self) -> str | None:
        for m in self.members():
            if m.get("role") == "leader" and m.get("state") == "running":
                return m["name"]
        return None

    def wait_for(self, what: str, check, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if check():
                return
            time.sleep(0.5)
        raise HAError(f"timed out after {timeout:.0f}s waiting for {what}; see {self.log_dir}")

    def healthy(self) -> bool:
        """A running leader and NODES-1 streaming replicas, one of them synchronous."""
        ms = self.members()
        roles = sorted(m.get("role", "") for m in ms if m.get("state") in ("running",
                                                                          "streaming"))
        return (len(ms) == NODES and roles.count("leader") == 1
                and "sync_standby" in roles and len(roles) == NODES)

    # -- commands --------------------------------------------------------------------------
    def prepare(self) -> None:
        """Folders, secrets, the master key, the staged PL/Python modules, the config files."""
        for d in (self.home, self.conf_dir, self.secrets_dir, self.run_dir, self.log_dir,
                  self.home / "keys", self.home / "nodes", self.home / "uploads",
                  self.pgbackrest_include, self.run_dir / "pgbackrest", self.repo_dir,
                  *(self.home / f"app{i}" for i in range(1, INSTANCES + 1)),
                  *(self.node_dir(i) for i in range(1, NODES + 1))):
            d.mkdir(parents=True, exist_ok=True)
            chown_to(d, self.os_user)
        for d in (self.secrets_dir, self.home / "keys", self.pgbackrest_include,
                  *(self.node_dir(i) for i in range(1, NODES + 1))):
            d.chmod(0o700)
        self.home.chmod(0o755)
        if not self.key_file.is_file():
            _write_private(self.key_file, secrets.token_hex(32) + "\n", self.os_user)
        stage = self.plpython_stage
        shutil.rmtree(stage, ignore_errors=True)
        shutil.copytree(self.settings.root / "plpython", stage,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        for path in [stage, *stage.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        import yaml
        for i in range(1, NODES + 1):
            _write_private(self.conf_dir / f"patroni-pg{i}.yml",
                           yaml.safe_dump(self.patroni_yaml(i), sort_keys=False), self.os_user)
        _write_private(self.conf_dir / "haproxy.cfg", self.haproxy_cfg(), self.os_user)
        _write_private(self.conf_dir / "pgbouncer.ini", self.pgbouncer_ini(), self.os_user)
        _write_private(self.pgbackrest_conf, self.pgbackrest_conf_text(), self.os_user)
        _write_private(self.pgbackrest_include / "cipher.conf",
                       f"[global]\nrepo1-cipher-pass={self.backup_passphrase()}\n", self.os_user)
        for i in range(1, INSTANCES + 1):
            _write_private(self.conf_dir / f"postgrest{i}.conf", self.postgrest_conf(i),
                           self.app_user or self.os_user)
        _write_private(self.admin_passfile,
                       f"127.0.0.1:*:*:{SUPERUSER}:{self._secret('postgres.password')}\n", None)

    def pgbackrest(self, *args: str, check: bool = True, timeout: float = 600,
                   ) -> subprocess.CompletedProcess[str]:
        return run_as(self.os_user, ["pgbackrest", f"--config={self.pgbackrest_conf}",
                                     f"--config-include-path={self.pgbackrest_include}",
                                     f"--stanza={STANZA}", *args],
                      check=check, timeout=timeout)

    def up(self, out=print, timeout: float = 120) -> None:
        for tool in ("/usr/bin/etcd", "/usr/bin/patroni", "/usr/sbin/haproxy",
                     "/usr/sbin/pgbouncer", "/usr/bin/pgbackrest"):
            if not Path(tool).exists():
                raise HAError(f"{tool} is missing: run ./neuronplane (it installs etcd-server, "
                              "patroni, haproxy, pgbouncer and pgbackrest)")
        self.prepare()
        started = time.monotonic()

        def step(what: str) -> None:
            out(f"  {time.monotonic() - started:5.1f}s  {what}")

        self.etcd().start(timeout)
        for i in range(1, NODES + 1):
            self.patroni(i).start(timeout)
        self.wait_for("a Patroni leader", lambda: self.leader() is not None, timeout)
        step(f"etcd, 3 Patroni nodes; leader {self.leader()}")
        self.haproxy().start(timeout)
        self.wait_for("HAProxy's writer to reach the leader", self._writer_answers, timeout)
        self._ensure_stanza()
        step("HAProxy, pgBackRest stanza")
        self._deploy(out)
        self._provision_pooled_logins()
        step("schema deployed through the writer (sqitch)")
        self.pgbouncer().start(timeout)
        self.wait_for("two replicas, one synchronous", self.healthy, timeout)
        step("PgBouncer; replicas streaming, one synchronous")
        for i in range(1, INSTANCES + 1):
            self.postgrest(i).start(timeout)
        step("PostgREST x2")
        for i in range(1, INSTANCES + 1):
            self.glue(i).start(timeout)
        self.worker().start(timeout)
        step("glue x2, ingestion worker")
        p = self.ports
        out("neuronplane HA is up")
        out(f"  writer (HAProxy -> leader)   127.0.0.1:{p.writer}")
        out(f"  reader (HAProxy -> replicas) 127.0.0.1:{p.reader}")
        out(f"  PgBouncer (transaction)      127.0.0.1:{p.pgbouncer}")
        for i in range(1, INSTANCES + 1):
            out(f"  PostgREST {i}  http://127.0.0.1:{p.api(i)}/   glue {i}  "
                f"http://127.0.0.1:{p.glue(i)}/healthz")
        out(f"  HAProxy stats http://127.0.0.1:{p.haproxy_stats}/stats   logs {self.log_dir}")

    def _writer_answers(self) -> bool:
        try:
            with psycopg.connect(self.writer_conninfo("postgres"), autocommit=True) as conn:
                return not conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]
        except psycopg.Error:
            return False

    def _ensure_stanza(self) -> None:
        result = self.pgbackrest("stanza-create", check=False)
        if result.returncode != 0:
            raise HAError(f"pgbackrest stanza-create failed:\n{result.stderr or result.stdout}")

    def _deploy(self, out) -> None:
        """Create the database and deploy the schema with sqitch, through the writer."""
        db = self.settings.pg_database
        with psycopg.connect(self.writer_conninfo("postgres"), autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                (db,)).fetchone():
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db)))
                out(f"created database {db}")
        migrate.deploy(self.settings.root, self, db, quiet=True)  # type: ignore[arg-type]

    def _provision_pooled_logins(self) -> None:
        """Each pooled role gets one SCRAM verifier, set on the server and written to
        PgBouncer's auth_file; the clear password goes to the 0600 libpq passfile only."""
        users, lines = [], []
        with psycopg.connect(self.writer_conninfo(), autocommit=True) as conn:
            for role in POOLED_ROLES:
                password = self._secret(f"{role}.password")
                verifier_path = self.secrets_dir / f"{role}.scram"
                if verifier_path.is_file():
                    verifier = verifier_path.read_text().strip()
                else:
                    verifier = conn.pgconn.encrypt_password(
                        password.encode(), role.encode(), b"scram-sha-256").decode()
                    _write_private(verifier_path, verifier + "\n", self.os_user)
                conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    sql.Identifier(role), sql.Literal(verifier)))
                users.append(f'"{role}" "{verifier}"\n')
                lines.append(f"127.0.0.1:*:{self.settings.pg_database}:{role}:{password}\n")
        _write_private(self.secrets_dir / "pgbouncer.users", "".join(users), self.os_user)
        _write_private(self.passfile, "".join(lines), self.app_user or self.os_user)
        for i in range(1, INSTANCES + 1):
            # The glue reads <home>/secrets/pgpass.
            secrets_i = self.home / f"app{i}" / "secrets"
            secrets_i.mkdir(exist_ok=True)
            secrets_i.chmod(0o700)
            chown_to(secrets_i, self.app_user or self.os_user)
            _write_private(secrets_i / "pgpass", "".join(lines), self.app_user or self.os_user)

    def down(self, out=print) -> None:
        # Apps first, then the pooler and the proxy, then Patroni (which stops PostgreSQL),
        # etcd last.
        for svc in reversed(self.services()):
            out(f"{svc.name}: {'stopped' if svc.stop(timeout=60) else 'was not running'}")
        for i in range(1, NODES + 1):
            # A PostgreSQL whose Patroni was killed keeps running: stop it too.
            if (self.data_dir(i) / "postmaster.pid").is_file():
                run_as(self.os_user, [str(PG_BIN / "pg_ctl"), "stop", "-D", str(self.data_dir(i)),
                                      "-m", "fast", "-w", "-t", "60"], check=False)

    def status(self) -> list[dict]:
        members = {m["name"]: m for m in self.members()}
        rows = []
        for svc in self.services():
            row = {"component": svc.name, "pid": svc.pid(), "answering": svc.answering(),
                   "detail": ""}
            if svc.name.startswith("patroni-"):
                m = members.get(svc.name.removeprefix("patroni-"), {})
                row["detail"] = (f"{m.get('role', '?')} {m.get('state', '?')} "
                                 f"timeline {m.get('timeline', '?')} lag {m.get('lag', 0)}")
            rows.append(row)
        return rows

    def failover(self, candidate: str | None = None, out=print, timeout: float = 60) -> str:
        """A planned switchover to `candidate` (default: the synchronous standby)."""
        leader = self.leader()
        if leader is None:
            raise HAError("there is no running leader to switch over from")
        members = self.members()
        names = [m["name"] for m in members]
        if candidate is None:
            sync = [m["name"] for m in members if m.get("role") == "sync_standby"]
            if not sync:
                raise HAError("no synchronous standby to switch over to")
            candidate = sync[0]
        elif candidate not in names or candidate == leader:
            raise HAError(f"candidate {candidate!r} is not a replica (members: "
                          f"{', '.join(names)}; leader {leader})")
        i = int(leader.removeprefix("pg"))
        body = json.dumps({"leader": leader, "candidate": candidate}).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{self.ports.rest(i)}/switchover",
                                     data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:  # noqa: S310 (loopback)
                r.read()
        except urllib.error.HTTPError as exc:
            raise HAError(f"Patroni refused the switchover: {exc.read().decode()}") from None
        self.wait_for(f"{candidate} to lead", lambda: self.leader() == candidate, timeout)
        out(f"switched over: {leader} -> {candidate}")
        return candidate

    def node_pids(self, name: str) -> tuple[int | None, int | None]:
        """(Patroni pid, postmaster pid) of node `name`."""
        i = int(name.removeprefix("pg"))
        try:
            postmaster = int((self.data_dir(i) / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            postmaster = None
        return self.patroni(i).pid(), postmaster


# -- helpers ------------------------------------------------------------------------------------
def retention_full() -> int:
    raw = os.environ.get("NEURONPLANE_BACKUP_RETENTION_FULL", "2")
    if not raw.isdigit() or not 1 <= int(raw) <= 100:
        raise ConfigError(f"NEURONPLANE_BACKUP_RETENTION_FULL={raw!r}: a whole number 1..100")
    return int(raw)


def _program() -> Path:
    return Path(sys.executable).parent / "neuronplane"


def _write_private(path: Path, text: str, owner: str | None) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    path.chmod(0o600)
    chown_to(path, owner)


def run_as(user: str | None, argv: list[str], check: bool = True, timeout: float = 600,
           ) -> subprocess.CompletedProcess[str]:
    kwargs: dict = {}
    env = {k: v for k, v in os.environ.items() if k in {"PATH", "LANG", "TZ"}}
    env.setdefault("PATH", "/usr/bin:/bin")
    if user:
        entry = pwd.getpwnam(user)
        kwargs = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        env["HOME"] = entry.pw_dir
    result = subprocess.run(argv, env=env, cwd="/", text=True, capture_output=True,
                            timeout=timeout, check=False, **kwargs)
    if check and result.returncode != 0:
        raise HAError(f"{' '.join(argv[:1] + argv[-1:])} failed:\n"
                      f"{(result.stderr or result.stdout).strip()}")
    return result


def build(settings: Settings, parameters: dict[str, str] | None = None) -> HA:
    try:
        user = server_os_user(settings.pg_os_user)
    except ClusterError as exc:
        raise HAError(str(exc)) from None
    return HA(settings, ports_from_env(), user, dict(parameters or {}))


def kill(pid: int) -> None:
    """SIGKILL, as a crash would (the failover tests and bench/ha.py)."""
    os.kill(pid, signal.SIGKILL)


def wait_port_free(port: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while port_in_use("127.0.0.1", port) and time.monotonic() < deadline:
        time.sleep(0.2)


__all__ = ["HA", "HAError", "Ports", "StartError", "build", "http_ok", "kill"]
