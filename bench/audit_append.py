"""Benchmark: audit events appended per second by 8 concurrent writers.

Measured in one run, on one throwaway cluster:
  - record:   `SELECT audit.record(...)`, the only way events are written (validation,
              redaction check, partition routing, indexes, pg_cron's sealer running);
  - baseline: plain INSERTs of the same columns into an unindexed, unpartitioned table.
Each writer is a pgbench client running one statement per transaction. The two are run
alternately, `--rounds` times each, and the medians compared. Target: ratio >= 0.7.
Afterwards it times audit.seal() and audit.verify() over everything recorded.

--durability durable (default) runs PostgreSQL's default, crash-safe settings, as
`neuronplane up` does; --durability fast turns fsync, synchronous_commit and
full_page_writes off (as the test cluster does), which leaves only CPU to compare.

    .venv/bin/python bench/audit_append.py [--durability durable|fast] [--seconds 15]
                                           [--rounds 3] [--clients 8]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from neuronplane import migrate
from neuronplane.cluster import PG_BIN
from neuronplane.testrun import FAST_SETTINGS, TEST_DATABASE, throwaway_cluster

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.7

RECORD_SQL = """\
SELECT audit.record('auth.login.succeeded', 'success', 'user', 'bench',
    '{"method": "password"}'::jsonb, '00000000-0000-4000-8000-000000000001'::uuid, 'user',
    NULL, NULL, '198.51.100.7'::inet, 'pgbench', NULL);
"""

PLAIN_SQL = """\
INSERT INTO bench.plain_events (occurred_at, principal_id, principal_type, org_id, project_id,
    action, resource_type, resource_id, outcome, ip, user_agent, request_id, details)
VALUES (clock_timestamp(), '00000000-0000-4000-8000-000000000001', 'user', NULL, NULL,
    'auth.login.succeeded', 'user', 'bench', 'success', '198.51.100.7', 'pgbench', NULL,
    '{"method": "password"}');
"""

PLAIN_TABLE = """\
CREATE SCHEMA bench;
CREATE TABLE bench.plain_events (
    id bigint GENERATED ALWAYS AS IDENTITY, occurred_at timestamptz NOT NULL,
    principal_id uuid, principal_type text, org_id uuid, project_id uuid, action text NOT NULL,
    resource_type text, resource_id text, outcome text NOT NULL, ip inet, user_agent text,
    request_id text, details jsonb NOT NULL);
"""


def pgbench(env: dict[str, str], script: Path, clients: int, seconds: int) -> float:
    out = subprocess.run(
        [str(PG_BIN / "pgbench"), "-n", "-c", str(clients), "-j", str(min(clients, 2)),
         "-T", str(seconds), "-f", str(script)],
        env=env, text=True, capture_output=True, check=True).stdout
    match = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", out)
    if not match:
        raise RuntimeError(f"cannot read pgbench's tps:\n{out}")
    return float(match.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--durability", choices=["fast", "durable"], default="durable",
                        help="durable: PostgreSQL's defaults, as `neuronplane up` runs them; "
                             "fast: fsync, synchronous_commit and full_page_writes off (CPU-bound)")
    args = parser.parse_args()
    settings = dict(FAST_SETTINGS) if args.durability == "fast" else {}

    with throwaway_cluster(ROOT, log=lambda *_: None, settings=settings) as (cluster, tmp):
        cluster.ensure_database(TEST_DATABASE)
        migrate.deploy(ROOT, cluster, TEST_DATABASE, quiet=True)
        env = {**cluster.libpq_env(TEST_DATABASE), "PATH": "/usr/bin:/bin"}
        with cluster.connect(TEST_DATABASE, autocommit=True) as conn:
            conn.execute(PLAIN_TABLE)
            # Sealing is measured on its own below; pg_cron's minute job would otherwise
            # steal one of two cores from whichever run it lands in.
            conn.execute("UPDATE cron.job SET active = false")
        work = Path(tempfile.mkdtemp(dir=tmp))
        (work / "record.sql").write_text(RECORD_SQL)
        (work / "plain.sql").write_text(PLAIN_SQL)

        print(f"audit_append: {args.clients} writers, {args.seconds}s per run, "
              f"{args.rounds} rounds, {args.durability} cluster settings "
              f"{settings or '(defaults)'}")
        record_tps: list[float] = []
        plain_tps: list[float] = []
        for rnd in range(1, args.rounds + 1):
            plain_tps.append(pgbench(env, work / "plain.sql", args.clients, args.seconds))
            record_tps.append(pgbench(env, work / "record.sql", args.clients, args.seconds))
            print(f"  round {rnd}: baseline {plain_tps[-1]:,.0f} inserts/s, "
                  f"audit.record {record_tps[-1]:,.0f} events/s")

        with cluster.connect(TEST_DATABASE, autocommit=True) as conn:
            count = conn.execute("SELECT count(*) FROM audit.events").fetchone()[0]
            started = time.perf_counter()
            sealed = 0
            while True:
                n = conn.execute("SELECT audit.seal(1000000)").fetchone()[0]
                sealed += n
                if n == 0:
                    break
            seal_s = time.perf_counter() - started
            started = time.perf_counter()
            ok, _, _, problem = conn.execute("SELECT * FROM audit.verify()").fetchone()
            verify_s = time.perf_counter() - started

    record, plain = statistics.median(record_tps), statistics.median(plain_tps)
    ratio = record / plain
    print(f"baseline (plain INSERT, no index, no partition): {plain:,.0f} inserts/s (median)")
    print(f"audit.record:                                     {record:,.0f} events/s (median)")
    print(f"ratio: {ratio:.2f} (target >= {TARGET})")
    print(f"sealing: {sealed:,} of {count:,} events in {seal_s:.2f}s "
          f"({sealed / seal_s:,.0f} events/s); verify: {'ok' if ok else problem} "
          f"in {verify_s:.2f}s ({count / verify_s:,.0f} events/s)")
    return 0 if ratio >= TARGET and ok else 1


if __name__ == "__main__":
    sys.exit(main())
