"""`neuronplane test`: the whole test suite on a throwaway cluster.

Steps: ruff, the SQL lint, a fresh cluster on a free port in a temporary folder, sqitch
deploy → verify → revert → deploy, the deployed schema against sql/schema.sql, pg_prove
over tests/pgtap, pytest. Everything it starts
is stopped and removed at the end, on failure and on interrupt too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from psycopg import sql

from . import migrate, schemadump, sqllint
from .cluster import Cluster, server_os_user
from .procs import free_port
from .stack import provision_logins

TEST_DATABASE = "neuronplane"
# A throwaway cluster trades durability for speed.
FAST_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}
# The test command's cluster also profiles every PL/pgSQL statement (plpgsql_check keeps the
# counts in shared memory, across sessions, rolled-back transactions included), so that the
# pgTAP and pytest runs yield the statement coverage of the project's functions.
PROFILED_SETTINGS = {**FAST_SETTINGS, "shared_preload_libraries": "'pg_cron,plpgsql_check'",
                     "plpgsql_check.profiler": "on",
                     "plpgsql_check.profiler_max_shared_chunks": "100000"}
# Schemas whose PL/pgSQL functions count (not the test helpers in `tests`).
PROJECT_SCHEMAS = ("api", "audit", "auth", "hooks", "identity", "internal", "ops", "workspace")


@dataclass
class TestDatabase:
    cluster: Cluster
    dbname: str
    passfile: Path
    tmp: Path
    # The deployed schema (schemadump.dump()), taken before the test helpers are installed.
    schema: str = ""

    def env(self) -> dict[str, str]:
        """What pytest's fixtures read to reach this database (see tests/conftest.py)."""
        return {
            "NEURONPLANE_TEST_PGSOCKET": str(self.cluster.socket_dir),
            "NEURONPLANE_TEST_PGPORT": str(self.cluster.port),
            "NEURONPLANE_TEST_DATABASE": self.dbname,
            "NEURONPLANE_TEST_PASSFILE": str(self.passfile),
        }


@contextmanager
def throwaway_cluster(root: Path, log=print, settings: dict[str, str] | None = None,
                      ) -> Iterator[tuple[Cluster, Path]]:
    """A started cluster in a new temporary folder; stopped and removed on exit. By default
    it trades durability for speed (FAST_SETTINGS)."""
    tmp = Path(tempfile.mkdtemp(prefix="neuronplane-test-"))
    tmp.chmod(0o755)  # the server's OS user must reach its folders inside
    cluster = Cluster(
        data_dir=tmp / "data", socket_dir=tmp / "sock", log_file=tmp / "postgresql.log",
        port=free_port(), plpython_dir=root / "plpython",
        os_user=server_os_user(os.environ.get("NEURONPLANE_PG_OS_USER")),
        settings=dict(FAST_SETTINGS if settings is None else settings), database=TEST_DATABASE,
    )
    try:
        log(f"throwaway cluster: {tmp} (port {cluster.port})")
        cluster.start()
        yield cluster, tmp
    finally:
        try:
            cluster.destroy()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def prepare_database(root: Path, cluster: Cluster, tmp: Path, round_trip: bool,
                     quiet: bool = False, dump_schema: bool = False) -> TestDatabase:
    """Deploy (optionally deploy → verify → revert → deploy; optionally dump the deployed
    schema), install the test helpers and give the LOGIN roles passwords."""
    cluster.ensure_database(TEST_DATABASE)
    migrate.deploy(root, cluster, TEST_DATABASE, quiet=quiet)
    if round_trip:
        migrate.verify(root, cluster, TEST_DATABASE, quiet=quiet)
        migrate.revert_all(root, cluster, TEST_DATABASE, quiet=quiet)
        migrate.deploy(root, cluster, TEST_DATABASE, quiet=quiet)
        migrate.verify(root, cluster, TEST_DATABASE, quiet=quiet)
    schema = schemadump.dump(cluster, TEST_DATABASE) if dump_schema else ""
    psql_file(cluster, TEST_DATABASE, root / "sql" / "tests" / "setup.sql")
    secrets = tmp / "secrets"
    secrets.mkdir(mode=0o700, exist_ok=True)
    passfile = provision_logins(cluster, TEST_DATABASE, secrets)
    return TestDatabase(cluster, TEST_DATABASE, passfile, tmp, schema)


