#!/usr/bin/python3
"""neuronplane-migrate: deploy and verify the sqitch plan, then set the login roles' passwords.

Environment (secrets are files, never values):
  PGHOST, PGPORT, PGDATABASE      the database (default db:5432/neuronplane)
  POSTGRES_PASSWORD_FILE          the superuser's password (required)
  AUTHENTICATOR_PASSWORD_FILE     PostgREST's login password (required)
  WORKER_PASSWORD_FILE            the glue's and worker's login password (required)
  NEURONPLANE_MIGRATE_WAIT        seconds to wait for the database (default 60)

Exits 0 when the plan is deployed and verified, 1 with a one-line reason otherwise.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from psycopg import sql

PLAN_DIR = Path("/usr/local/share/neuronplane")
LOGINS = {"authenticator": "AUTHENTICATOR_PASSWORD_FILE",
          "neuronplane_worker": "WORKER_PASSWORD_FILE"}


def die(message: str) -> None:
    print(f"neuronplane-migrate: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def secret(var: str) -> str:
    path = os.environ.get(var)
    if not path:
        die(f"{var} is not set: point it at a file (a mounted secret) holding the password")
    try:
        value = Path(path).read_text().strip()
    except OSError as exc:
        die(f"{var}={path} cannot be read ({exc.strerror})")
    if not value:
        die(f"{var}={path} is empty")
    return value


def pgpass_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def connect(wait: float) -> psycopg.Connection:
    host, port = os.environ.get("PGHOST", "db"), os.environ.get("PGPORT", "5432")
    dbname = os.environ.get("PGDATABASE", "neuronplane")
    deadline = time.monotonic() + wait
    while True:
        try:
            return psycopg.connect(connect_timeout=5, autocommit=True)
        except psycopg.OperationalError as exc:
            reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            if "password authentication failed" in reason:
                die(f"PostgreSQL at {host}:{port} refused the superuser's password "
                    "(POSTGRES_PASSWORD_FILE must hold the password the database was "
                    "initialised with)")
            if time.monotonic() >= deadline:
                die(f"cannot reach PostgreSQL at {host}:{port} (database {dbname}) after "
                    f"{wait:.0f} s: {reason}")
            time.sleep(1)


def sqitch(*args: str) -> None:
    result = subprocess.run(["sqitch", *args], cwd=PLAN_DIR, text=True, capture_output=True)
    output = (result.stdout + result.stderr).strip()
    if output:
        print(output, flush=True)
    if result.returncode != 0:
        die(f"sqitch {' '.join(args)} failed (exit {result.returncode})")


def main() -> None:
    try:
        wait = float(os.environ.get("NEURONPLANE_MIGRATE_WAIT", "60"))
    except ValueError:
        die("NEURONPLANE_MIGRATE_WAIT is not a number of seconds")
    superuser = secret("POSTGRES_PASSWORD_FILE")
    logins = {role: secret(var) for role, var in LOGINS.items()}
    # libpq (psycopg, psql under sqitch, DBD::Pg) reads the password from a 0600 passfile:
    # it is on no command line and in no environment variable.
    tmp = Path(tempfile.mkdtemp(prefix="neuronplane-migrate-"))
    passfile = tmp / "pgpass"
    fd = os.open(passfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(f"*:*:*:postgres:{pgpass_escape(superuser)}\n")
    os.environ.update(PGPASSFILE=str(passfile), PGUSER="postgres")
    os.environ.pop("PGPASSWORD", None)
    try:
        with connect(wait) as conn:
            print(f"neuronplane-migrate: connected to {conn.info.host}:{conn.info.port}/"
                  f"{conn.info.dbname}", flush=True)
        sqitch("deploy", "--verify")
        sqitch("verify")
        with connect(wait) as conn:
            for role, password in logins.items():
                # The SCRAM verifier is computed here: the clear password never reaches the
                # server, its logs or its statistics.
                verifier = conn.pgconn.encrypt_password(
                    password.encode(), role.encode(), b"scram-sha-256").decode()
                conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    sql.Identifier(role), sql.Literal(verifier)))
            # PostgREST instances already running reload the schema and the JWT settings.
            conn.execute("NOTIFY pgrst, 'reload schema'")
            conn.execute("NOTIFY pgrst, 'reload config'")
    finally:
        passfile.unlink(missing_ok=True)
        tmp.rmdir()
    print("neuronplane-migrate: deployed and verified; login roles: "
          + ", ".join(logins), flush=True)


if __name__ == "__main__":
    main()
