"""Database changes with sqitch: deploy, verify and revert against a cluster."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .cluster import Cluster


class MigrationError(RuntimeError):
    """sqitch failed; the message carries its output."""


def sqitch(root: Path, cluster: Cluster, dbname: str, *args: str,
           quiet: bool = False) -> str:
    env = dict(os.environ)
    env.update(cluster.libpq_env(dbname))
    # sqitch records who deployed; fall back to a neutral identity when none is set.
    env.setdefault("SQITCH_FULLNAME", "neuronplane")
    env.setdefault("SQITCH_EMAIL", "neuronplane@localhost")
    env.pop("PGPASSWORD", None)
    result = subprocess.run(["sqitch", *args], cwd=root, env=env, text=True,
                            capture_output=True)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise MigrationError(f"sqitch {' '.join(args)} failed:\n{output}")
    if not quiet and output:
        print(output)
    return output


def deploy(root: Path, cluster: Cluster, dbname: str, quiet: bool = False) -> str:
    """Deploy the changes not yet deployed (and verify each); nothing else is touched."""
    return sqitch(root, cluster, dbname, "deploy", "--verify", quiet=quiet)


def verify(root: Path, cluster: Cluster, dbname: str, quiet: bool = False) -> str:
    return sqitch(root, cluster, dbname, "verify", quiet=quiet)


def revert_all(root: Path, cluster: Cluster, dbname: str, quiet: bool = False) -> str:
    return sqitch(root, cluster, dbname, "revert", "-y", quiet=quiet)
