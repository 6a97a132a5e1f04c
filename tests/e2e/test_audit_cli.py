"""`neuronplane audit-verify` and `audit-export-heads` logic against the test database."""

import json

import psycopg
import pytest

from neuronplane import audit

pytestmark = pytest.mark.e2e


@pytest.fixture
def conn(database):
    # One transaction, rolled back: the test database keeps no trace.
    with psycopg.connect(database.superuser_conninfo()) as c:
        yield c
        c.rollback()


def test_verify_seals_first_and_reports_ok(conn):
    event_id = conn.execute("SELECT audit.record('auth.logout')").fetchone()[0]
    assert audit.verify(conn) == (True, None, None)
    sealed = conn.execute("SELECT count(*) FROM audit.seals WHERE event_id = %s",
                          (event_id,)).fetchone()[0]
    assert sealed == 1


def test_verify_reports_an_edited_event(conn):
    event_id = conn.execute("SELECT audit.record('auth.logout')").fetchone()[0]
    conn.execute("SELECT audit.seal()")
    conn.execute("SET LOCAL session_replication_role = replica")
    conn.execute("UPDATE audit.events SET outcome = 'denied' WHERE id = %s", (event_id,))
    conn.execute("SET LOCAL session_replication_role = origin")
    ok, bad_id, problem = audit.verify(conn)
    assert (ok, bad_id) == (False, event_id)
    assert "content was altered" in problem


def test_export_heads_appends_and_marks(conn, tmp_path):
    conn.execute("SELECT audit.record('auth.logout')")
    target = tmp_path / "anchors.jsonl"
    first = audit.export_heads(conn, target)
    assert len(first) == 1
    line = json.loads(target.read_text().splitlines()[-1])
    assert line == first[0]
    month, position, digest = conn.execute(
        "SELECT month::text, exported_position, encode(exported_hash, 'hex')"
        "  FROM audit.chain_state WHERE exported_position IS NOT NULL").fetchone()
    assert (month, position, digest) == (line["month"], line["position"], line["hash"])
    assert conn.execute("SELECT audit.verify_head(%s, %s, %s)",
                        (month, position, digest)).fetchone()[0]
    # mark_exported() audits itself: that event joins the chain, and the next export
    # carries the head one further.
    second = audit.export_heads(conn, target)
    assert [(h["month"], h["position"]) for h in second] == [(month, position + 1)]
    assert len(target.read_text().splitlines()) == 2


def test_export_with_nothing_new_writes_nothing(conn, tmp_path):
    # Events committed by earlier tests (the autonomous connection commits on its own) are
    # sealed first, so that every head is marked exported below.
    conn.execute("SELECT audit.seal()")
    conn.execute("UPDATE audit.chain_state SET exported_position = last_position, "
                 "exported_hash = head_hash")
    target = tmp_path / "anchors.jsonl"
    assert audit.export_heads(conn, target) == []
    assert not target.exists()
