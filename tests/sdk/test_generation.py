"""The generated SDK code is exactly what the pinned generators make of the committed
api/openapi.json, and the packages carry the project's version."""

from __future__ import annotations

import json
import tomllib

from neuronplane import openapi, sdkgen
from tests.conftest import ROOT


def test_regenerating_from_the_committed_description_gives_no_diff(tmp_path):
    py, ts = tmp_path / "py", tmp_path / "ts"
    sdkgen.generate(ROOT, py_out=py, ts_out=ts)
    problems = [f"python: {p}" for p in sdkgen.tree_difference(ROOT / sdkgen.PY_GENERATED, py)]
    problems += [f"typescript: {p}"
                 for p in sdkgen.tree_difference(ROOT / sdkgen.TS_GENERATED, ts)]
    assert not problems, ("the committed generated code is not what the generators make of "
                          f"{openapi.SPEC_FILE}; run scripts/generate-sdks.sh --no-spec:\n"
                          + "\n".join(problems))


def test_the_packages_carry_the_project_version():
    version = openapi.project_version(ROOT)
    with (ROOT / sdkgen.PY_PROJECT).open("rb") as f:
        assert tomllib.load(f)["project"]["version"] == version
    assert json.loads((ROOT / sdkgen.TS_PACKAGE).read_text())["version"] == version


def test_tree_difference_sees_a_changed_a_missing_and_an_extra_file(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        (d / "sub").mkdir(parents=True)
        (d / "same.py").write_text("x = 1\n")
    (a / "sub" / "m.py").write_text("1\n")
    (b / "sub" / "m.py").write_text("2\n")
    (a / "gone.py").write_text("")
    (b / "new.py").write_text("")
    assert sorted(sdkgen.tree_difference(a, b)) == [
        "differs: sub/m.py", "only committed: gone.py", "only regenerated: new.py"]
