"""Administrator commands for the audit log: verify it, and export chain heads.

The database seals and verifies; this only moves the heads out of it: each month's head
that was not exported yet is appended (and fsynced) to a file as one JSON line, then
recorded with audit.mark_exported(), which retention requires. Keep that file somewhere
the database's administrators cannot rewrite.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import psycopg


def verify(conn: psycopg.Connection) -> tuple[bool, int | None, str | None]:
    """Seal what is pending, then verify every month: (ok, event id, problem). The outcome
    is recorded (audit.verification_runs), where the metrics and alerts read it."""
    ok, event_id, problem = conn.execute("SELECT * FROM audit.verify_and_record()").fetchone()
    return ok, event_id, problem


def export_heads(conn: psycopg.Connection, path: Path) -> list[dict[str, object]]:
    """Append every month's head not yet exported to `path`; return what was exported."""
    conn.execute("SELECT audit.seal()")
    rows = conn.execute(
        "SELECT month, last_position, encode(head_hash, 'hex'), finalized_at IS NOT NULL"
        "  FROM audit.chain_state"
        " WHERE last_position > 0 AND dropped_at IS NULL"
        "   AND exported_position IS DISTINCT FROM last_position"
        " ORDER BY month").fetchall()
    exported = [{"month": month.isoformat(), "position": position, "hash": digest,
                 "final": final} for month, position, digest, final in rows]
    if not exported:
        return []
    destination = f"file://{path.resolve()}"
    with path.open("a", encoding="utf-8") as f:
        for head in exported:
            f.write(json.dumps(head, sort_keys=True) + "\n")
        f.flush()
        os.fsync(f.fileno())
    # Marked only once the heads are safely on disk.
    for head in exported:
        conn.execute("SELECT audit.mark_exported(%s, %s, %s, %s)",
                     (head["month"], head["position"], head["hash"], destination))
    return exported
