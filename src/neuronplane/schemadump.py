"""sql/schema.sql: the whole current schema in one file, as pg_dump writes it.

The test run deploys the plan on a fresh database and compares its dump with the committed
file, so every change to a table, function or policy shows in review as a diff of its whole
current definition. `neuronplane schema-dump` writes the file anew.
"""

from __future__ import annotations

import difflib
import os
import subprocess
from pathlib import Path

from .cluster import Cluster

SCHEMA_FILE = Path("sql") / "schema.sql"

# What a deploy makes that is not the schema: sqitch's registry and the audit log's monthly
# partitions (named after the month the database was deployed in).
EXCLUDED = ["--exclude-schema=sqitch",
            "--exclude-table=audit.events_2*", "--exclude-table=audit.seals_2*"]
HEADER = ("-- The schema of a freshly deployed neuronplane database: pg_dump --schema-only,\n"
          "-- written by `neuronplane schema-dump`. Not a migration; sqitch.plan deploys.\n")


def dump(cluster: Cluster, dbname: str) -> str:
    """The normalized schema-only dump of the database (no version lines)."""
    env = {**os.environ, **cluster.libpq_env(dbname)}
    result = subprocess.run(["pg_dump", "--schema-only", *EXCLUDED, dbname], env=env,
                            text=True, capture_output=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"pg_dump failed:\n{result.stderr.strip()}")
    # (\restrict and \unrestrict carry a random key, new at every dump)
    lines = [line for line in result.stdout.splitlines()
             if not line.startswith(("-- Dumped from database version",
                                     "-- Dumped by pg_dump version", "\\restrict ",
                                     "\\unrestrict "))]
    return HEADER + "\n".join(lines).strip() + "\n"


def difference(root: Path, current: str) -> str:
    """A unified diff from the committed sql/schema.sql to the deployed schema ('' if equal)."""
    path = root / SCHEMA_FILE
    committed = path.read_text() if path.exists() else ""
    return "".join(difflib.unified_diff(
        committed.splitlines(keepends=True), current.splitlines(keepends=True),
        fromfile=f"{SCHEMA_FILE} (committed)", tofile=f"{SCHEMA_FILE} (deployed)"))
