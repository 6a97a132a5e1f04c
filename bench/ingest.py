"""Benchmark: rows per second through the ingestion worker, against psql's \\copy and pgloader.

Measured in one run, on one throwaway cluster (PostgreSQL's default, durable settings):
  - the worker (`neuronplane worker --once`, its own process, as neuronplane_worker over TCP)
    loading an uploaded 1,000,000-row CSV, and the same rows as JSONL and as Parquet: rows
    per second from the job's started_at to finished_at (claim, staging table, COPY, publish);
  - baseline: `psql -c '\\copy ...'` of the same CSV into an identical, empty table
    (the physical limit). Target for CSV: worker >= 0.8x psql;
  - pgloader (Debian's package; installed when missing and running as root) on the same
    CSV into an identical table. Target: the worker is faster;
  - the worker's peak RSS (its own getrusage) while loading a ~1 GB CSV. Target: < 300 MB.
Each timed load runs --rounds times; medians are compared.

    .venv/bin/python bench/ingest.py [--rows 1000000] [--rounds 3] [--rss-gb 1] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pyarrow as pa
import pyarrow.parquet as pq

from neuronplane.testrun import TEST_DATABASE, prepare_database, throwaway_cluster

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = "id bigint, name text, value double precision, flag boolean, day date"


def write_csv(path: Path, rows: int, start: int = 0) -> None:
    with path.open("w") as f:
        f.write("id,name,value,flag,day\n")
        step = 100_000
        for base in range(start, start + rows, step):
            f.write("".join(
                f"{i},name number {i},{i * 0.25},{'true' if i % 3 else 'false'},"
                f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}\n"
                for i in range(base, min(base + step, start + rows))))


def write_jsonl(path: Path, rows: int) -> None:
    with path.open("w") as f:
        step = 100_000
        for base in range(0, rows, step):
            f.write("".join(
                json.dumps({"id": i, "name": f"name number {i}", "value": i * 0.25,
                            "flag": bool(i % 3),
                            "day": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"})
                + "\n" for i in range(base, min(base + step, rows))))


def write_parquet(path: Path, rows: int) -> None:
    writer = None
    step = 200_000
    for base in range(0, rows, step):
        ids = list(range(base, min(base + step, rows)))
        table = pa.table({
            "id": pa.array(ids, pa.int64()),
            "name": [f"name number {i}" for i in ids],
            "value": [i * 0.25 for i in ids],
            "flag": [bool(i % 3) for i in ids],
            "day": [f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in ids]})
        if writer is None:
            writer = pq.ParquetWriter(str(path), table.schema)
        writer.write_table(table)
    assert writer is not None
    writer.close()


WORKER = """
import resource, sys
from pathlib import Path
from neuronplane.ingest import IngestSettings
from neuronplane.ingest.worker import Worker
w = Worker(sys.argv[1], IngestSettings.from_env(Path(sys.argv[2])))
w.run(once=True)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


