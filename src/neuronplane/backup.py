"""Backups of the HA topology with pgBackRest, and point-in-time recovery into a new home.

pgBackRest does the work (base backups, the WAL archive that every node pushes to from the
first `ha up`, encryption at rest with the repository cipher, retention). This module adds
what it does not know about:

- a JSON manifest per backup (versions, timestamps, sizes, WAL range, checksums, the sqitch
  change and the audit chain heads at backup time), in <repository>/manifests/;
- the master key that decrypts stored secrets: it is not in the data folder, so a backup
  set carries a copy wrapped under the operator passphrase (scrypt + AES-256-GCM), unless
  `backup --no-master-key` leaves it out;
- `restore`: picks the backup for the target time, unwraps the key (a wrong passphrase
  stops here, before anything is written), restores into a fresh home, starts it as a
  single-node neuronplane home, and checks that the key opens the restored secrets; if
  anything fails, the new home is stopped and removed.

One passphrase (NEURONPLANE_BACKUP_PASSPHRASE, else the one `ha up` generated in
ha/secrets/backup.passphrase) is the repository cipher pass and wraps the master key.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import time
from pathlib import Path

import psycopg
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from . import __version__
from .cluster import Cluster, chown_to
from .config import ConfigError, _port
from .ha import HA, STANZA, _write_private, run_as

MANIFEST_VERSION = 1


class BackupError(RuntimeError):
    """A backup or restore could not be done; the message says why and what to do."""


# -- the master key, wrapped ----------------------------------------------------------------
def _kek(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode())


def wrap_key(key: bytes, passphrase: str) -> dict:
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_kek(passphrase, salt)).encrypt(nonce, key, b"neuronplane-master-key")
    return {"format": "scrypt-n32768-r8-p1+aes-256-gcm",
            "salt": base64.b64encode(salt).decode(), "nonce": base64.b64encode(nonce).decode(),
            "ciphertext": base64.b64encode(sealed).decode()}


def unwrap_key(wrapped: dict, passphrase: str) -> bytes:
    try:
        return AESGCM(_kek(passphrase, base64.b64decode(wrapped["salt"]))).decrypt(
            base64.b64decode(wrapped["nonce"]), base64.b64decode(wrapped["ciphertext"]),
            b"neuronplane-master-key")
    except (InvalidTag, KeyError, ValueError):
        raise BackupError("the master key of this backup cannot be unwrapped: wrong "
                          "passphrase (NEURONPLANE_BACKUP_PASSPHRASE) or a damaged key "
                          "file") from None


def passphrase(ha: HA) -> str:
    value = os.environ.get("NEURONPLANE_BACKUP_PASSPHRASE")
    if value:
        return value
    path = ha.secrets_dir / "backup.passphrase"
    if path.is_file():
        return path.read_text().strip()
    raise BackupError("no backup passphrase: set NEURONPLANE_BACKUP_PASSPHRASE (the one the "
                      "backups were made with)")


# -- backup -------------------------------------------------------------------------------
def manifests_dir(ha: HA) -> Path:
    return ha.repo_dir / "manifests"


def _info(ha: HA) -> list[dict]:
    result = ha.pgbackrest("info", "--output=json")
    stanzas = json.loads(result.stdout)
    return stanzas[0].get("backup", []) if stanzas else []


def _iso(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).isoformat()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def backup(ha: HA, kind: str = "full", include_master_key: bool = True, out=print) -> dict:
    if kind not in ("full", "diff", "incr"):
        raise BackupError(f"--type {kind!r}: one of full, diff, incr")
    if ha.leader() is None:
        raise BackupError("the HA topology has no running leader: `neuronplane ha up` first")
    out(f"pgbackrest backup --type={kind} ...")
    ha.pgbackrest("backup", f"--type={kind}", timeout=3600)
    latest = _info(ha)[-1]
    with psycopg.connect(ha.writer_conninfo(), autocommit=True) as conn:
        conn.execute("SELECT audit.seal()")
        heads = [{"month": m.isoformat(), "position": pos, "hash": h} for m, pos, h in
                 conn.execute("SELECT month, last_position, encode(head_hash, 'hex')"
                              "  FROM audit.chain_state WHERE last_position > 0"
                              "   AND dropped_at IS NULL ORDER BY month").fetchall()]
        pg_version = conn.execute("SHOW server_version").fetchone()[0]
        change = conn.execute("SELECT change FROM sqitch.changes ORDER BY committed_at DESC"
                              " LIMIT 1").fetchone()
        tag = conn.execute("SELECT tag FROM sqitch.tags ORDER BY committed_at DESC"
                           " LIMIT 1").fetchone()
    label = latest["label"]
    mdir = manifests_dir(ha)
    mdir.mkdir(parents=True, exist_ok=True)
    chown_to(mdir, ha.os_user)
    key_entry: dict = {"included": False}
    if include_master_key:
        key_path = mdir / f"{label}.master-key.json"
        _write_private(key_path, json.dumps(wrap_key(ha.key_file.read_bytes(),
                                                     passphrase(ha))), ha.os_user)
        key_entry = {"included": True, "file": key_path.name, "sha256": _sha256(key_path)}
    pgbr_manifest = ha.repo_dir / "backup" / STANZA / label / "backup.manifest"
    manifest = {
        "manifest_version": MANIFEST_VERSION,
        "label": label, "type": latest["type"], "prior": latest.get("prior"),
        "started_at": _iso(latest["timestamp"]["start"]),
        "stopped_at": _iso(latest["timestamp"]["stop"]),
        "wal": {"start": latest["archive"]["start"], "stop": latest["archive"]["stop"]},
        "sizes": {"database_bytes": latest["info"]["size"],
                  "backup_bytes": latest["info"]["delta"],
                  "repository_bytes": latest["info"]["repository"]["size"],
                  "repository_delta_bytes": latest["info"]["repository"]["delta"]},
        "versions": {"postgresql": pg_version, "neuronplane": __version__,
                     "schema_change": change[0] if change else None,
                     "schema_tag": tag[0] if tag else None},
        "audit_chain_heads": heads,
        "master_key": key_entry,
        "checksums": {"pgbackrest_manifest_sha256":
                      _sha256(pgbr_manifest) if pgbr_manifest.is_file() else None},
    }
    path = mdir / f"{label}.json"
    path.write_text(json.dumps(manifest, indent=2) + "\n")
    chown_to(path, ha.os_user)
    return manifest


def summary(m: dict) -> str:
    return (f"backup {m['label']} ({m['type']}): {m['sizes']['database_bytes'] / 1e6:.1f} MB "
            f"database, {m['sizes']['repository_delta_bytes'] / 1e6:.1f} MB stored; WAL "
            f"{m['wal']['start']}..{m['wal']['stop']}; schema {m['versions']['schema_change']}; "
            f"master key {'included (wrapped)' if m['master_key']['included'] else 'NOT included'}")


def manifests(ha: HA) -> list[dict]:
    mdir = manifests_dir(ha)
    found = []
    for path in sorted(mdir.glob("*.json")) if mdir.is_dir() else []:
        if path.name.endswith(".master-key.json"):
            continue
        found.append(json.loads(path.read_text()))
    return sorted(found, key=lambda m: m["stopped_at"])


def print_list(ha: HA, out=print) -> None:
    present = {b["label"] for b in _info(ha)}
    rows = [m for m in manifests(ha) if m["label"] in present]   # expired ones are gone
    if not rows:
        out("no backups")
        return
    out(f"{'label':<26} {'type':<5} {'stopped at':<26} {'size MB':>8} {'stored MB':>9}  "
        f"WAL range / schema change / audit heads")
    for m in rows:
        heads = ", ".join(f"{h['month'][:7]}#{h['position']}:{h['hash'][:12]}"
                          for h in m["audit_chain_heads"]) or "-"
        out(f"{m['label']:<26} {m['type']:<5} {m['stopped_at'][:26]:<26} "
            f"{m['sizes']['database_bytes'] / 1e6:>8.1f} "
            f"{m['sizes']['repository_delta_bytes'] / 1e6:>9.1f}  "
            f"{m['wal']['start']}..{m['wal']['stop']} / {m['versions']['schema_change']} / "
            f"{heads}")


def verify(ha: HA, out=print) -> bool:
    """pgBackRest's verify: every file of every backup and archived WAL segment against the
    checksums in its manifests. True when nothing is wrong."""
    result = ha.pgbackrest("verify", "--log-level-console=info", check=False, timeout=3600)
    text = (result.stdout + result.stderr).strip()
    problems = [line for line in text.splitlines()
                if "invalid" in line or "ERROR" in line or "missing" in line]
    for line in problems or [line for line in text.splitlines() if "P00" in line][-3:]:
        out(line)
    ok = result.returncode == 0 and not problems
    out("backups: ok (every checksum matches)" if ok else
        "backups: NOT OK: the files above do not match their checksums; take a new full "
        "backup and do not restore from the damaged set")
    return ok


# -- restore ------------------------------------------------------------------------------
def _parse_time(text: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(text.strip().replace(" ", "T", 1))
    except ValueError:
        raise BackupError(f"--to {text!r} is not a timestamp (e.g. "
                          "'2026-12-08 00:40:00+00:00')") from None
    if when.tzinfo is None:
        raise BackupError(f"--to {text!r} has no time zone: add one (e.g. +00:00)")
    return when


def choose(sets: list[dict], target: dt.datetime | None) -> dict:
    """The latest backup that finished at or before `target` (the latest of all when None)."""
    if not sets:
        raise BackupError("the repository holds no backup: run `neuronplane backup` first")
    if target is None:
        return sets[-1]
    before = [m for m in sets if dt.datetime.fromisoformat(m["stopped_at"]) <= target]
    if not before:
        raise BackupError(f"no backup finished before {target.isoformat()}: the first one "
                          f"finished at {sets[0]['stopped_at']}; pick a later time")
    return before[-1]


def restore(ha: HA, into: Path, target: str | None, master_key_file: Path | None = None,
            out=print, timeout: float = 300) -> Path:
    """Point-in-time recovery of the HA topology's backups into a fresh home `into`
    (NEURONPLANE_PG_PORT is its PostgreSQL port). Returns the restored data folder."""
    into = into.resolve()
    if into.exists() and (not into.is_dir() or any(into.iterdir())):
        raise BackupError(f"{into} exists and is not empty: restore goes into a new home")
    when = _parse_time(target) if target else None
    sets = [m for m in manifests(ha)]
    chosen = choose(sets, when)
    phrase = passphrase(ha)
    if master_key_file is not None:
        try:
            key = master_key_file.read_bytes()
        except OSError as exc:
            raise BackupError(f"--master-key-file {master_key_file}: {exc.strerror}") from None
    elif chosen["master_key"]["included"]:
        wrapped_path = manifests_dir(ha) / chosen["master_key"]["file"]
        if _sha256(wrapped_path) != chosen["master_key"]["sha256"]:
            raise BackupError(f"{wrapped_path}: checksum differs from the manifest's")
        key = unwrap_key(json.loads(wrapped_path.read_text()), phrase)
    else:
        raise BackupError(f"backup {chosen['label']} was taken without the master key: pass "
                          "--master-key-file (the secrets it holds cannot be opened otherwise)")

    try:
        pg_port = _port("NEURONPLANE_PG_PORT", 55432)
    except ConfigError as exc:
        raise BackupError(str(exc)) from None
    if ha.leader() is not None:
        # Push the current WAL segment to the archive, so that recent commits can be reached.
        ha.pgbackrest("check", check=False, timeout=120)
    created = not into.exists()
    cluster = Cluster(data_dir=into / "data", socket_dir=into / "run" / "pg",
                      log_file=into / "logs" / "postgresql.log", port=pg_port,
                      plpython_dir=ha.settings.root / "plpython", os_user=ha.os_user,
                      database=ha.settings.pg_database)
    try:
        for d in (into, into / "run", into / "logs", into / "secrets"):
            d.mkdir(parents=True, exist_ok=True)
            chown_to(d, ha.os_user)
        into.chmod(0o755)
        (into / "secrets").chmod(0o700)
        conf = into / "secrets" / "pgbackrest.conf"
        _write_private(conf, f"[global]\nrepo1-path={ha.repo_dir}\nrepo1-cipher-type=aes-256-cbc"
                       f"\nrepo1-cipher-pass={phrase}\nlog-level-console=warn\n"
                       f"log-path={into / 'logs'}\nlock-path={into / 'run'}\n", ha.os_user)
        cluster.write_new_key(cluster.key_file)
        _write_private(cluster.key_file, key.decode(), ha.os_user)
        argv = ["pgbackrest", f"--config={conf}", f"--stanza={STANZA}",
                f"--pg1-path={cluster.data_dir}", f"--set={chosen['label']}",
                "--archive-mode=off"]
        argv += (["--type=time", f"--target={when.isoformat()}", "--target-action=promote"]
                 if when else ["--type=default"])
        out(f"restoring backup {chosen['label']} "
            f"{'to ' + when.isoformat() if when else 'to the end of the archive'} into {into}")
        result = run_as(ha.os_user, [*argv, "restore"], check=False, timeout=3600)
        if result.returncode != 0:
            output = (result.stderr or result.stdout).strip()
            hint = ("\nthe backup is damaged (a checksum does not match): see `neuronplane "
                    "backups --verify`, and restore from another backup"
                    if "checksum" in output.lower() else "")
            raise BackupError(f"pgbackrest restore failed:\n{output}{hint}")
        _make_single_node(cluster)
        cluster.start(timeout=timeout)
        _wait_promoted(cluster, timeout)
        _check_key(cluster)
        # Recovery is over: the passphrase need not stay on this machine.
        conf.unlink()
    except BaseException:
        with contextlib.suppress(Exception):   # the original failure is what matters
            cluster.stop()
        if created:
            shutil.rmtree(into, ignore_errors=True)
        else:
            for child in into.iterdir():
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        raise
    out(f"restored: PostgreSQL runs on 127.0.0.1:{pg_port} from {cluster.data_dir}")
    out(f"next: NEURONPLANE_HOME={into} NEURONPLANE_PG_PORT={pg_port} ./neuronplane up")
    return cluster.data_dir


def _make_single_node(cluster: Cluster) -> None:
    """Turn a restored Patroni node's data folder into an embedded cluster's: its own
    postgresql.conf, pg_hba.conf and pg_ident.conf; no Patroni state."""
    data = cluster.data_dir
    for name in ("standby.signal", "patroni.dynamic.json", "postgresql.base.conf"):
        (data / name).unlink(missing_ok=True)
    (data / "postgresql.conf").write_text(
        "# Restored by neuronplane from a pgBackRest backup.\n"
        "include_if_exists = 'neuronplane.conf'\n")
    cluster._write_hba()
    for name in ("postgresql.conf",):
        chown_to(data / name, cluster.os_user)
    # A restored home archives nothing until its operator sets up its own repository.
    cluster.settings["archive_mode"] = "off"


def _wait_promoted(cluster: Cluster, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with cluster.connect(autocommit=True) as conn:
                if not conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]:
                    return
        except psycopg.Error:
            pass
        time.sleep(0.5)
    raise BackupError(f"the restored server did not finish recovery within {timeout:.0f}s; "
                      f"see {cluster.log_file}")


def _check_key(cluster: Cluster) -> None:
    """Every stored signing key must open with the restored master key."""
    with cluster.connect(cluster.database, autocommit=True) as conn:
        try:
            conn.execute("SELECT count(internal.decrypt_secret(private_key,"
                         " 'auth.signing_keys:' || kid)) FROM auth.signing_keys").fetchone()
        except psycopg.Error as exc:
            raise BackupError(
                "the master key does not open the restored secrets (signing keys): give the "
                "key the backup was made with (--master-key-file, or the backup's wrapped key "
                f"with the right passphrase); nothing was left running ({exc.diag.message_primary})"
            ) from None
