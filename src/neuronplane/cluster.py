"""An embedded PostgreSQL 15 cluster in a folder of the project (or a temporary one).

PostgreSQL refuses to run as root: when invoked as root, every server command runs as a
non-root OS user (``postgres`` unless NEURONPLANE_PG_OS_USER says otherwise). Local
connections use peer authentication mapped to the ``postgres`` superuser; TCP
connections need a SCRAM password, and only roles that were given one can log in.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

from .procs import StartError, port_in_use, tail

PG_BIN = Path(os.environ.get("NEURONPLANE_PG_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER = "postgres"
CONF_NAME = "neuronplane.conf"


def chown_to(path: Path, user: str | None) -> None:
    """Give `path` to the OS user `user` (and its group); nothing when None."""
    if user:
        entry = pwd.getpwnam(user)
        os.chown(path, entry.pw_uid, entry.pw_gid)


class ClusterError(RuntimeError):
    """The cluster could not be created, started or reached; the message says why."""


def server_os_user(requested: str | None) -> str | None:
    """The OS user that runs the server, or None for the invoking user."""
    if os.geteuid() != 0:
        return None
    name = requested or "postgres"
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        raise ClusterError(
            f"running as root, PostgreSQL needs a non-root OS user and {name!r} does not "
            "exist; install postgresql-15 (it creates 'postgres') or set NEURONPLANE_PG_OS_USER"
        ) from None
    if entry.pw_uid == 0:
        raise ClusterError(f"NEURONPLANE_PG_OS_USER={name!r} is root; PostgreSQL refuses root")
    return name


@dataclass
class Cluster:
    data_dir: Path
    socket_dir: Path
    log_file: Path
    port: int
    host: str = "127.0.0.1"
    plpython_dir: Path | None = None
    os_user: str | None = None
    # The database pg_cron runs its jobs in (the audit sealer and partition maintenance).
    database: str = "neuronplane"
    # Extra postgresql.conf settings (the test cluster trades durability for speed).
    settings: dict[str, str] = field(default_factory=dict)

    # -- running commands as the server's OS user -------------------------------------
    def _run(self, argv: list[str], check: bool = True, timeout: float | None = None,
             ) -> subprocess.CompletedProcess[str]:
        env = self.server_env()
        kwargs: dict = {}
        if self.os_user:
            kwargs = {"user": self.os_user, "group": pwd.getpwnam(self.os_user).pw_gid,
                      "extra_groups": []}
        return subprocess.run(argv, env=env, cwd="/", text=True, capture_output=True,
                              check=check, timeout=timeout, **kwargs)

    def server_env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if k in {"PATH", "LANG", "LC_ALL", "TZ"}}
        env.setdefault("PATH", "/usr/bin:/bin")
        env["LC_ALL"] = "C.UTF-8"
        if self.os_user:
            env["HOME"] = pwd.getpwnam(self.os_user).pw_dir
        if self.plpython_dir:
            # PL/Python imports the project's modules from the staged copy.
            env["PYTHONPATH"] = str(self.plpython_stage)
        return env

    def _chown(self, path: Path) -> None:
        chown_to(path, self.os_user)

    def can_reach(self, path: Path, mode: str) -> bool:
        """Can the server's OS user read ("r"), write ("w") or execute ("x") ``path``?
        (Every parent folder needs o+x for it.)"""
        if not self.os_user:
            return True
        flag = {"r": "-r", "w": "-w", "x": "-x"}[mode]
        return self._run(["test", flag, str(path), "-a", "-x", str(path)],
                         check=False).returncode == 0

    def _check_access(self, path: Path, mode: str) -> None:
        if not self.can_reach(path, mode):
            raise ClusterError(
                f"the PostgreSQL OS user {self.os_user!r} cannot reach {path}: give its parent "
                "folders o+x (chmod o+x DIR) or set NEURONPLANE_HOME to a folder it can reach"
            )

    @property
    def key_file(self) -> Path:
        """The data-encryption key: next to the data folder (so base backups and dumps do
        not carry it), readable by the server's OS user only."""
        return self.data_dir.parent / "keys" / "data.key"

    def ensure_key(self) -> None:
        """Create the 256-bit data-encryption key once; an existing key is never replaced
        (secrets encrypted with it would be lost)."""
        if not self.key_file.is_file():
            self.write_new_key(self.key_file)

    def write_new_key(self, path: Path) -> None:
        """A new random 256-bit key in a file that did not exist, readable by the server's
        OS user only, in a folder of mode 0700."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.parent.chmod(0o700)
        self._chown(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32) + "\n")
            f.flush()
            os.fsync(f.fileno())
        self._chown(path)

    @property
    def plpython_stage(self) -> Path:
        return self.data_dir.parent / "plpython"

    def stage_plpython(self) -> None:
        """Copy plpython/ next to the data folder, where the server's OS user can read it
        wherever the checkout lives. New sessions import the refreshed copy."""
        assert self.plpython_dir is not None
        stage = self.plpython_stage
        shutil.rmtree(stage, ignore_errors=True)
        shutil.copytree(self.plpython_dir, stage,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        for path in [stage, *stage.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        self._check_access(stage, "r")

    # -- lifecycle ----------------------------------------------------------------------
    @property
    def initialized(self) -> bool:
        return (self.data_dir / "PG_VERSION").is_file()

    def init(self) -> None:
        if self.initialized:
            return
        for d in (self.data_dir, self.socket_dir):
            d.mkdir(parents=True, exist_ok=True)
            d.chmod(0o700)
            self._chown(d)
        self._check_access(self.data_dir, "w")
        result = self._run(
            [str(PG_BIN / "initdb"), "-D", str(self.data_dir), "-U", SUPERUSER,
             "--encoding=UTF8", "--locale=C.UTF-8", "--auth-local=peer",
             "--auth-host=scram-sha-256", "--data-checksums"],
            check=False, timeout=300,
        )
        if result.returncode != 0:
            raise ClusterError(f"initdb failed:\n{result.stdout}{result.stderr}")
        with (self.data_dir / "postgresql.conf").open("a") as f:
            f.write(f"\n# Managed by neuronplane: rewritten at every start.\n"
                    f"include_if_exists = '{CONF_NAME}'\n")
        self._write_hba()

    def _write_hba(self) -> None:
        invoking = pwd.getpwuid(os.geteuid()).pw_name
        users = sorted({invoking, self.os_user or invoking})
        ident = "".join(f"neuronplane {u} {SUPERUSER}\n" for u in users)
        # Other local users may connect as a role of their own name, never as superuser.
        ident += "neuronplane /^(.*)$ \\1\n"
        (self.data_dir / "pg_ident.conf").write_text(
            "# Managed by neuronplane.\n# MAPNAME SYSTEM-USERNAME PG-USERNAME\n" + ident)
        (self.data_dir / "pg_hba.conf").write_text(
            "# Managed by neuronplane.\n"
            "# TYPE  DATABASE USER ADDRESS        METHOD\n"
            "local   all      all                 peer map=neuronplane\n"
            "host    all      all  127.0.0.1/32   scram-sha-256\n"
            "host    all      all  ::1/128        scram-sha-256\n")
        for name in ("pg_ident.conf", "pg_hba.conf"):
            self._chown(self.data_dir / name)

    def conf_text(self) -> str:
        values = {
            "listen_addresses": f"'{self.host}'",
            "port": str(self.port),
            "unix_socket_directories": f"'{self.socket_dir}'",
            "unix_socket_permissions": "0700",
            "password_encryption": "'scram-sha-256'",
            "log_line_prefix": "'%m [%p] %q%u@%d '",
            "log_min_messages": "warning",
            "log_statement": "'none'",
            # pg_cron schedules the audit sealer and partition maintenance; its jobs run in
            # background workers, so they need no login or password.
            "shared_preload_libraries": "'pg_cron'",
            "cron.database_name": f"'{self.database}'",
            "cron.use_background_workers": "on",
            "cron.log_run": "on",
            "max_worker_processes": "16",
            # Where internal.data_key() reads the key that encrypts stored secrets.
            "neuronplane.key_file": f"'{self.key_file}'",
        }
        values.update(self.settings)
        return "# Managed by neuronplane: edits are overwritten.\n" + "".join(
            f"{k} = {v}\n" for k, v in values.items())

    def write_conf(self) -> bool:
        """Write neuronplane.conf; True when it changed (a running server must restart)."""
        path = self.data_dir / CONF_NAME
        text = self.conf_text()
        if path.is_file() and path.read_text() == text:
            return False
        path.write_text(text)
        self._chown(path)
        return True

    def pid(self) -> int | None:
        pidfile = self.data_dir / "postmaster.pid"
        try:
            pid = int(pidfile.read_text().splitlines()[0])
        except (OSError, ValueError, IndexError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        return pid

    def is_running(self) -> bool:
        if not self.initialized:
            return False
        result = self._run([str(PG_BIN / "pg_ctl"), "status", "-D", str(self.data_dir)],
                           check=False)
        return result.returncode == 0

    def start(self, timeout: float = 60) -> None:
        """Start the server (initializing it first if needed); a running server is left
        alone unless its managed configuration changed, which needs a restart."""
        self.init()
        if self.plpython_dir:
            self.stage_plpython()  # a running server's new sessions get the current modules
        self.ensure_key()
        changed = self.write_conf()
        if self.is_running():
            if not changed:
                return
            self.stop()
        if port_in_use(self.host, self.port):
            raise StartError(
                f"PostgreSQL cannot listen on {self.host}:{self.port}: the port is taken by "
                "another process; stop it or set NEURONPLANE_PG_PORT")
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        self._chown(self.socket_dir)
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        self.log_file.touch()
        self._chown(self.log_file)
        result = self._run(
            [str(PG_BIN / "pg_ctl"), "start", "-D", str(self.data_dir), "-l", str(self.log_file),
             "-w", "-t", str(int(timeout))],
            check=False, timeout=timeout + 30,
        )
        if result.returncode != 0:
            raise StartError(
                f"PostgreSQL failed to start ({result.stderr.strip() or result.stdout.strip()})"
                f"\n--- last lines of {self.log_file} ---\n{tail(self.log_file)}")

    def stop(self) -> None:
        if not self.is_running():
            return
        result = self._run([str(PG_BIN / "pg_ctl"), "stop", "-D", str(self.data_dir),
                            "-m", "fast", "-w", "-t", "60"], check=False, timeout=90)
        if result.returncode != 0:
            raise ClusterError(f"pg_ctl stop failed: {result.stderr.strip()}")

    def destroy(self) -> None:
        """Stop the server and remove its data folder (throwaway clusters only)."""
        try:
            self.stop()
        finally:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            shutil.rmtree(self.socket_dir, ignore_errors=True)

    # -- connections --------------------------------------------------------------------
    def conninfo(self, dbname: str = "postgres") -> str:
        """Superuser connection through the unix socket (peer authentication)."""
        return make_conninfo(
            host=str(self.socket_dir), port=self.port, user=SUPERUSER, dbname=dbname)

    def libpq_env(self, dbname: str) -> dict[str, str]:
        """Environment for psql, sqitch and pg_prove to reach the superuser over the socket."""
        return {"PGHOST": str(self.socket_dir), "PGPORT": str(self.port),
                "PGUSER": SUPERUSER, "PGDATABASE": dbname}

    @contextmanager
    def connect(self, dbname: str = "postgres", **kwargs) -> Iterator[psycopg.Connection]:
        with psycopg.connect(self.conninfo(dbname), connect_timeout=5, **kwargs) as conn:
            yield conn

    def answering(self) -> bool:
        try:
            with self.connect(autocommit=True) as conn:
                conn.execute("SELECT 1")
            return True
        except psycopg.Error:
            return False

    def ensure_database(self, dbname: str) -> bool:
        """Create the database when missing; True when it was created."""
        with self.connect(autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                  (dbname,)).fetchone()
            if exists:
                return False
            conn.execute(sql.SQL("CREATE DATABASE {}").format(
                sql.Identifier(dbname)))
            return True

    def set_password(self, dbname: str, role: str, password: str) -> None:
        """Give a LOGIN role its password as a SCRAM verifier computed by libpq on this
        side: the clear password never reaches the server, its logs or its statistics."""
        with self.connect(dbname, autocommit=True) as conn:
            verifier = conn.pgconn.encrypt_password(
                password.encode(), role.encode(), b"scram-sha-256").decode()
            conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                sql.Identifier(role), sql.Literal(verifier)))