class Bench:
    def __init__(self, su: psycopg.Connection, worker_dsn: str, tmp: Path) -> None:
        self.su, self.worker_dsn, self.tmp = su, worker_dsn, tmp
        name = f"bench-{uuid.uuid4().hex[:8]}"
        self.user = su.execute("INSERT INTO identity.users (username) VALUES (%s) RETURNING id",
                               (name,)).fetchone()[0]
        self.project = su.execute(
            "INSERT INTO identity.projects (user_id, name) VALUES (%s, 'bench') RETURNING id",
            (self.user,)).fetchone()[0]

    def worker_load(self, path: Path, fmt: str) -> tuple[float, int, int]:
        """(rows/s, rows, peak RSS in kB) of one job through a fresh worker process."""
        # The worker removes an upload once its job ended: hand it a copy.
        upload = self.tmp / f"upload-{uuid.uuid4().hex}{path.suffix}"
        shutil.copyfile(path, upload)
        with self.su.transaction():
            [(upload_id,)] = self.su.execute(
                "SELECT workspace.register_ingest_upload(%s, %s, %s)",
                (str(upload), upload.stat().st_size, path.name)).fetchall()
            self.su.execute("SET LOCAL ROLE authenticated")
            self.su.execute("SELECT set_config('request.jwt.claims', %s, true)",
                            (json.dumps({"sub": str(self.user), "role": "authenticated"}),))
            [(job_id,)] = self.su.execute(
                "SELECT (api.start_ingest(%s, %s, 'upload', %s, %s, if_exists => 'replace')).id",
                (self.project, f"bench {fmt}", json.dumps({"upload_id": str(upload_id)}),
                 fmt)).fetchall()
        out = subprocess.run([sys.executable, "-c", WORKER, self.worker_dsn, str(self.tmp)],
                             text=True, capture_output=True, check=True,
                             env={**os.environ, "NEURONPLANE_INGEST_HEARTBEAT_SECONDS": "1"})
        rss = int(out.stdout.strip().splitlines()[-1])
        [(status, error, rows, secs)] = self.su.execute(
            "SELECT status, error, rows_done, extract(epoch FROM finished_at - started_at)"
            "  FROM workspace.ingest_jobs WHERE id = %s", (job_id,)).fetchall()
        if status != "succeeded":
            raise RuntimeError(f"the {fmt} job {status}: {error}")
        return rows / float(secs), rows, rss

    def psql_copy(self, env: dict[str, str], path: Path) -> float:
        self.su.execute("DROP TABLE IF EXISTS public.bench_copy")
        self.su.execute(f"CREATE TABLE public.bench_copy ({COLUMNS})")
        t0 = time.perf_counter()
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c",
                        f"\\copy public.bench_copy FROM '{path}' "
                        "WITH (FORMAT csv, HEADER true)"],
                       env=env, check=True)
        secs = time.perf_counter() - t0
        rows = self.su.execute("SELECT count(*) FROM public.bench_copy").fetchone()[0]
        return rows / secs

    def pgloader(self, env: dict[str, str], path: Path, socket: str, port: int) -> float | None:
        if shutil.which("pgloader") is None:
            if os.geteuid() != 0:
                print("pgloader: not installed (apt-get install pgloader, as root)")
                return None
            subprocess.run(["apt-get", "install", "-y", "-qq", "pgloader"], check=True,
                           env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
                           stdout=subprocess.DEVNULL)
        self.su.execute("DROP TABLE IF EXISTS public.bench_pgl")
        self.su.execute(f"CREATE TABLE public.bench_pgl ({COLUMNS})")
        load = self.tmp / "bench.load"
        load.write_text(
            f"LOAD CSV FROM '{path}' (id, name, value, flag, day)\n"
            f"  INTO postgresql://postgres@unix:{socket}:{port}/{TEST_DATABASE}"
            "?tablename=bench_pgl (id, name, value, flag, day)\n"
            "  WITH skip header = 1, fields terminated by ',',\n"
            "       fields optionally enclosed by '\"';\n")
        t0 = time.perf_counter()
        result = subprocess.run(["pgloader", "--quiet", str(load)], env=env, text=True,
                                capture_output=True)
        secs = time.perf_counter() - t0
        rows = self.su.execute("SELECT count(*) FROM public.bench_pgl").fetchone()[0]
        if result.returncode != 0 or rows == 0:
            print(f"pgloader failed ({result.returncode}): {result.stderr[-2000:]}")
            return None
        return rows / secs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rss-gb", type=float, default=1.0)
    parser.add_argument("--quick", action="store_true", help="100,000 rows, 1 round, 0.1 GB")
    parser.add_argument("--formats", default="csv,jsonl,parquet",
                        help="worker formats to time (csv is always timed)")
    args = parser.parse_args()
    if args.quick:
        args.rows, args.rounds, args.rss_gb = 100_000, 1, 0.1

    with throwaway_cluster(ROOT, log=lambda *_: None, settings={}) as (cluster, tmp):
        print(f"throwaway cluster on port {cluster.port}; generating {args.rows:,} rows")
        db = prepare_database(ROOT, cluster, tmp, round_trip=False, quiet=True)
        data = tmp / "bench-files"
        data.mkdir()
        csv_path, jsonl_path, pq_path = data / "d.csv", data / "d.jsonl", data / "d.parquet"
        write_csv(csv_path, args.rows)
        write_jsonl(jsonl_path, args.rows)
        write_parquet(pq_path, args.rows)
        for p in (csv_path, jsonl_path, pq_path):
            print(f"  {p.name}: {p.stat().st_size / 1e6:.1f} MB")
        env = {**os.environ, **cluster.libpq_env(TEST_DATABASE)}
        dsn = (f"host=127.0.0.1 port={cluster.port} dbname={TEST_DATABASE} "
               f"user=neuronplane_worker passfile={db.passfile}")
        with psycopg.connect(cluster.conninfo(TEST_DATABASE), autocommit=True) as su:
            bench = Bench(su, dsn, tmp)
            results: dict[str, list[float]] = {k: [] for k in
                                               ("csv", "jsonl", "parquet", "psql", "pgloader")}
            rss_small: list[int] = []
            for r in range(args.rounds):
                results["psql"].append(bench.psql_copy(env, csv_path))
                for fmt, path in (("csv", csv_path), ("jsonl", jsonl_path),
                                  ("parquet", pq_path)):
                    if fmt != "csv" and fmt not in args.formats.split(","):
                        continue
                    rate, rows, rss = bench.worker_load(path, fmt)
                    assert rows == args.rows, (fmt, rows)
                    results[fmt].append(rate)
                    rss_small.append(rss)
                pgl = bench.pgloader(env, csv_path, str(cluster.socket_dir), cluster.port)
                if pgl is not None:
                    results["pgloader"].append(pgl)
                print(f"round {r + 1}: " + ", ".join(
                    f"{k} {v[-1]:,.0f} rows/s" for k, v in results.items() if v))

            big_rows = int(args.rss_gb * 1e9 / 55)  # ~55 bytes a row
            big = data / "big.csv"
            write_csv(big, big_rows)
            size_gb = big.stat().st_size / 1e9
            rate, rows, rss = bench.worker_load(big, "csv")
            print(f"big CSV: {size_gb:.2f} GB, {rows:,} rows at {rate:,.0f} rows/s, worker peak "
                  f"RSS {rss / 1024:.0f} MB")

    med = {k: statistics.median(v) for k, v in results.items() if v}
    print("\nsummary (medians, rows per second)")
    for k in (k for k in ("csv", "jsonl", "parquet") if k in med):
        print(f"  worker {k:<8} {med[k]:>12,.0f}")
    print(f"  psql \\copy     {med['psql']:>12,.0f}")
    if "pgloader" in med:
        print(f"  pgloader       {med['pgloader']:>12,.0f}")
    ratio = med["csv"] / med["psql"]
    print(f"  CSV worker / psql \\copy = {ratio:.2f} (target >= 0.8): "
          f"{'PASS' if ratio >= 0.8 else 'MISS'}")
    if "pgloader" in med:
        vs = med["csv"] / med["pgloader"]
        print(f"  CSV worker / pgloader = {vs:.2f} (target > 1): {'PASS' if vs > 1 else 'MISS'}")
    print(f"  worker peak RSS on {size_gb:.2f} GB CSV = {rss / 1024:.0f} MB (target < 300 MB): "
          f"{'PASS' if rss / 1024 < 300 else 'MISS'}")
    print(f"  worker peak RSS, {args.rows:,}-row loads: {max(rss_small) / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
