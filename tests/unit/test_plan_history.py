"""Sqitch changes listed before the last tag are history: their deploy, revert and verify
scripts must be byte for byte what they were in the commit that added the tag (a change is
altered with `sqitch rework`, which moves the tagged scripts to `<name>@<tag>.sql`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _git(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, check=False)


def parse(plan: str) -> list[tuple[str, str]]:
    """The plan's entries in order: ("change", name) or ("tag", "@vX.Y.Z")."""
    entries = []
    for line in plan.splitlines():
        line = line.strip()
        if line and not line.startswith(("%", "#")):
            entries.append(("tag" if line.startswith("@") else "change", line.split()[0]))
    return entries


def script_stems(entries: list[tuple[str, str]]) -> dict[int, str]:
    """The script name of each change instance: a change reworked later keeps its earlier
    scripts as <name>@<first tag after it>, as sqitch names them."""
    stems = {}
    for i, (kind, name) in enumerate(entries):
        if kind == "change":
            rest = entries[i + 1:]
            reworked = ("change", name) in rest
            stems[i] = name + next(n for k, n in rest if k == "tag") if reworked else name
    return stems


def test_parse_names_reworked_scripts_after_the_next_tag():
    entries = parse("%project=x\na [b]\n@v1 2026\nb\na [a@v1]\n@v2\n")
    assert script_stems(entries) == {0: "a@v1", 2: "b", 3: "a"}


def test_changes_before_the_last_tag_are_unedited():
    if _git("rev-parse", "--is-shallow-repository").stdout.strip() != b"false":
        pytest.skip("needs the whole git history of the checkout")
    entries = parse((ROOT / "sqitch.plan").read_text())
    last = max(i for i, (kind, _) in enumerate(entries) if kind == "tag")
    tag = entries[last][1]
    commits = _git("log", "--format=%H", f"-S\n{tag} ", "--", "sqitch.plan").stdout.split()
    assert commits, f"no commit added the tag {tag} to sqitch.plan"
    tagged = commits[-1].decode()
    then = parse(_git("show", f"{tagged}:sqitch.plan").stdout.decode())
    then_last = then.index(("tag", tag))
    assert entries[:last] == then[:then_last], f"the plan before {tag} was changed"
    now_stems, then_stems = script_stems(entries), script_stems(then)
    edited = []
    for i in range(last):
        if entries[i][0] != "change":
            continue
        for folder in ("deploy", "revert", "verify"):
            path = ROOT / folder / f"{now_stems[i]}.sql"
            before = _git("show", f"{tagged}:{folder}/{then_stems[i]}.sql")
            if before.returncode != 0 or not path.is_file() or path.read_bytes() != before.stdout:
                edited.append(f"{folder}/{now_stems[i]}.sql")
    assert not edited, (f"changes listed before {tag} were edited (use sqitch rework): "
                        + ", ".join(edited))
