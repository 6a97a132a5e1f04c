"""The CI workflows: actionlint-clean, actions pinned by commit, least privilege, and the
CI job runs exactly the README's test command (.ci/run)."""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML

from neuronplane import workflowlint

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _load(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text())


def test_the_workflows_exist():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "release.yml"}


def test_actionlint_accepts_the_workflows():
    result = workflowlint.lint(ROOT, WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(WORKFLOWS)} file(s), 0 problem(s)" in result.stdout


def test_actionlint_names_a_broken_workflow(tmp_path: Path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                   "    needs: [nosuchjob]\n    steps:\n      - run: echo hi\n")
    result = workflowlint.lint(ROOT, [bad])
    assert result.returncode == 1
    assert f"{bad}:3:3: job \"a\" needs job \"nosuchjob\"" in result.stdout


def test_actions_are_pinned_by_commit_and_permissions_are_least():
    for path in WORKFLOWS:
        flow = _load(path)
        assert flow.get("permissions") == {"contents": "read"}, path.name
        for name, job in flow["jobs"].items():
            # A job that needs more says so itself, and only contents: write.
            assert job.get("permissions", {}) in ({}, {"contents": "write"}), (path.name, name)
            for step in job["steps"]:
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), \
                        (path.name, step["uses"])


def test_ci_runs_the_readme_test_command():
    steps = _load(ROOT / ".github" / "workflows" / "ci.yml")["jobs"]["test"]["steps"]
    assert any(step.get("run") == "bash .ci/run" for step in steps)
    assert "./neuronplane test" in (ROOT / ".ci" / "run").read_text()
    assert "./neuronplane test" in (ROOT / "README.md").read_text()
