"""The command line of the HA topology and its backups: `ha up|down|status|failover`,
`backup`, `backups`, `restore`."""

from __future__ import annotations

import argparse
import sys

from . import config


def _ha():
    from . import ha
    return ha.build(config.load())


def _run(fn) -> int:
    from . import backup, ha
    try:
        return fn() or 0
    except (ha.HAError, backup.BackupError, ha.StartError) as exc:
        print(f"neuronplane: {exc}", file=sys.stderr)
        return 1


def _cmd_ha(args: argparse.Namespace) -> int:
    def go():
        h = _ha()
        if args.action == "up":
            h.up()
        elif args.action == "down":
            h.down()
        elif args.action == "failover":
            h.failover(args.candidate)
        else:
            rows = h.status()
            print(f"{'component':<12} {'pid':>8}  {'answering':<9}  detail")
            for row in rows:
                print(f"{row['component']:<12} {row['pid'] or '-':>8}  "
                      f"{'yes' if row['answering'] else 'no':<9}  {row['detail']}")
            return 0 if all(r["answering"] for r in rows) else 3
    return _run(go)


def _cmd_backup(args: argparse.Namespace) -> int:
    from . import backup
    return _run(lambda: print(backup.summary(backup.backup(
        _ha(), args.type, include_master_key=not args.no_master_key))))


def _cmd_backups(args: argparse.Namespace) -> int:
    from . import backup
    if args.verify:
        return _run(lambda: 0 if backup.verify(_ha()) else 1)
    return _run(lambda: backup.print_list(_ha()))


def _cmd_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from . import backup

    def go():
        backup.restore(_ha(), Path(args.into), target=None if args.latest else args.to,
                       master_key_file=Path(args.master_key_file) if args.master_key_file
                       else None)
    return _run(go)


def add_parsers(sub) -> None:
    p = sub.add_parser("ha", help="a local HA topology: etcd, 3 PostgreSQL nodes under Patroni, "
                       "HAProxy, PgBouncer, 2 PostgREST, 2 glue (docs/ha.md)")
    p.add_argument("action", choices=["up", "down", "status", "failover"])
    p.add_argument("--candidate", help="failover: the node to lead (default: the "
                   "synchronous standby)")
    p.set_defaults(func=_cmd_ha)
    p = sub.add_parser("backup", help="a pgBackRest backup of the HA topology, with its "
                       "manifest and the wrapped master key")
    p.add_argument("--type", default="full", choices=["full", "diff", "incr"])
    p.add_argument("--no-master-key", action="store_true",
                   help="leave the master key out of the backup set (restore then needs "
                   "--master-key-file)")
    p.set_defaults(func=_cmd_backup)
    p = sub.add_parser("backups", help="list the backups: sizes, WAL range, schema change, "
                       "audit chain heads")
    p.add_argument("--verify", action="store_true", help="check every file of every backup "
                   "and archived WAL segment against its checksum (exit 1 on a mismatch)")
    p.set_defaults(func=_cmd_backups)
    p = sub.add_parser("restore", help="point-in-time recovery into a fresh home "
                       "(NEURONPLANE_BACKUP_PASSPHRASE unwraps the key)")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--to", metavar="TIMESTAMP", help="e.g. '2026-12-08 00:40:00+00'")
    when.add_argument("--latest", action="store_true", help="replay all archived WAL")
    p.add_argument("--into", required=True, metavar="HOME",
                   help="a new NEURONPLANE_HOME (must not exist or be empty)")
    p.add_argument("--master-key-file", help="the master key, when the backup was taken "
                   "with --no-master-key")
    p.set_defaults(func=_cmd_restore)
