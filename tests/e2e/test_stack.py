"""`neuronplane up / status / down` as a user runs them, in a temporary NEURONPLANE_HOME
with free ports: first start, data kept across down/up, a killed PostgREST is seen and
brought back, a taken port is a clear error."""

import os
import re
import signal
import socket
import time
from pathlib import Path

import httpx
import pytest

from ..conftest import run_cli, stack_home
from ..conftest import stack_psql as _psql

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def stack_env():
    with stack_home() as env:
        yield env


def _uid_of(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Uid:"):
            return int(line.split()[1])
    raise AssertionError(f"no Uid line for pid {pid}")


def _status(env) -> tuple[int, dict[str, list[str]]]:
    result = run_cli("status", env=env, check=False)
    rows = {}
    for line in result.stdout.splitlines()[1:]:
        parts = line.split()
        rows[parts[0]] = parts[1:]
    return result.returncode, rows


def test_up_status_down_lifecycle(stack_env):
    env = stack_env
    api = f"http://127.0.0.1:{env['NEURONPLANE_API_PORT']}"

    out = run_cli("up", env=env).stdout
    assert "neuronplane is up" in out and "+ api/health" in out
    assert f"{api}/rpc/health" in out and "logs" in out
    r = httpx.get(f"{api}/rpc/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"
    glue = httpx.get(f"http://127.0.0.1:{env['NEURONPLANE_GLUE_PORT']}/healthz")
    assert glue.status_code == 200
    # Nginx is the single entry point, and its URL is the first one printed.
    entry = f"http://127.0.0.1:{env['NEURONPLANE_HTTP_PORT']}"
    urls = re.findall(r"https?://\S+", out.split("neuronplane is up", 1)[1])
    assert urls[0] == f"{entry}/", urls
    assert httpx.get(f"{entry}/rest/rpc/health").json()["status"] == "ok"
    assert httpx.get(f"{entry}/healthz").status_code == 200

    code, rows = _status(env)
    assert code == 0
    assert {name: row[0] for name, row in rows.items()} == {
        "PostgreSQL": "up", "PostgREST": "up", "glue": "up", "worker": "up", "nginx": "up"}
    # Invoked as root, PostgreSQL never runs as root, and PostgREST and the glue don't
    # either unless `up` said why (a checkout the server's OS user cannot reach).
    if os.geteuid() == 0:
        assert _uid_of(int(rows["PostgreSQL"][1])) != 0
        kept_root = "note: PostgREST and the glue run as root" in out
        for name in ("PostgREST", "glue", "nginx"):
            assert (_uid_of(int(rows[name][1])) == 0) == kept_root, name

    # No password in any file that is not a 0600 secret.
    home = Path(env["NEURONPLANE_HOME"])
    secret = (home / "secrets" / "authenticator.password").read_text().strip()
    assert oct((home / "secrets" / "pgpass").stat().st_mode & 0o777) == "0o600"
    for path in [*(home / "run").glob("*.conf"), *(home / "logs").glob("*.log")]:
        assert secret not in path.read_text(errors="replace"), path

    # An audit event, to be sealed by pg_cron's minute job (checked at the end).
    event_id = _psql(env, "SELECT audit.record('auth.logout')")
    started = time.monotonic()

    # A second up changes nothing and deploys nothing.
    again = run_cli("up", env=env).stdout
    assert "Nothing to deploy" in again and "initializing" not in again

    # Data survives down/up.
    _psql(env, "CREATE TABLE public.kept (note text);"
               "INSERT INTO public.kept VALUES ('still here')")
    down = run_cli("down", env=env).stdout
    assert "PostgreSQL: stopped" in down
    code, rows = _status(env)
    assert code == 3 and all(row[0] == "down" for row in rows.values())
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{api}/rpc/health")
    run_cli("up", env=env)
    assert _psql(env, "SELECT note FROM public.kept") == "still here"

    # kill -9 PostgREST: status sees it down, up brings it back.
    pid = int(rows_pid := _status(env)[1]["PostgREST"][1])
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
        time.sleep(0.1)
    code, rows = _status(env)
    assert code == 3 and rows["PostgREST"][0] == "down", rows
    assert rows["PostgreSQL"][0] == "up" and rows["glue"][0] == "up"
    run_cli("up", env=env)
    code, rows = _status(env)
    assert code == 0 and rows["PostgREST"][1] != rows_pid
    assert httpx.get(f"{api}/rpc/health").status_code == 200

    # pg_cron really runs the sealer: the event gets its seal within about a minute.
    sealed_query = f"SELECT count(*) FROM audit.seals WHERE event_id = {event_id}"
    while _psql(env, sealed_query) != "1" and time.monotonic() - started < 150:
        time.sleep(2)
    assert _psql(env, sealed_query) == "1", "pg_cron did not run audit.seal() in time"
    assert _psql(env, "SELECT ok FROM audit.verify()") == "t"


def test_taken_port_is_a_clear_error(stack_env):
    env = dict(stack_env)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        env["NEURONPLANE_GLUE_PORT"] = str(port)
        run_cli("down", env=stack_env, check=False)
        result = run_cli("up", env=env, check=False)
    assert result.returncode == 1
    assert f"glue cannot listen on 127.0.0.1:{port}: the port is taken" in result.stderr
    assert "NEURONPLANE_GLUE_PORT" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_component_that_fails_shows_its_log(stack_env):
    env = dict(stack_env)
    # Next to the home, which the server's OS user can reach (pytest's tmp_path is 0700).
    fake = Path(env["NEURONPLANE_HOME"]).parent / "fake-postgrest"
    fake.write_text("#!/bin/sh\necho 'FATAL: cannot load configuration' >&2\nexit 1\n")
    fake.chmod(0o755)
    env["NEURONPLANE_POSTGREST_BIN"] = str(fake)
    run_cli("down", env=stack_env, check=False)
    result = run_cli("up", env=env, check=False)
    assert result.returncode == 1
    assert "PostgREST exited with status 1 while starting" in result.stderr
    assert "FATAL: cannot load configuration" in result.stderr


def test_a_component_that_cannot_be_run_is_a_clear_error(stack_env):
    env = dict(stack_env)
    missing = Path(env["NEURONPLANE_HOME"]).parent / "no-such-postgrest"
    env["NEURONPLANE_POSTGREST_BIN"] = str(missing)
    run_cli("down", env=stack_env, check=False)
    result = run_cli("up", env=env, check=False)
    assert result.returncode == 1
    assert "PostgREST cannot be run" in result.stderr
    assert "no-such-postgrest: No such file or directory" in result.stderr
    assert "Traceback" not in result.stderr
