"""The coverage gates of the test command: when they measure, what they count, and that a
figure below the threshold fails the run."""

from __future__ import annotations

import json
from pathlib import Path

from neuronplane import testrun

ROOT = Path(__file__).resolve().parents[2]


def test_only_an_unfiltered_run_is_measured(tmp_path: Path):
    assert testrun._coverage_args(ROOT, [], tmp_path)
    assert testrun._coverage_args(ROOT, ["-x", "-q"], tmp_path)
    for narrowed in (["-k", "release"], ["-krelease"], ["-m", "e2e"], ["tests/unit"]):
        assert testrun._coverage_args(ROOT, narrowed, tmp_path) == [], narrowed


def test_python_coverage_below_the_threshold_fails(tmp_path: Path):
    minimum = testrun.coverage_threshold(ROOT)
    assert minimum >= 80
    assert testrun._check_coverage(ROOT, tmp_path) is None  # not measured: no step
    for percent, ok in ((minimum - 0.1, False), (minimum, True)):
        (tmp_path / "coverage.json").write_text(
            json.dumps({"totals": {"percent_covered": percent}}))
        step = testrun._check_coverage(ROOT, tmp_path)
        assert step is not None and step.ok is ok, (percent, step)
        assert f"threshold {minimum:g}%" in step.detail


def test_plpgsql_coverage_counts_executed_statements_of_project_functions():
    with testrun.throwaway_cluster(ROOT, log=lambda *_: None,
                                   settings=testrun.PROFILED_SETTINGS) as (cluster, _tmp):
        cluster.ensure_database(testrun.TEST_DATABASE)
        with cluster.connect(testrun.TEST_DATABASE, autocommit=True) as conn:
            conn.execute("CREATE SCHEMA extensions")
            conn.execute("CREATE EXTENSION plpgsql_check WITH SCHEMA extensions")
            conn.execute("CREATE SCHEMA api")
            conn.execute("CREATE SCHEMA tests")
            body = """RETURNS int LANGUAGE plpgsql AS $$
                BEGIN
                  IF x > 0 THEN
                    RETURN 1;
                  END IF;
                  x := x + 1;
                  RETURN 2;
                END $$"""
            conn.execute(f"CREATE FUNCTION api.f(x int) {body}")
            # Test helpers do not count, whether or not they run.
            conn.execute(f"CREATE FUNCTION tests.g(x int) {body}")
            conn.execute("BEGIN")
            conn.execute("SELECT api.f(1), tests.g(1)")
            conn.execute("ROLLBACK")  # a rolled-back test's statements still count
        # IF and the first RETURN ran; the assignment and the second RETURN did not.
        assert testrun.plpgsql_coverage(cluster, testrun.TEST_DATABASE) == (2, 4, 1)
