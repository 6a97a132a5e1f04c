"""The HA topology under fire, with real processes on loopback: etcd, three PostgreSQL 15
nodes under Patroni (synchronous_mode), HAProxy, PgBouncer, two PostgREST, two glue.

- a writer commits numbered rows through PgBouncer -> HAProxy while the leader's postmaster
  (then, in a second case, its Patroni) is killed with SIGKILL: every acknowledged row
  survives, none twice, a new leader takes writes within 30 s, the old leader rejoins as
  a replica, tokens, refresh and API keys keep working, the audit chain verifies;
- backup + point-in-time recovery into a fresh home: exactly the rows up to T, the audit
  heads at T, a login with the password set before T and the API key made before T work,
  the key made after T does not exist; bad restores fail clearly and leave nothing.

One stack serves the module (starting it costs about a minute).
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from neuronplane import config, ha
from neuronplane.procs import free_port, port_in_use
from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.e2e

PASSWORD = "Quartz-Meadow-Falcon-58"
PASSPHRASE = "correct horse battery staple, HA edition"
TOOLS = ("/usr/bin/etcd", "/usr/bin/patroni", "/usr/sbin/haproxy", "/usr/sbin/pgbouncer",
         "/usr/bin/pgbackrest")


def _free_base() -> int:
    for _ in range(50):
        base = random.randrange(20000, 30000, 100)
        if not any(port_in_use("127.0.0.1", base + off) for off in range(0, 60)):
            return base
    raise RuntimeError("no free block of 60 loopback ports")


@pytest.fixture(scope="module")
def stack() -> Iterator[ha.HA]:
    missing = [t for t in TOOLS if not Path(t).exists()]
    if missing:
        pytest.skip(f"HA packages not installed ({', '.join(missing)}): run ./neuronplane, "
                    "which installs etcd-server, patroni, haproxy, pgbouncer, pgbackrest")
    tmp = Path(tempfile.mkdtemp(prefix="neuronplane-ha-"))
    tmp.chmod(0o755)
    env = {"NEURONPLANE_HOME": str(tmp / "np"), "NEURONPLANE_ROOT": str(ROOT),
           "NEURONPLANE_HA_PORT_BASE": str(_free_base()),
           "NEURONPLANE_BACKUP_PASSPHRASE": PASSPHRASE}
    with pytest.MonkeyPatch.context() as mp:
        for name in [k for k in os.environ if k.startswith("NEURONPLANE_TEST_")]:
            mp.delenv(name)
        for k, v in env.items():
            mp.setenv(k, v)
        # A killed process loses nothing the page cache holds: fsync buys nothing here.
        h = ha.build(config.load(), parameters={"fsync": "off"})
        try:
            t0 = time.monotonic()
            h.up(out=lambda *_: None)
            print(f"ha up: {time.monotonic() - t0:.1f}s")
            yield h
        finally:
            h.down(out=lambda *_: None)
            keep = os.environ.get("NEURONPLANE_HA_TEST_LOGS")  # a folder to keep the logs in
            if keep:
                shutil.copytree(h.log_dir, Path(keep) / tmp.name)
            shutil.rmtree(tmp, ignore_errors=True)


def writer_sql(stack: ha.HA, query: str, params=()) -> list[tuple]:
    """A statement as superuser on the leader (through HAProxy), retried while a failover
    settles."""
    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(stack.writer_conninfo(), autocommit=True) as conn:
                cur = conn.execute(query, params)
                return cur.fetchall() if cur.description else []
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def make_account(stack: ha.HA) -> dict[str, str]:
    name = f"ha-{uuid.uuid4().hex[:10]}"
    [(user_id,)] = writer_sql(stack, "INSERT INTO identity.users (username, email)"
                              " VALUES (%s, %s) RETURNING id::text", (name, f"{name}@example.test"))
    writer_sql(stack, "SELECT auth.set_password(%s, %s)", (user_id, PASSWORD))
    [(org_id,)] = writer_sql(stack, "INSERT INTO identity.organizations (name, slug)"
                             " VALUES (%s, %s) RETURNING id", (name, name))
    writer_sql(stack, "INSERT INTO identity.org_memberships VALUES (%s, %s, 'owner')",
               (org_id, user_id))
    writer_sql(stack, "INSERT INTO identity.projects (org_id, name) VALUES (%s, 'p')", (org_id,))
    return {"id": user_id, "name": name}


def api(stack: ha.HA, i: int = 1) -> str:
    return f"http://127.0.0.1:{stack.ports.api(i)}"


def login(url: str, name: str) -> dict:
    r = httpx.post(f"{url}/rpc/login", json={"username_or_email": name, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return r.json()


def create_key(url: str, access_token: str) -> str:
    r = httpx.post(f"{url}/rpc/create_api_key", json={"name": uuid.uuid4().hex[:8],
                                                      "roles": ["member"]},
                   headers={"Authorization": f"Bearer {access_token}"})
    assert r.status_code == 200, r.text
    return r.json()["api_key"]


def eventually(what: str, fn, timeout: float = 30, detail=lambda: ""):
    """fn() until it returns a true value (exceptions count as not yet)."""
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        try:
            value = fn()
            if value:
                return value
        except (httpx.HTTPError, psycopg.Error) as exc:
            last = exc
        time.sleep(0.5)
    raise AssertionError(f"{what}: not within {timeout}s (last error: {last or detail()})")


class Writer(threading.Thread):
    """Commits rows numbered 1, 2, 3, ... through PgBouncer (as neuronplane_worker) and
    records each acknowledged one; a number whose commit failed is never sent again."""

    def __init__(self, stack: ha.HA) -> None:
        super().__init__(daemon=True)
        self.conninfo = stack.pooled_conninfo("neuronplane_worker")
        self.acked: list[tuple[int, float]] = []
        self.failed = 0
        self.last_error = ""
        self.stopping = threading.Event()

    def run(self) -> None:
        n, conn = 0, None
        while not self.stopping.is_set():
            n += 1
            try:
                if conn is None:
                    conn = psycopg.connect(self.conninfo, autocommit=True,
                                           prepare_threshold=None)
                conn.execute("INSERT INTO ha_probe.rows (n) VALUES (%s)", (n,))
                self.acked.append((n, time.monotonic()))
            except psycopg.Error as exc:
                self.failed += 1
                self.last_error = str(exc)
                if conn is not None:
                    conn.close()
                conn = None
                time.sleep(0.1)
            time.sleep(0.01)
        if conn is not None:
            conn.close()

    def first_ack_after(self, t: float) -> float | None:
        return next((at for _, at in self.acked if at > t), None)


@pytest.fixture
def probe(stack: ha.HA) -> Iterator[None]:
    # No primary key: a row that came back twice would show as a duplicate.
    writer_sql(stack, "CREATE SCHEMA ha_probe")
    writer_sql(stack, "CREATE TABLE ha_probe.rows (n integer NOT NULL)")
    writer_sql(stack, "GRANT USAGE ON SCHEMA ha_probe TO neuronplane_worker")
    writer_sql(stack, "GRANT SELECT, INSERT ON ha_probe.rows TO neuronplane_worker")
    yield
    writer_sql(stack, "DROP SCHEMA ha_probe CASCADE")


@pytest.mark.parametrize("victim", ["postmaster", "patroni"])
def test_failover_keeps_every_acknowledged_commit(stack: ha.HA, probe, victim: str):
    account = make_account(stack)
    session = login(api(stack), account["name"])
    key = create_key(api(stack), session["access_token"])
    old = stack.leader()
    assert old is not None and stack.healthy()

    writer = Writer(stack)
    writer.start()
    eventually("the writer's first commits", lambda: len(writer.acked) >= 20,
               detail=lambda: writer.last_error)
    patroni_pid, postmaster_pid = stack.node_pids(old)
    killed_at = time.monotonic()
    ha.kill(postmaster_pid if victim == "postmaster" else patroni_pid)
    new = eventually("a new leader", lambda: (stack.leader() or old) != old and stack.leader(),
                     timeout=40)
    # Commits acknowledged right after the kill may come from the old leader's surviving
    # backends (they still replicate synchronously): count from the new leader's arrival.
    led_at = time.monotonic()
    eventually("a commit on the new leader", lambda: writer.first_ack_after(led_at),
               timeout=40)
    took = writer.first_ack_after(led_at) - killed_at
    print(f"failover ({victim} killed): {old} -> {new}, writes again after {took:.1f}s "
          f"({len(writer.acked)} acknowledged, {writer.failed} failed attempts)")
    time.sleep(1)
    writer.stopping.set()
    writer.join(10)
    assert took < 30, f"writes resumed only after {took:.1f}s"

    acked = {n for n, _ in writer.acked}
    [(total, distinct, missing)] = writer_sql(
        stack, "SELECT count(*), count(DISTINCT n),"
               " (SELECT count(*) FROM unnest(%s::int[]) a(n)"
               "   WHERE NOT EXISTS (SELECT 1 FROM ha_probe.rows p WHERE p.n = a.n))"
               " FROM ha_probe.rows", (sorted(acked),))
    assert missing == 0, f"{missing} acknowledged commits lost"
    assert total == distinct, f"{total - distinct} duplicate rows"
    assert total >= len(acked)

    if victim == "patroni":
        # Its PostgreSQL still runs as a primary that no one routes to: the restarted
        # Patroni demotes it and rewinds it onto the new timeline.
        stack.patroni(int(old.removeprefix("pg"))).start(60)
    eventually(f"{old} rejoins as a replica", lambda: stack.healthy() and any(
        m["name"] == old and m["role"] in ("replica", "sync_standby") for m in stack.members()),
        timeout=90)

    # The token issued before the failover, a refresh after it, the API key: on both
    # PostgREST instances (each reconnects through PgBouncer on its own).
    for i in (1, 2):
        eventually(f"PostgREST {i} answers with the old token", lambda i=i: httpx.get(
            f"{api(stack, i)}/projects",
            headers={"Authorization": f"Bearer {session['access_token']}"}).status_code == 200)
        eventually(f"PostgREST {i} accepts the API key", lambda i=i: httpx.get(
            f"{api(stack, i)}/projects", headers={"X-API-Key": key}).status_code == 200)
    r = httpx.post(f"{api(stack, 2)}/rpc/refresh",
                   json={"refresh_token": session["refresh_token"]})
    assert r.status_code == 200, r.text
    assert login(api(stack, 1), account["name"])["access_token"]
    for i in (1, 2):
        eventually(f"glue {i} healthy", lambda i=i: httpx.get(
            f"http://127.0.0.1:{stack.ports.glue(i)}/healthz").status_code == 200)
    writer_sql(stack, "SELECT audit.seal()")
    [(ok, problem)] = writer_sql(stack, "SELECT ok, problem FROM audit.verify()")
    assert ok, problem


def test_switchover_during_an_ingestion_job(stack: ha.HA):
    """`ha failover` while the worker loads a file: the job still ends with every row."""
    account = make_account(stack)
    session = login(api(stack), account["name"])
    auth = {"Authorization": f"Bearer {session['access_token']}"}
    [project] = httpx.get(f"{api(stack)}/projects", headers=auth).json()
    rows = 300_000
    content = "id,name,score\n" + "".join(f"{i},name-{i},{i * 0.5}\n" for i in range(rows))
    r = httpx.post(f"http://127.0.0.1:{stack.ports.glue(1)}/ingest/upload",
                   params={"project_id": project["id"], "dataset_name": "switchover"},
                   headers=auth, files={"file": ("rows.csv", content.encode())}, timeout=120)
    assert r.status_code == 201, r.text
    job_id = r.json()["id"]

    def job() -> dict:
        r = httpx.get(f"{api(stack)}/ingest_jobs", params={"id": f"eq.{job_id}"}, headers=auth)
        return r.json()[0] if r.status_code == 200 and r.json() else {}

    eventually("the job to start loading", lambda: job().get("status") == "running", timeout=60)
    old = stack.leader()
    new = stack.failover(out=lambda *_: None)
    assert new != old
    done = eventually("the job to end", lambda: job().get("status") in
                      ("succeeded", "failed", "cancelled") and job(), timeout=180)
    assert done["status"] == "succeeded", done
    assert done["rows_done"] == rows
    [(schema, table)] = writer_sql(stack, "SELECT target_schema, target_table"
                                   " FROM workspace.datasets WHERE id = %s", (done["dataset_id"],))
    [(count, distinct)] = writer_sql(stack, psycopg.sql.SQL(
        "SELECT count(*), count(DISTINCT id) FROM {}").format(
            psycopg.sql.Identifier(schema, table)))
    assert count == distinct == rows
    eventually("the old leader back as a replica", stack.healthy, timeout=60)


def _heads(stack_or_conn) -> list[tuple]:
    q = ("SELECT month, last_position, encode(head_hash, 'hex') FROM audit.chain_state"
         " WHERE last_position > 0 AND dropped_at IS NULL ORDER BY month")
    if isinstance(stack_or_conn, ha.HA):
        writer_sql(stack_or_conn, "SELECT audit.seal()")
        return writer_sql(stack_or_conn, q)
    stack_or_conn.execute("SELECT audit.seal()")
    return stack_or_conn.execute(q).fetchall()


def test_backup_and_point_in_time_restore(stack: ha.HA):
    from neuronplane import backup
    env = {**os.environ, "NEURONPLANE_HOME": str(stack.settings.home),
           "NEURONPLANE_HA_PORT_BASE": str(stack.ports.base),
           "NEURONPLANE_BACKUP_PASSPHRASE": PASSPHRASE}
    writer_sql(stack, "CREATE TABLE public.pitr_rows (n integer)")
    writer_sql(stack, "INSERT INTO public.pitr_rows SELECT generate_series(1, 100)")
    out = run_cli("backup", env=env, timeout=300).stdout
    assert "master key included (wrapped)" in out

    before = make_account(stack)               # a login, an API key, audit events
    session = login(api(stack), before["name"])
    key_before = create_key(api(stack), session["access_token"])
    writer_sql(stack, "INSERT INTO public.pitr_rows SELECT generate_series(101, 150)")
    heads_at_t = _heads(stack)
    [(t,)] = writer_sql(stack, "SELECT clock_timestamp()::text")
    time.sleep(1.0)
    writer_sql(stack, "INSERT INTO public.pitr_rows SELECT generate_series(151, 200)")
    key_after = create_key(api(stack), login(api(stack), before["name"])["access_token"])
    after = make_account(stack)
    listing = run_cli("backups", env=env).stdout
    [m] = [m for m in backup.manifests(stack)]
    assert m["label"] in listing and m["master_key"]["included"]
    assert m["versions"]["schema_change"] and m["versions"]["postgresql"].startswith("15")

    # Bad input first: each fails clearly and leaves no home behind.
    # Beside the stack's home: the server's OS user must reach it (pytest's tmp_path is 0700).
    tmp_path = stack.settings.home.parent
    into = tmp_path / "restored"
    bad = run_cli("restore", "--to", "2001-01-01 00:00:00+00", "--into", str(into),
                  env=env, check=False)
    assert bad.returncode == 1 and "no backup finished before" in bad.stderr
    bad = run_cli("restore", "--to", t, "--into", str(into), check=False,
                  env={**env, "NEURONPLANE_BACKUP_PASSPHRASE": "not the passphrase"})
    assert bad.returncode == 1 and "wrong passphrase" in bad.stderr, bad.stderr
    wrong_key = tmp_path / "wrong.key"
    wrong_key.write_text(os.urandom(32).hex() + "\n")
    bad = run_cli("restore", "--to", t, "--into", str(into), "--master-key-file",
                  str(wrong_key), env={**env, "NEURONPLANE_PG_PORT": str(free_port())},
                  check=False, timeout=300)
    assert bad.returncode == 1 and "master key does not open" in bad.stderr, bad.stderr
    assert not into.exists()

    # The real restore, then the restored home run as an ordinary `neuronplane up` stack.
    home_env = {**env, "NEURONPLANE_HOME": str(into), "NEURONPLANE_PG_PORT": str(free_port()),
                "NEURONPLANE_API_PORT": str(free_port()),
                "NEURONPLANE_API_ADMIN_PORT": str(free_port()),
                "NEURONPLANE_GLUE_PORT": str(free_port())}
    for name in [k for k in home_env if k.startswith("NEURONPLANE_TEST_")]:
        home_env.pop(name)
    t0 = time.monotonic()
    run_cli("restore", "--to", t, "--into", str(into),
            env={**env, "NEURONPLANE_PG_PORT": home_env["NEURONPLANE_PG_PORT"]}, timeout=300)
    print(f"restore to T: {time.monotonic() - t0:.1f}s")
    try:
        run_cli("up", env=home_env, timeout=300)
        sock, port = into / "run" / "pg", home_env["NEURONPLANE_PG_PORT"]
        with psycopg.connect(host=str(sock), port=port, user="postgres", dbname="neuronplane",
                             autocommit=True) as conn:
            rows = [n for (n,) in conn.execute("SELECT n FROM public.pitr_rows ORDER BY n")]
            assert rows == list(range(1, 151))
            assert _heads(conn) == heads_at_t
            ok, _, _, problem = conn.execute("SELECT * FROM audit.verify()").fetchone()
            assert ok, problem
            assert conn.execute("SELECT count(*) FROM identity.users WHERE username = %s",
                                (after["name"],)).fetchone()[0] == 0
        url = f"http://127.0.0.1:{home_env['NEURONPLANE_API_PORT']}"
        assert login(url, before["name"])["access_token"]
        r = httpx.get(f"{url}/projects", headers={"X-API-Key": key_before})
        assert r.status_code == 200 and [p["name"] for p in r.json()] == ["p"], r.text
        r = httpx.get(f"{url}/projects", headers={"X-API-Key": key_after})
        assert r.status_code == 401, r.text
    finally:
        run_cli("down", env=home_env, check=False)

    # A damaged backup file: pgBackRest's checksums catch it.
    assert run_cli("backups", "--verify", env=env, timeout=300).returncode == 0
    files = sorted((stack.repo_dir / "backup" / "neuronplane" / m["label"] / "pg_data").rglob(
        "*.lz4"), key=lambda p: p.stat().st_size)
    victim = files[-1]
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    victim.write_bytes(bytes(data))
    bad = run_cli("backups", "--verify", env=env, check=False, timeout=300)
    assert bad.returncode == 1 and "checksum invalid: 1" in bad.stdout, bad.stdout
    assert victim.name in bad.stdout
