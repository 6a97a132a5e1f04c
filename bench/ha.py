"""Benchmark: the HA topology (`neuronplane ha`), three figures, each beside a baseline of
the same run:

  1. failover time over --runs runs (min / median / max), against the 30 s target: a writer
     commits through PgBouncer -> HAProxy, the leader's postmaster gets SIGKILL, and the time
     runs until the first commit acknowledged after the new leader is up;
  2. write throughput through HAProxy + PgBouncer with synchronous replication, as a ratio
     of the same workload on a single node (a throwaway cluster, same durability), --seconds
     each, --clients threads of one-row autocommit INSERTs (reported; no target);
  3. backup and restore throughput (MB/s of database) of pgBackRest, beside pg_basebackup of
     the same leader in the same run.

    .venv/bin/python bench/ha.py [--runs 5] [--seconds 10] [--clients 4]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("NEURONPLANE_ROOT", str(ROOT))

from neuronplane import config, ha, testrun  # noqa: E402
from neuronplane.cluster import PG_BIN  # noqa: E402
from neuronplane.procs import port_in_use  # noqa: E402


def _free_base() -> int:
    for _ in range(50):
        base = random.randrange(20000, 30000, 100)  # noqa: S311 (a port, not a secret)
        if not any(port_in_use("127.0.0.1", base + off) for off in range(60)):
            return base
    raise SystemExit("no free block of 60 loopback ports")


def insert_rate(conninfo: str, seconds: float, clients: int) -> float:
    """One-row autocommit INSERTs per second by `clients` threads for `seconds`."""
    counts = [0] * clients
    stop = threading.Event()

    def run(k: int) -> None:
        with psycopg.connect(conninfo, autocommit=True, prepare_threshold=None) as conn:
            while not stop.is_set():
                conn.execute("INSERT INTO bench_ha.rows (k) VALUES (%s)", (k,))
                counts[k] += 1

    threads = [threading.Thread(target=run, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    return sum(counts) / seconds


def failover_once(h: ha.HA) -> float:
    conninfo = h.pooled_conninfo("neuronplane_worker")
    acks: list[float] = []
    stop = threading.Event()

    def writer() -> None:
        conn = None
        while not stop.is_set():
            try:
                conn = conn or psycopg.connect(conninfo, autocommit=True, prepare_threshold=None)
                conn.execute("INSERT INTO bench_ha.rows (k) VALUES (0)")
                acks.append(time.monotonic())
            except psycopg.Error:
                if conn is not None:
                    conn.close()
                conn = None
                time.sleep(0.05)

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    while len(acks) < 10:
        time.sleep(0.1)
    old = h.leader()
    _, postmaster = h.node_pids(old)
    killed = time.monotonic()
    ha.kill(postmaster)
    while (h.leader() or old) == old:
        time.sleep(0.2)
    led = time.monotonic()
    while not any(a > led for a in acks):
        time.sleep(0.05)
    took = next(a for a in acks if a > led) - killed
    stop.set()
    t.join(10)
    h.wait_for("the old leader to rejoin", h.healthy, 120)
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="neuronplane-bench-ha-"))
    tmp.chmod(0o755)
    os.environ.update({"NEURONPLANE_HOME": str(tmp / "np"),
                       "NEURONPLANE_HA_PORT_BASE": str(_free_base()),
                       "NEURONPLANE_BACKUP_PASSPHRASE": "bench passphrase"})
    h = ha.build(config.load())
    try:
        t0 = time.monotonic()
        h.up(out=lambda *_: None)
        print(f"== ha up: {time.monotonic() - t0:.1f}s")
        with psycopg.connect(h.writer_conninfo(), autocommit=True) as conn:
            conn.execute("CREATE SCHEMA bench_ha; CREATE TABLE bench_ha.rows (k int, at"
                         " timestamptz DEFAULT now(), pad text DEFAULT repeat('x', 100));"
                         "GRANT USAGE ON SCHEMA bench_ha TO neuronplane_worker;"
                         "GRANT INSERT ON bench_ha.rows TO neuronplane_worker")

        print("== (2) write throughput")
        ha_rate = insert_rate(h.pooled_conninfo("neuronplane_worker"), args.seconds, args.clients)
        with testrun.throwaway_cluster(ROOT, log=lambda *_: None, settings={}) as (single, _):
            with single.connect(autocommit=True) as conn:
                conn.execute("CREATE SCHEMA bench_ha; CREATE TABLE bench_ha.rows (k int, at"
                             " timestamptz DEFAULT now(), pad text DEFAULT repeat('x', 100))")
            one_rate = insert_rate(single.conninfo(), args.seconds, args.clients)
        print(f"   HA (PgBouncer -> HAProxy -> leader, synchronous standby): {ha_rate:,.0f}/s")
        print(f"   single node (same durability, unix socket, no pooler):    {one_rate:,.0f}/s")
        print(f"   ratio HA / single node: {ha_rate / one_rate:.2f}x (reported; no target)")

        print("== (3) backup and restore throughput")
        with psycopg.connect(h.writer_conninfo(), autocommit=True) as conn:
            conn.execute("INSERT INTO bench_ha.rows (k)"
                         " SELECT g FROM generate_series(1, 1500000) g")
            conn.execute("CHECKPOINT")
            size = conn.execute("SELECT sum(pg_database_size(oid)) FROM pg_database").fetchone()[0]
        mb = float(size) / 1e6
        t0 = time.monotonic()
        h.pgbackrest("backup", "--type=full", timeout=3600)
        pgbr = time.monotonic() - t0
        leader = int(h.leader().removeprefix("pg"))
        dest = tmp / "basebackup"
        t0 = time.monotonic()
        # pg_hba lets only the replication role in for replication.
        passfile = tmp / "pgpass-replicator"
        passfile.write_text(f"127.0.0.1:*:*:replicator:{h._secret('replicator.password')}\n")
        passfile.chmod(0o600)
        subprocess.run([str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1", "-p",
                        str(h.ports.pg(leader)), "-U", "replicator", "-D", str(dest),
                        "-X", "fetch", "-c", "fast"], check=True, capture_output=True,
                       env={**os.environ, "PGPASSFILE": str(passfile)})
        base = time.monotonic() - t0
        target = tmp / "restore"
        target.mkdir(mode=0o700)
        ha.chown_to(target, h.os_user)
        t0 = time.monotonic()
        h.pgbackrest(f"--pg1-path={target}", "restore", timeout=3600)
        restore = time.monotonic() - t0
        print(f"   database {mb:,.0f} MB")
        print(f"   pgBackRest full backup (lz4, encrypted): {pgbr:.1f}s = {mb / pgbr:,.1f} MB/s")
        print(f"   pg_basebackup (plain, unencrypted):      {base:.1f}s = {mb / base:,.1f} MB/s")
        print(f"   ratio pgBackRest / pg_basebackup: {base / pgbr:.2f}x")
        print(f"   pgBackRest restore:                      {restore:.1f}s = "
              f"{mb / restore:,.1f} MB/s")

        print(f"== (1) failover time, {args.runs} runs (kill -9 of the leader's postmaster)")
        times = []
        for i in range(args.runs):
            took = failover_once(h)
            times.append(took)
            print(f"   run {i + 1}: {took:.2f}s")
        print(f"   min {min(times):.2f}s  median {statistics.median(times):.2f}s  "
              f"max {max(times):.2f}s  (target < 30s: {'PASS' if max(times) < 30 else 'MISS'})")
        return 0 if max(times) < 30 else 1
    finally:
        h.down(out=lambda *_: None)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
