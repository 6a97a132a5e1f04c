"""The upgrade path: the schema of the last release, as its tagged commit had it, filled with
data, then upgraded to HEAD with `sqitch deploy`, must equal a fresh deploy (sql/schema.sql,
which the test command checks against a fresh deploy) and keep working: the old password
logs in, the refresh token issued before the upgrade refreshes, the audit chain over events
from before and after verifies.

While no change follows the last tag in sqitch.plan the upgrade deploys nothing; the test
then checks that the released plan and scripts still deploy and match HEAD's schema."""

from __future__ import annotations

import subprocess
from pathlib import Path

import psycopg
import pytest

from neuronplane import admin_cli, audit, migrate, schemadump
from neuronplane.testrun import TEST_DATABASE, throwaway_cluster

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "upgrade-path correct horse 42"


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout


def last_release() -> tuple[str, str]:
    """The last sqitch tag of the plan and the commit that added it."""
    plan = (ROOT / "sqitch.plan").read_text().splitlines()
    tag = [line.split()[0] for line in plan if line.startswith("@")][-1]
    commits = _git("log", "--format=%H", f"-S\n{tag} ", "--", "sqitch.plan").split()
    assert commits, f"no commit added {tag} to sqitch.plan"
    return tag, commits[-1]


def test_upgrade_from_the_last_release_matches_a_fresh_deploy(tmp_path: Path):
    if _git("rev-parse", "--is-shallow-repository").strip() != "false":
        pytest.skip("needs the whole git history of the checkout")
    tag, commit = last_release()
    old = tmp_path / "released"
    old.mkdir()
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
    with throwaway_cluster(ROOT, log=lambda *_: None) as (cluster, _tmp):
        cluster.ensure_database(TEST_DATABASE)
        migrate.deploy(old, cluster, TEST_DATABASE, quiet=True)
        conninfo = cluster.conninfo(TEST_DATABASE)
        with psycopg.connect(conninfo, autocommit=True) as conn:
            admin_cli.create_user(conn, "upgrader", "upgrader@example.com", True, PASSWORD)
            before = conn.execute("SELECT api.login('upgrader', %s)", (PASSWORD,)
                                  ).fetchone()[0]
            events_before = conn.execute("SELECT count(*) FROM audit.events").fetchone()[0]
        assert events_before >= 3  # created, password set, logged in

        migrate.deploy(ROOT, cluster, TEST_DATABASE, quiet=True)
        migrate.verify(ROOT, cluster, TEST_DATABASE, quiet=True)
        diff = schemadump.difference(ROOT, schemadump.dump(cluster, TEST_DATABASE))
        assert not diff, f"upgraded from {tag} ({commit[:10]}) != fresh deploy:\n{diff[:4000]}"

        with psycopg.connect(conninfo, autocommit=True) as conn:
            refreshed = conn.execute("SELECT api.refresh(%s)", (before["refresh_token"],)
                                     ).fetchone()[0]
            assert refreshed["session_id"] == before["session_id"]
            assert refreshed["refresh_token"] != before["refresh_token"]
            after = conn.execute("SELECT api.login('upgrader', %s)", (PASSWORD,)).fetchone()[0]
            assert after["principal_id"] == before["principal_id"]
            assert conn.execute("SELECT count(*) FROM audit.events").fetchone()[0] \
                > events_before
            assert audit.verify(conn) == (True, None, None)
