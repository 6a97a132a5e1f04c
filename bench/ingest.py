"""Benchmark: what a user waits for in `neuronplane ingest`, against `psql -c '\\copy ...'`.

Measured in one run, on one stack started as the tests start it (`neuronplane up` in a
temporary NEURONPLANE_HOME on free loopback ports; `down` at the end):
  - `neuronplane ingest FILE --project P` as a whole command, timed around the process:
    the CLI's start, the upload through the glue, the job queued, claimed and loaded by the
    worker that `up` started, published, and followed by the CLI to its end. The CLI is
    the installed entry point (what `./neuronplane` runs after its install checks), with
    the session of `neuronplane login` (an API key's 60 requests a minute would add 429
    waits to the figure);
  - baseline: `psql -c '\\copy ...'` of the same CSV into an identical, empty table (the
    column types the worker inferred), also timed around the process;
  - a CSV and a Parquet file of --rows rows (the Parquet file against `\\copy` of its CSV);
    the rounds interleave (ingest, \\copy, ingest, \\copy, ...) so that load from other
    processes falls on both sides alike; medians of --rounds rounds. Target: >= 0.8x;
  - the worker's peak RSS (VmHWM of its process) over the run. Target: < 300 MB.
Each ingest is split by the job's timestamps and the CLI's output (upload, queue,
load+publish, poll, exit), each side's CPU seconds are counted by process, and one more
untimed ingest of each file logs every statement's duration: where a miss comes from.

    .venv/bin/python bench/ingest.py [--rows 1000000] [--rounds 3] [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).parent / "neuronplane"
PASSWORD = secrets.token_urlsafe(24)  # the throwaway user's; never shown
TARGET_RATIO, TARGET_RSS_MB = 0.8, 300


def day(i: int) -> str:
    return f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"


def write_csv(path: Path, rows: int) -> None:
    with path.open("w") as f:
        f.write("id,name,value,flag,day\n")
        step = 100_000
        for base in range(0, rows, step):
            f.write("".join(
                f"{i},name number {i},{i * 0.25},{'true' if i % 3 else 'false'},{day(i)}\n"
                for i in range(base, min(base + step, rows))))


def write_parquet(path: Path, rows: int) -> None:
    """The CSV's rows with Parquet's own types (int64, string, double, bool, date32)."""
    writer = None
    step = 200_000
    for base in range(0, rows, step):
        ids = range(base, min(base + step, rows))
        table = pa.table({
            "id": pa.array(ids, pa.int64()),
            "name": [f"name number {i}" for i in ids],
            "value": [i * 0.25 for i in ids],
            "flag": [bool(i % 3) for i in ids],
            "day": pa.array([dt.date.fromisoformat(day(i)) for i in ids], pa.date32())})
        if writer is None:
            writer = pq.ParquetWriter(str(path), table.schema)
        writer.write_table(table)
    assert writer is not None
    writer.close()


def stack_env(home: Path) -> dict[str, str]:
    """The environment of `neuronplane up` in home, on free loopback ports (as the tests)."""
    from neuronplane.procs import free_port
    env = {**os.environ, "NEURONPLANE_ROOT": str(ROOT), "NEURONPLANE_HOME": str(home / "np"),
           "NEURONPLANE_PG_PORT": str(free_port()), "NEURONPLANE_API_PORT": str(free_port()),
           "NEURONPLANE_API_ADMIN_PORT": str(free_port()),
           "NEURONPLANE_GLUE_PORT": str(free_port()),
           "XDG_CONFIG_HOME": str(home / "config")}
    for name in [k for k in env if k.startswith("NEURONPLANE_TEST_")
                 or k in ("NEURONPLANE_API_KEY", "NEURONPLANE_TOKEN")]:
        env.pop(name)
    return env


def cli(env: dict[str, str], *args: str, stdin: str = "") -> str:
    result = subprocess.run([str(CLI), *args], env=env, text=True, capture_output=True,
                            input=stdin, timeout=900)
    if result.returncode != 0:
        raise RuntimeError(f"neuronplane {' '.join(args)} exited {result.returncode}:\n"
                           f"{result.stdout}\n{result.stderr}")
    return result.stdout


def vm_hwm_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmHWM for process {pid}")


TICK = os.sysconf("SC_CLK_TCK")


class CpuMeter:
    """CPU seconds (user + system) spent by the stack's processes and by this script's
    children, whatever else the machine runs: PostgreSQL (the postmaster, its live children,
    and through the postmaster's cutime/cstime the children it reaped, psql's backend
    among them), PostgREST, the glue and the worker. A process that lived before a
    measurement and ended during it would be counted whole: the backends of the worker,
    PostgREST and the glue live as long as their pools."""

    def __init__(self, data_dir: Path, pid_files: list[Path]) -> None:
        self.data_dir, self.pid_files = data_dir, pid_files

    @staticmethod
    def _stat(pid: int) -> list[str]:
        text = Path(f"/proc/{pid}/stat").read_text()
        return text[text.rindex(")") + 2:].split()  # fields from the 3rd on

    def _cpu(self, pid: int) -> float:
        try:
            f = self._stat(pid)
        except (OSError, ValueError):
            return 0.0
        return sum(int(x) for x in f[11:15]) / TICK  # utime, stime, cutime, cstime

    def read(self) -> dict[str, float]:
        """CPU seconds so far, by component."""
        postmaster = int((self.data_dir / "postmaster.pid").read_text().split()[0])
        backends = [postmaster]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if int(self._stat(int(entry.name))[1]) == postmaster:
                        backends.append(int(entry.name))
                except (OSError, ValueError):
                    pass
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = {"client": children.ru_utime + children.ru_stime,
               "postgres": sum(self._cpu(p) for p in backends)}
        for f in self.pid_files:
            out[f.stem] = self._cpu(int(f.read_text())) if f.exists() else 0.0
        return out

    def since(self, before: dict[str, float]) -> dict[str, float]:
        after = self.read()
        spent = {f"cpu_{k}": after[k] - before.get(k, 0.0) for k in after}
        return {"cpu": sum(spent.values()), **spent}


def cpu_parts(w: dict[str, float]) -> str:
    """CPU seconds by component (client: the CLI or psql)."""
    return ", ".join(f"{k[4:]} {v:.2f}" for k, v in w.items() if k.startswith("cpu_"))


def parts(w: dict[str, float]) -> str:
    return (f"upload {w['upload']:.2f}, queue {w['queue']:.2f}, load+publish {w['load']:.2f}, "
            f"poll {w['poll']:.2f}, exit {w['exit']:.2f}")


def loadavg() -> str:
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


class Bench:
    def __init__(self, env: dict[str, str], su: psycopg.Connection, project: str,
                 libpq: dict[str, str], meter: CpuMeter) -> None:
        self.env, self.su, self.project, self.libpq = env, su, project, libpq
        self.meter = meter

    def ingest(self, path: Path, dataset: str, rows: int) -> dict[str, float]:
        """One `neuronplane ingest` timed around its process, and where its time went
        (from the job's timestamps, on the same machine's clock)."""
        cpu0 = self.meter.read()
        t0 = time.time()
        # Its output is read line by line as it comes (rich flushes every line), to date
        # the moment it saw the job queued and the moment it saw it end.
        proc = subprocess.Popen(
            [str(CLI), "ingest", str(path), "--project", self.project, "--name", dataset,
             "--if-exists", "replace"],
            env=self.env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        assert proc.stdout is not None
        lines = [(time.time(), line) for line in proc.stdout]
        proc.wait()
        t1 = time.time()
        cpu = self.meter.since(cpu0)
        output = "".join(line for _, line in lines)
        seen = [t for t, line in lines if line.startswith("succeeded")]
        if proc.returncode != 0 or not seen:
            raise RuntimeError(f"neuronplane ingest exited {proc.returncode}:\n{output}")
        [(status, done, created, started, finished)] = self.su.execute(
            "SELECT status, rows_done, extract(epoch FROM created_at),"
            "       extract(epoch FROM started_at), extract(epoch FROM finished_at)"
            "  FROM workspace.ingest_jobs WHERE dataset_name = %s"
            " ORDER BY created_at DESC LIMIT 1", (dataset,)).fetchall()
        if status != "succeeded" or done != rows:
            raise RuntimeError(f"job of {dataset}: {status}, {done} rows (expected {rows})")
        # upload: the CLI's start, the upload, the job created (created_at); queue: until a
        # worker claimed it (started_at); load: until it was published (finished_at); poll:
        # until the CLI's polling saw it; exit: the CLI's last line and its exit.
        return {"total": t1 - t0, **cpu, "upload": float(created) - t0,
                "queue": float(started - created), "load": float(finished - started),
                "poll": seen[0] - float(finished), "exit": t1 - seen[0]}

    def columns(self, dataset: str) -> list[tuple[str, str]]:
        """The published table's columns and types, as the worker inferred them."""
        [(schema, table)] = self.su.execute(
            "SELECT target_schema, target_table FROM workspace.datasets WHERE name = %s",
            (dataset,)).fetchall()
        return self.su.execute(
            "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
            " WHERE attrelid = format('%%I.%%I', %s::text, %s::text)::regclass"
            "   AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
            (schema, table)).fetchall()

    def psql_copy(self, csv: Path, table: str,
                  columns: list[tuple[str, str]]) -> dict[str, float]:
        """`psql -c '\\copy'` of csv into a new, empty table of those columns, timed around
        the psql process (the table is made before the clock starts)."""
        self.su.execute(f"DROP TABLE IF EXISTS bench.{table}")
        self.su.execute(f"CREATE TABLE bench.{table} ("
                        + ", ".join(f'"{n}" {t}' for n, t in columns) + ")")
        names = ", ".join(f'"{n}"' for n, _ in columns)
        cpu0 = self.meter.read()
        t0 = time.time()
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c",
                        f"\\copy bench.{table} ({names}) FROM '{csv}' "
                        "WITH (FORMAT csv, HEADER true)"],
                       env={**os.environ, **self.libpq}, check=True)
        t1 = time.time()
        return {"total": t1 - t0, **self.meter.since(cpu0)}


