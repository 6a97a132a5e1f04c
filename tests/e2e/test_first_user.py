"""From an empty stack to a loaded dataset with the CLI only, as a new user would: `up`
says what to do first, `admin create-user`, `login` (a 0600 session, refreshed when its
access token has expired), `orgs create`, `projects create`, `ingest` and `jobs` with the
stored session, `keys create | list | revoke`; and the refusals on the way."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx
import pytest

from neuronplane.procs import free_port

from ..conftest import ROOT, run_cli

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple 42"


@pytest.fixture(scope="module")
def first_env():
    home = Path(tempfile.mkdtemp(prefix="neuronplane-first-"))
    home.chmod(0o755)
    env = {**os.environ, "NEURONPLANE_ROOT": str(ROOT), "NEURONPLANE_HOME": str(home / "np"),
           "NEURONPLANE_PG_PORT": str(free_port()), "NEURONPLANE_API_PORT": str(free_port()),
           "NEURONPLANE_API_ADMIN_PORT": str(free_port()),
           "NEURONPLANE_GLUE_PORT": str(free_port()), "NEURONPLANE_HTTP_PORT": str(free_port()),
           "XDG_CONFIG_HOME": str(home / "config"), "COLUMNS": "200"}
    for name in [k for k in env if k.startswith("NEURONPLANE_TEST_")
                 or k in ("NEURONPLANE_API_KEY", "NEURONPLANE_TOKEN")]:
        env.pop(name)
    try:
        yield env
    finally:
        run_cli("down", env=env, check=False)
        shutil.rmtree(home, ignore_errors=True)


def _cli(env, *args: str, stdin: str = "", check: bool = True) -> subprocess.CompletedProcess:
    binary = Path(sys.executable).parent / "neuronplane"
    result = subprocess.run([str(binary), *args], env=env, text=True, capture_output=True,
                            input=stdin, timeout=180)
    if check and result.returncode != 0:
        raise AssertionError(f"neuronplane {' '.join(args)} exited {result.returncode}:\n"
                             f"{result.stdout}\n{result.stderr}")
    return result


def _psql(env, sql: str) -> str:
    return run_cli("psql", "-X", "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql,
                   env=env).stdout.strip()


def _session_file(env) -> Path:
    return Path(env["XDG_CONFIG_HOME"]) / "neuronplane" / "session.json"


def test_empty_stack_to_loaded_dataset(first_env, tmp_path):
    env = first_env
    api = f"http://127.0.0.1:{env['NEURONPLANE_API_PORT']}"

    up = _cli(env, "up").stdout
    assert "no user exists yet" in up and "admin create-user NAME --platform-admin" in up

    # Nothing works before a login.
    out = _cli(env, "orgs", check=False)
    assert out.returncode == 1 and "neuronplane login" in out.stderr

    # The password policy is the database's: refused, and nothing is left behind.
    out = _cli(env, "admin", "create-user", "alice", stdin="short\n", check=False)
    assert out.returncode == 1 and "too short" in out.stderr, out.stderr
    assert _psql(env, "SELECT count(*) FROM identity.users") == "0"

    out = _cli(env, "admin", "create-user", "alice", "--email", "alice@example.com",
               "--platform-admin", stdin=PASSWORD + "\n")
    assert "created user alice" in out.stdout
    assert _psql(env, "SELECT is_admin FROM identity.users WHERE username = 'alice'") == "t"
    assert _psql(env, "SELECT string_agg(action, ',' ORDER BY id) FROM audit.events "
                      "WHERE resource_type = 'user'") == \
        "identity.user.created,auth.password.reset"
    out = _cli(env, "admin", "create-user", "ALICE", stdin=PASSWORD + "\n", check=False)
    assert out.returncode == 1 and "already exists" in out.stderr
    # Once a user exists, up no longer says how to create the first one.
    assert "no user exists yet" not in _cli(env, "up").stdout

    out = _cli(env, "login", "alice", stdin="wrong password entirely\n", check=False)
    assert out.returncode == 1 and "invalid username or password" in out.stderr
    assert not _session_file(env).exists()
    _cli(env, "login", "alice", stdin=PASSWORD + "\n")
    stored = _session_file(env)
    assert oct(stored.stat().st_mode & 0o777) == "0o600"
    assert json.loads(stored.read_text())["api_url"] == api

    out = _cli(env, "orgs", "create", "Acme Research", "--slug", "acme").stdout
    assert "created organization Acme Research (acme)" in out
    assert "acme" in _cli(env, "orgs").stdout
    out = _cli(env, "projects", "create", "zips", "--org", "acme").stdout
    project = out.split("created project zips: ")[1].split()[0]
    assert project in _cli(env, "projects", "--org", "acme").stdout
    out = _cli(env, "projects", "create", "zips", "--org", "acme", check=False)
    assert out.returncode == 1 and "23505" in out.stderr

    # ingest and jobs with the stored session only.
    data = tmp_path / "zips.csv"
    data.write_text("zip,city\n00501,Holtsville\n02134,Allston\n10001,New York\n")
    out = _cli(env, "ingest", str(data), "--project", project).stdout
    assert "succeeded" in out and "3 rows" in out, out
    assert "zips" in _cli(env, "jobs", "--project", project).stdout
    assert _psql(env, "SELECT count(*) FROM workspace.ingest_jobs "
                      "WHERE status = 'succeeded'") == "1"

    # An expired access token is refreshed through /rpc/refresh and stored again.
    before = json.loads(stored.read_text())
    stored.write_text(json.dumps({**before, "expires_at": 0}))
    assert "zips" in _cli(env, "jobs").stdout
    after = json.loads(stored.read_text())
    assert after["access_token"] != before["access_token"]
    assert after["refresh_token"] != before["refresh_token"]
    assert oct(stored.stat().st_mode & 0o777) == "0o600"
    # A session that ended on the server cannot be refreshed: the CLI says to log in again.
    r = httpx.post(f"{api}/rpc/logout", json={},
                   headers={"Authorization": f"Bearer {after['access_token']}"})
    assert r.status_code == 204, r.text
    stored.write_text(json.dumps({**after, "expires_at": 0}))
    out = _cli(env, "jobs", check=False)
    assert out.returncode == 1 and "session has ended" in out.stderr, out.stderr
    assert "neuronplane login" in out.stderr
    _cli(env, "login", "alice", stdin=PASSWORD + "\n")

    # API keys: created (shown once), listed, used, revoked.
    out = _cli(env, "keys", "create", "loader", "--project", project).stdout
    key = out.strip().splitlines()[-1]
    key_id = out.split("(")[1].split(")")[0]
    assert key.startswith("npk_")
    assert "loader" in _cli(env, "keys", "list").stdout
    keyed = {**env, "NEURONPLANE_API_KEY": key}
    assert "zips" in _cli(keyed, "jobs", "--project", project).stdout
    _cli(env, "keys", "revoke", key_id)
    listed = _cli(env, "keys").stdout
    row = next(line for line in listed.splitlines() if "loader" in line)
    assert row.split()[-2] != "-", listed  # revoked_at is set
    out = _cli(keyed, "jobs", check=False)
    assert out.returncode == 1 and "revoked" in out.stderr, out.stderr

    _cli(env, "logout")
    assert not stored.exists()
    out = _cli(env, "orgs", check=False)
    assert out.returncode == 1 and "neuronplane login" in out.stderr
