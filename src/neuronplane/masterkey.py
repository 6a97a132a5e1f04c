"""`neuronplane rotate-master-key`: every stored secret moves to a new master key.

The server reads its master key from one file (internal.master_key_file()). A rotation:
1. writes a new key next to it and keeps the current one as "<file>.previous" (a hard link),
   then puts the new key in the file's place (an atomic rename): from then on every session
   seals under the new key and, by the key id each value carries, still opens the values
   sealed under the previous one;
2. re-seals every stored secret under the new key in one transaction
   (workspace.rotate_secrets());
3. removes "<file>.previous": nothing needs the old key any more.

Interrupted after step 1, both keys stay in use and nothing is lost; running the command
again finishes the rotation (it re-seals under the key now in place).
"""

from __future__ import annotations

import os
from pathlib import Path

from .cluster import Cluster


class RotationError(RuntimeError):
    """The rotation could not start or finish; the message says what to do."""


def rotate(cluster: Cluster, dbname: str, log=print) -> dict:
    with cluster.connect(dbname, autocommit=True) as conn:
        current = conn.execute("SELECT internal.master_key_file()").fetchone()[0]
    if not current:
        raise RotationError("the server has no master key file configured "
                            "(neuronplane.master_key_file or neuronplane.key_file)")
    path = Path(current)
    previous = path.with_name(path.name + ".previous")
    if previous.exists():
        log(f"{previous} exists: finishing the rotation that was interrupted")
    else:
        new = path.with_name(path.name + ".new")
        new.unlink(missing_ok=True)   # a key never put in place sealed nothing
        cluster.write_new_key(new)
        os.link(path, previous)
        os.replace(new, path)
        log(f"new master key in {path}; the previous one kept as {previous} until the end")
    with cluster.connect(dbname) as conn:
        counts = conn.execute("SELECT workspace.rotate_secrets(%s)", (str(previous),)).fetchone()[0]
        conn.commit()
    previous.unlink()
    log("re-sealed: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())
                                   if k != "with_previous_key_file"))
    log(f"removed {previous}: no stored secret needs it. Back up {path} now, apart from "
        "the database.")
    return counts