LOGGED = re.compile(r"^\S+ \S+ \S+ \[\d+\] (\S+)@\S+ LOG:  duration: ([\d.]+) ms  "
                    r"(?:statement|execute [^:]*): (.*)")


def explain(bench: Bench, log: Path, path: Path, dataset: str, rows: int) -> None:
    """One more, untimed ingest with every statement's duration logged (so that the logging
    costs the timed rounds nothing): where the job's time goes, statement by statement."""
    bench.su.execute("ALTER SYSTEM SET log_min_duration_statement = 0")
    bench.su.execute("SELECT pg_reload_conf()")
    time.sleep(1)
    offset = log.stat().st_size
    try:
        w = bench.ingest(path, dataset, rows)
    finally:
        bench.su.execute("ALTER SYSTEM RESET log_min_duration_statement")
        bench.su.execute("SELECT pg_reload_conf()")
    with log.open("rb") as f:
        f.seek(offset)
        lines = f.read().decode(errors="replace").splitlines()
    spent: dict[str, float] = {}
    slow: list[tuple[float, str, str]] = []
    for line in lines:
        m = LOGGED.match(line)
        if not m:
            continue
        user, ms, text = m.group(1), float(m.group(2)), m.group(3)
        spent[user] = spent.get(user, 0.0) + ms
        if ms >= 20:
            slow.append((ms, user, " ".join(text.split())[:90]))
    print(f"   {dataset}: ingest {w['total']:.2f} s ({parts(w)}); "
          "statements of each database user: " + ", ".join(
              f"{u} {ms / 1000:.2f} s" for u, ms in sorted(spent.items())))
    for ms, user, text in sorted(slow, reverse=True)[:8]:
        print(f"     {ms / 1000:6.2f} s  {user}: {text}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="100,000 rows, 3 rounds")
    args = parser.parse_args()
    if args.quick:
        args.rows = 100_000
    args.rounds = max(args.rounds, 3)  # a median needs at least three

    tmp = Path(tempfile.mkdtemp(prefix="neuronplane-bench-ingest-"))
    tmp.chmod(0o755)  # the stack may run its services as another OS user
    env = stack_env(tmp)
    os.environ.update({k: env[k] for k in env if k.startswith("NEURONPLANE_")})
    started = time.monotonic()
    try:
        from neuronplane import config
        from neuronplane.cluster import SUPERUSER
        s = config.load()
        print(f"== stack: neuronplane up (home {s.home}, PostgreSQL port {s.pg_port}); "
              f"{loadavg()}", flush=True)
        cli(env, "up")
        cli(env, "admin", "create-user", "bench", "--platform-admin", stdin=PASSWORD + "\n")
        cli(env, "login", "bench", stdin=PASSWORD + "\n")
        cli(env, "orgs", "create", "Bench", "--slug", "bench")
        out = cli(env, "projects", "create", "bench", "--org", "bench")
        project = out.split("created project bench: ")[1].split()[0]
        worker_pid = int((s.run_dir / "worker.pid").read_text())
        libpq = {"PGHOST": str(s.socket_dir), "PGPORT": str(s.pg_port), "PGUSER": SUPERUSER,
                 "PGDATABASE": s.pg_database}

        data = tmp / "files"
        data.mkdir()
        data.chmod(0o755)
        csv, parquet = data / "rows.csv", data / "rows.parquet"
        write_csv(csv, args.rows)
        write_parquet(parquet, args.rows)
        print(f"== files: {args.rows:,} rows; {csv.name} {csv.stat().st_size / 1e6:.1f} MB, "
              f"{parquet.name} {parquet.stat().st_size / 1e6:.1f} MB", flush=True)

        with psycopg.connect(
                psycopg.conninfo.make_conninfo(host=str(s.socket_dir), port=s.pg_port,
                                               user=SUPERUSER, dbname=s.pg_database),
                autocommit=True) as su:
            su.execute("CREATE SCHEMA bench")
            meter = CpuMeter(s.data_dir, [s.run_dir / f"{name}.pid"
                                          for name in ("postgrest", "glue", "worker")])
            bench = Bench(env, su, project, libpq, meter)
            # Untimed: a first load of each file learns the types for the \copy tables (and
            # warms the caches of both sides alike).
            bench.ingest(csv, "bench_csv", args.rows)
            bench.ingest(parquet, "bench_parquet", args.rows)
            types = {"csv": bench.columns("bench_csv"),
                     "parquet": bench.columns("bench_parquet")}
            for fmt, cols in types.items():
                print(f"   {fmt}: the worker inferred " + ", ".join(f"{n} {t}" for n, t in cols))
            bench.psql_copy(csv, "copy_csv", types["csv"])

            runs: dict[str, list[dict[str, float]]] = {"csv": [], "parquet": []}
            copies: dict[str, list[dict[str, float]]] = {"csv": [], "parquet": []}
            cli_start: list[float] = []
            for r in range(args.rounds):
                for fmt, path in (("csv", csv), ("parquet", parquet)):
                    runs[fmt].append(bench.ingest(path, f"bench_{fmt}", args.rows))
                    copies[fmt].append(bench.psql_copy(csv, f"copy_{fmt}", types[fmt]))
                # The CLI's start alone (Python and its imports), under the same load.
                t0 = time.time()
                cli(env, "ingest", "--help")
                cli_start.append(time.time() - t0)
                print(f"== round {r + 1} ({loadavg()}; `neuronplane ingest --help` "
                      f"{cli_start[-1]:.2f} s)")
                for fmt in runs:
                    w, c = runs[fmt][-1], copies[fmt][-1]
                    print(f"   {fmt:<8} ingest {w['total']:6.2f} s, {w['cpu']:5.2f} CPU-s "
                          f"({parts(w)}); \\copy {c['total']:6.2f} s, {c['cpu']:5.2f} CPU-s; "
                          f"ratio {c['total'] / w['total']:.2f}x", flush=True)
            hwm = vm_hwm_kb(worker_pid)
            print(f"== where the time goes: one more ingest of each file, every statement's "
                  f"duration logged ({loadavg()})")
            for fmt, path in (("csv", csv), ("parquet", parquet)):
                explain(bench, s.log_dir / "postgresql.log", path, f"bench_{fmt}", args.rows)
    finally:
        subprocess.run([str(CLI), "down"], env=env, capture_output=True, check=False)
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"\n== summary: {args.rows:,} rows, medians of {args.rounds} interleaved rounds, "
          f"{time.monotonic() - started:.0f} s in all; {loadavg()}")
    print(f"   `neuronplane ingest --help` alone (the CLI's start, part of 'upload' below): "
          f"{statistics.median(cli_start):.2f} s")
    print("   CPU-s: CPU seconds of the stack's processes, the CLI and psql (machine-wide "
          "load does not count)")
    missed = False
    for fmt in runs:
        med = {k: statistics.median(w[k] for w in runs[fmt]) for k in runs[fmt][0]}
        copy = {k: statistics.median(c[k] for c in copies[fmt]) for k in copies[fmt][0]}
        ratio = copy["total"] / med["total"]
        missed |= ratio < TARGET_RATIO
        print(f"   {'PASS' if ratio >= TARGET_RATIO else 'MISS'}  {fmt:<8} "
              f"ingest {med['total']:.2f} s ({args.rows / med['total']:,.0f} rows/s, "
              f"{med['cpu']:.2f} CPU-s; {parts(med)}) against \\copy of the CSV "
              f"{copy['total']:.2f} s ({args.rows / copy['total']:,.0f} rows/s, "
              f"{copy['cpu']:.2f} CPU-s): {ratio:.2f}x (target >= {TARGET_RATIO}x)")
        print(f"           CPU-s by process: ingest {cpu_parts(med)}; \\copy {cpu_parts(copy)}")
        print(f"           the job alone (claim to publish, what this script timed before): "
              f"{args.rows / med['load']:,.0f} rows/s, {copy['total'] / med['load']:.2f}x "
              "of \\copy (reported)")
    mb = hwm / 1024
    missed |= mb >= TARGET_RSS_MB
    print(f"   {'PASS' if mb < TARGET_RSS_MB else 'MISS'}  worker peak RSS (VmHWM, whole run) "
          f"{mb:.0f} MB (target < {TARGET_RSS_MB} MB)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