def psql_file(cluster: Cluster, dbname: str, path: Path) -> None:
    env = {**os.environ, **cluster.libpq_env(dbname)}
    result = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(path)],
                            env=env, text=True, capture_output=True)
    if result.returncode != 0:
        raise migrate.MigrationError(f"psql -f {path} failed:\n{result.stderr.strip()}")


@dataclass
class Step:
    name: str
    ok: bool
    detail: str = ""
    passed: int = 0
    failed: int = 0


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _run_child(argv: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    """Run a test tool; when we are interrupted, interrupt it too and let it clean up
    (pytest tears its fixtures down on SIGINT) before we clean up ourselves."""
    # A child started from a background job inherits SIGINT ignored: give it the default
    # back, so that it can be interrupted (and clean up).
    with subprocess.Popen(argv, preexec_fn=_default_sigint, **kwargs) as child:
        try:
            stdout, _ = child.communicate()
        except KeyboardInterrupt:
            child.send_signal(signal.SIGINT)
            try:
                child.wait(timeout=120)
            except subprocess.TimeoutExpired:
                child.kill()
            raise
        return subprocess.CompletedProcess(argv, child.returncode, stdout, None)


def _banner(text: str) -> None:
    print(f"\n=== {text} ===", flush=True)


def _run_ruff(root: Path) -> Step:
    _banner("ruff")
    paths = [p for p in ("src", "plpython", "tests", "bench", "sdks/python/src",
                         "sdks/python/examples", "docker") if (root / p).exists()]
    result = subprocess.run([sys.executable, "-m", "ruff", "check", *paths], cwd=root)
    return Step("ruff", result.returncode == 0)


def _run_sqllint(root: Path) -> Step:
    _banner("sqllint")
    problems = sqllint.lint_tree(root / "deploy")
    for problem in problems:
        print(problem)
    print(f"sqllint: {len(problems)} problem(s)")
    return Step("sqllint", not problems, f"{len(problems)} problem(s)")


def _run_pg_prove(root: Path, db: TestDatabase) -> Step:
    _banner("pg_prove tests/pgtap")
    files = sorted(str(p) for p in (root / "tests" / "pgtap").glob("*.sql"))
    env = {**os.environ, **db.cluster.libpq_env(db.dbname)}
    proc = _run_child(["pg_prove", "--ext", ".sql", *files], env=env, text=True,
                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    print(proc.stdout, end="", flush=True)
    total = sum(int(n) for n in re.findall(r"Tests=(\d+)", proc.stdout))
    failed = sum(int(n) for n in re.findall(r"Failed (\d+)/\d+ subtests", proc.stdout))
    if proc.returncode != 0 and failed == 0:
        failed = 1  # a file that died, or a plan that did not match
    return Step("pgTAP", proc.returncode == 0 and total > 0, f"{total} tests",
                max(total - failed, 0), failed)


def _run_console(root: Path) -> Step:
    """The console's type check, then its component tests with line coverage of
    console/src (printed; vitest fails the run under the 80% threshold of vite.config.ts)."""
    _banner("console: tsc, vitest --coverage")
    console = root / "console"
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0", "CI": "true"}
    npx = shutil.which("npx") or "npx"
    typecheck = _run_child([npx, "tsc", "--noEmit", "-p", "."], cwd=console, env=env, text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    print(typecheck.stdout, end="", flush=True)
    proc = _run_child([npx, "vitest", "run", "--coverage"], cwd=console, env=env, text=True,
                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    print(proc.stdout, end="", flush=True)
    tests = re.search(r"^\s*Tests\s+(.*)$", proc.stdout, re.M)
    passed = int(m.group(1)) if tests and (m := re.search(r"(\d+) passed", tests.group(1))) else 0
    failed = int(m.group(1)) if tests and (m := re.search(r"(\d+) failed", tests.group(1))) else 0
    ok = typecheck.returncode == 0 and proc.returncode == 0 and passed > 0
    detail = "type errors" if typecheck.returncode else f"vitest exit {proc.returncode}"
    return Step("console", ok, detail, passed, failed if ok or failed else 1)


def _check_schema(root: Path, db: TestDatabase) -> Step:
    _banner(f"deployed schema = {schemadump.SCHEMA_FILE}")
    diff = schemadump.difference(root, db.schema)
    if diff:
        print(diff, end="")
        print(f"the deployed schema differs from {schemadump.SCHEMA_FILE}: review the diff, "
              "then run `./neuronplane schema-dump` and commit the file")
        return Step("schema", False, "differs")
    print("identical")
    return Step("schema", True)


def _coverage_args(root: Path, args: list[str], folder: Path) -> list[str]:
    """pytest-cov over src/ and plpython/, for an unfiltered run only: a run narrowed with
    -k, -m or paths covers a part, and its figure means nothing against the threshold.
    pytest's exit status stays about the tests; the threshold is its own step."""
    if any(a in ("-k", "-m") or a.startswith(("-k", "-m")) or not a.startswith("-")
           for a in args):
        return []
    return ["--cov=src/neuronplane", "--cov=plpython", "--cov-fail-under=0",
            "--cov-report=term:skip-covered", f"--cov-report=json:{folder / 'coverage.json'}"]


def coverage_threshold(root: Path) -> float:
    with (root / "pyproject.toml").open("rb") as f:
        return float(tomllib.load(f)["tool"]["coverage"]["report"]["fail_under"])


def _check_coverage(root: Path, folder: Path) -> Step | None:
    """The Python line coverage of the pytest run against the threshold in pyproject.toml
    ([tool.coverage.report] fail_under); None when the run was not measured."""
    report = folder / "coverage.json"
    if not report.is_file():
        return None
    percent = json.loads(report.read_text())["totals"]["percent_covered"]
    minimum = coverage_threshold(root)
    detail = f"{percent:.1f}% of lines, threshold {minimum:g}%"
    print(f"Python coverage: {detail}")
    return Step("Python coverage", percent >= minimum, detail)


def plpgsql_coverage(cluster: Cluster, dbname: str) -> tuple[int, int, int]:
    """(statements executed, statements, functions) over every PL/pgSQL function of the
    project's schemas, from plpgsql_check's shared profile (a function's outermost block is
    not a statement of its own)."""
    with cluster.connect(dbname, autocommit=True) as conn:
        # The deploy installs plpgsql_check in the extensions schema when it is available.
        found = conn.execute("SELECT extnamespace::regnamespace::text FROM pg_extension "
                             "WHERE extname = 'plpgsql_check'").fetchone()
        if found is None:
            raise RuntimeError("the plpgsql_check extension is not installed in the database")
        stmts = sql.SQL("{}.plpgsql_profiler_function_statements_tb").format(
            sql.Identifier(found[0]))
        row = conn.execute(sql.SQL(
            """SELECT count(*) FILTER (WHERE s.exec_stmts > 0), count(*),
                      count(DISTINCT p.oid)
                 FROM pg_proc p
                 JOIN pg_namespace n ON n.oid = p.pronamespace
                 JOIN pg_language l ON l.oid = p.prolang AND l.lanname = 'plpgsql'
                 CROSS JOIN LATERAL {}(p.oid) s
                WHERE n.nspname = ANY(%s) AND s.parent_stmtid IS NOT NULL""").format(stmts),
            (list(PROJECT_SCHEMAS),)).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def _check_plpgsql_coverage(root: Path, db: TestDatabase) -> Step:
    _banner("PL/pgSQL coverage (plpgsql_check)")
    try:
        executed, total, functions = plpgsql_coverage(db.cluster, db.dbname)
    except Exception as exc:  # reported as the step's failure
        print(f"plpgsql_check coverage failed: {exc}")
        return Step("PL/pgSQL coverage", False, str(exc).splitlines()[0])
    percent = 100.0 * executed / total if total else 0.0
    with (root / "pyproject.toml").open("rb") as f:
        minimum = float(tomllib.load(f)["tool"]["neuronplane"]["plpgsql_coverage_min"])
    detail = (f"{percent:.1f}% of statements ({executed}/{total} in {functions} functions), "
              f"threshold {minimum:g}%")
    print(f"PL/pgSQL coverage: {detail}")
    return Step("PL/pgSQL coverage", percent >= minimum, detail)


def _run_pytest(root: Path, db: TestDatabase | None, args: list[str]) -> Step:
    _banner("pytest")
    report = (db.tmp if db else Path(tempfile.gettempdir())) / "pytest-report.xml"
    env = {**os.environ, **(db.env() if db else {})}
    argv = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
            f"--junitxml={report}", f"--basetemp={report.parent / 'pytest'}",
            *_coverage_args(root, args, report.parent), *args]
    proc = _run_child(argv, cwd=root, env=env)
    passed = failed = 0
    try:
        suite = ET.parse(report).getroot()  # noqa: S314 (our own pytest report)
        suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
        total = int(suite.get("tests", 0))
        failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        passed = total - failed - int(suite.get("skipped", 0))
    except (OSError, ET.ParseError, AttributeError):
        failed = max(failed, 1)
    # Exit 5 means pytest collected nothing: that is a failure, not a pass.
    return Step("pytest", proc.returncode == 0, f"exit {proc.returncode}", passed,
                failed if proc.returncode == 0 or failed else 1)


def run(root: Path, pytest_args: list[str] | None = None) -> int:
    pytest_args = [a for a in (pytest_args or []) if a != "--"]
    started = time.monotonic()
    steps: list[Step] = []

    def _interrupted(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _interrupted)
    try:
        steps.append(_run_ruff(root))
        steps.append(_run_sqllint(root))
        steps.append(_run_console(root))
        with throwaway_cluster(root, settings=PROFILED_SETTINGS) as (cluster, tmp):
            _banner("sqitch deploy → verify → revert → deploy → verify")
            try:
                db = prepare_database(root, cluster, tmp, round_trip=True, dump_schema=True)
            except migrate.MigrationError as exc:
                print(exc)
                steps.append(Step("sqitch round trip", False, "failed"))
            else:
                steps.append(Step("sqitch round trip", True))
                steps.append(_check_schema(root, db))
                steps.append(_run_pg_prove(root, db))
                steps.append(_run_pytest(root, db, pytest_args))
                coverage = _check_coverage(root, db.tmp)
                if coverage:
                    steps.append(coverage)
                    steps.append(_check_plpgsql_coverage(root, db))
    except KeyboardInterrupt:
        print("\ninterrupted: everything started was stopped and removed", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)

    _banner(f"summary ({time.monotonic() - started:.0f}s)")
    for step in steps:
        counts = f" ({step.passed} passed, {step.failed} failed)" if step.passed or step.failed \
            else ""
        shown = step.detail and (not step.ok or step.name.endswith("coverage"))
        print(f"  {'ok  ' if step.ok else 'FAIL'}  {step.name}{counts}"
              f"{'  ' + step.detail if shown else ''}")
    passed = sum(s.passed for s in steps)
    failed = sum(s.failed for s in steps) + sum(1 for s in steps if not s.ok and not s.failed)
    print(f"{passed} passed, {failed} failed")
    return 0 if all(s.ok for s in steps) else 1
