"""The `neuronplane` command line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import config


def _cmd_up(args: argparse.Namespace) -> int:
    from . import stack
    stack.up(stack.build(config.load()), observability=args.observability)
    return 0


def _cmd_down(args: argparse.Namespace) -> int:
    from . import stack
    stack.down(stack.build(config.load()))
    return 0


def _cmd_status(args: argparse.Namespace) -> int:
    from . import stack
    rows = stack.status(stack.build(config.load()))
    print(f"{'component':<12} {'state':<6} {'pid':>8}  {'answering':<9}  address")
    for row in rows:
        state = "up" if row["pid"] else "down"
        print(f"{row['component']:<12} {state:<6} {row['pid'] or '-':>8}  "
              f"{'yes' if row['answering'] else 'no':<9}  {row['address']}")
    # 0 when everything answers, 3 (LSB: "not running") otherwise.
    return 0 if all(row["answering"] for row in rows) else 3


def _cmd_psql(args: argparse.Namespace) -> int:
    from .cluster import SUPERUSER
    s = config.load()
    argv = ["psql", "-h", str(s.socket_dir), "-p", str(s.pg_port), "-U", SUPERUSER,
            "-d", s.pg_database, *args.psql_args]
    os.execvp("psql", argv)  # noqa: S606 (psql replaces this process)
    return 127  # pragma: no cover


def _cmd_glue(args: argparse.Namespace) -> int:
    from . import glue, stack
    from .ingest import IngestSettings
    from .procs import url_host
    s = config.load()
    glue.serve(stack.worker_conninfo(s), s.glue_host, s.glue_port,
               f"http://{url_host(s.api_host)}:{s.api_port}", IngestSettings.from_env(s.home))
    return 0


def _cmd_worker(args: argparse.Namespace) -> int:
    from . import stack
    from .ingest import IngestSettings, worker
    s = config.load()
    ready = Path(args.ready_file) if args.ready_file else None
    metrics = (s.glue_host, args.metrics_port) if args.metrics_port else None
    worker.main(args.dsn or stack.ingest_worker_conninfo(s), IngestSettings.from_env(s.home),
                ready, once=args.once, metrics_at=metrics)
    return 0


def _urls(args: argparse.Namespace) -> tuple[str, str]:
    from .procs import url_host
    s = config.load()
    api = args.api_url or f"http://{url_host(s.api_host)}:{s.api_port}"
    glue = args.glue_url or f"http://{url_host(s.glue_host)}:{s.glue_port}"
    return api.rstrip("/"), glue.rstrip("/")


def _project(value: str) -> str:
    """--project: a project id (a uuid), refused here rather than as PostgreSQL's 22P02."""
    import uuid
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise argparse.ArgumentTypeError(f"project must be a uuid, not {value!r}") from None


def _options(value: str) -> dict:
    """--options: a JSON object."""
    import json
    try:
        options = json.loads(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"--options is not valid JSON: {exc}") from None
    if not isinstance(options, dict):
        raise argparse.ArgumentTypeError('--options must be a JSON object, e.g. '
                                         '\'{"delimiter": ";"}\'')
    return options


def _cmd_ingest(args: argparse.Namespace) -> int:
    from rich.console import Console

    from .ingest import client
    api, glue = _urls(args)
    console = Console()
    try:
        job = client.start(api, glue, args.source, args.project, args.name, args.format,
                           args.options, args.if_exists)
        console.print(f"job {job['id']} queued")
        if args.no_wait:
            return 0
        plain = {"auto": None, "bar": False, "plain": True}[args.progress]
        job = client.follow(api, job["id"], console, plain=plain,
                            plain_every=args.progress_every)
    except (client.ClientError, ValueError) as exc:
        console.print(f"[red]neuronplane ingest: {exc}")
        return 1
    if job["status"] != "succeeded":
        console.print(f"[red]job {job['status']}: {job.get('error') or ''}")
        return 1
    console.print(f"dataset {job['dataset_id']}: {job['rows_done']:,} rows")
    return 0


def _cmd_jobs(args: argparse.Namespace) -> int:
    from rich.console import Console

    from .ingest import client
    api, _ = _urls(args)
    try:
        client.list_jobs(api, args.project, args.limit, Console())
    except client.ClientError as exc:
        print(f"neuronplane jobs: {exc}", file=sys.stderr)
        return 1
    return 0


def _cmd_test(args: argparse.Namespace) -> int:
    from . import testrun
    return testrun.run(config.project_root(), pytest_args=args.pytest_args)


def _superuser_connection():
    """The stack's database as superuser (the unix socket, or NEURONPLANE_ADMIN_DSN)."""
    from . import stack
    return stack.superuser_connection(config.load())


def _cmd_audit_verify(args: argparse.Namespace) -> int:
    from . import audit
    with _superuser_connection() as conn:
        ok, event_id, problem = audit.verify(conn)
    if ok:
        print("audit log: ok")
        return 0
    print(f"audit log: NOT OK: {problem}" + (f" (event {event_id})" if event_id else ""))
    return 1


def _cmd_audit_export_heads(args: argparse.Namespace) -> int:
    from . import audit
    path = Path(args.file)
    with _superuser_connection() as conn:
        heads = audit.export_heads(conn, path)
    for head in heads:
        print(f"exported {head['month'][:7]} position {head['position']} {head['hash']}"
              f"{' (final)' if head['final'] else ''}")
    print(f"{len(heads)} head(s) appended to {path}")
    return 0


def _cmd_rotate_master_key(args: argparse.Namespace) -> int:
    from . import masterkey, stack
    s = config.load()
    try:
        masterkey.rotate(stack.build(s).cluster, s.pg_database)
    except masterkey.RotationError as exc:
        print(f"neuronplane: {exc}")
        return 1
    return 0


def _cmd_schema_dump(args: argparse.Namespace) -> int:
    from . import migrate, schemadump, testrun
    root = config.project_root()
    with testrun.throwaway_cluster(root, log=lambda *_: None) as (cluster, _tmp):
        cluster.ensure_database(testrun.TEST_DATABASE)
        migrate.deploy(root, cluster, testrun.TEST_DATABASE, quiet=True)
        text = schemadump.dump(cluster, testrun.TEST_DATABASE)
    (root / schemadump.SCHEMA_FILE).write_text(text)
    print(f"wrote {schemadump.SCHEMA_FILE} ({text.count(chr(10))} lines)")
    return 0


def _cmd_lint(args: argparse.Namespace) -> int:
    from . import sqllint
    root = config.project_root()
    problems = sqllint.lint_tree(root / "deploy")
    for problem in problems:
        print(problem)
    print(f"sqllint: {len(problems)} problem(s) in {root / 'deploy'}")
    return 1 if problems else 0


def _cmd_images(args: argparse.Namespace) -> int:
    from . import containers
    try:
        containers.build(config.project_root(), args.names or containers.IMAGES, args.tag,
                         test_variant=args.test_variant)
    except containers.ContainerError as exc:
        print(f"neuronplane images: {exc}", file=sys.stderr)
        return 1
    return 0


def _cmd_compose(args: argparse.Namespace) -> int:
    from . import containers
    s = config.load()
    c = containers.default_compose(s.root, s.home, args.prod)
    try:
        if args.action == "up":
            c.up(timeout=args.timeout)
            print(f"neuronplane is up: https://127.0.0.1:{c.https_port}/healthz "
                  f"(project {c.project}, secrets in {c.secrets_dir})")
            print("first user: printf '%s\\n' \"$PASSWORD\" | neuronplane compose "
                  f"{'--prod ' if args.prod else ''}admin admin create-user NAME --platform-admin")
        elif args.action == "down":
            c.down(volumes=args.volumes)
        elif args.action != "admin" and args.rest:
            print(f"neuronplane compose {args.action}: unexpected {' '.join(args.rest)}",
                  file=sys.stderr)
            return 2
        elif args.action == "smoke":
            return 1 if containers.smoke(f"https://127.0.0.1:{c.https_port}",
                                         c.secrets_dir / "tls.crt") else 0
        elif args.action == "admin":
            if not args.rest:
                print("neuronplane compose admin: name a neuronplane command, e.g. "
                      "admin create-user NAME, audit-verify", file=sys.stderr)
                return 2
            r = c.admin(*args.rest, input=None if sys.stdin.isatty() else sys.stdin.read())
            sys.stdout.write(r.stdout)
            sys.stderr.write(r.stderr)
            return r.returncode
    except containers.ContainerError as exc:
        print(f"neuronplane compose {args.action}: {exc}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="neuronplane",
        description="Control plane of the NeuronDB ecosystem: PostgreSQL + PostgREST + glue.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("up", help="start (and on first run create) the stack; deploy new "
                       "changes")
    p.add_argument("--observability", action="store_true",
                   help="also start prometheus-postgres-exporter and Prometheus on loopback "
                   "(docs/observability.md)")
    p.set_defaults(func=_cmd_up)
    sub.add_parser("down", help="stop everything `up` started").set_defaults(func=_cmd_down)
    sub.add_parser("status", help="each component: pid, address, answering (exit 3 if any is "
                   "down)").set_defaults(func=_cmd_status)
    sub.add_parser("psql", help="psql as superuser on the embedded cluster (extra arguments "
                   "go to psql)").set_defaults(func=_cmd_psql, passthrough="psql_args")
    sub.add_parser("glue", help="run the glue HTTP service in the foreground"
                   ).set_defaults(func=_cmd_glue)
    p = sub.add_parser("worker", help="run an ingestion worker in the foreground")
    p.add_argument("--once", action="store_true", help="exit when no job is left")
    p.add_argument("--ready-file", help=argparse.SUPPRESS)
    p.add_argument("--metrics-port", type=int, help="serve Prometheus metrics on this loopback "
                   "port (`up` uses NEURONPLANE_WORKER_METRICS_PORT)")
    p.add_argument("--dsn", help="connection string (default: neuronplane_worker on the "
                   "embedded cluster)")
    p.set_defaults(func=_cmd_worker)
    p = sub.add_parser("ingest", help="load a file or URL into a project's dataset, with a live "
                       "progress bar (NEURONPLANE_API_KEY, NEURONPLANE_TOKEN or `login`)")
    p.add_argument("source", help="a local file (uploaded to the glue) or an http(s) URL")
    p.add_argument("--project", required=True, type=_project, help="project id (a uuid)")
    p.add_argument("--name", help="dataset name (default: the file's name)")
    p.add_argument("--format", default="auto", choices=["auto", "csv", "json", "jsonl",
                                                         "parquet"])
    p.add_argument("--options", type=_options,
                   help='a JSON object, e.g. \'{"delimiter": ";", "null": "NA"}\'')
    p.add_argument("--if-exists", default="fail", choices=["fail", "replace"])
    p.add_argument("--no-wait", action="store_true", help="queue the job and return")
    p.add_argument("--progress", default="auto", choices=["auto", "bar", "plain"],
                   help="a live bar, or a plain line every --progress-every seconds (auto: "
                   "the bar on a terminal only)")
    p.add_argument("--progress-every", type=float, default=5.0, metavar="SECONDS",
                   help="seconds between plain progress lines (default 5)")
    p.add_argument("--api-url", help="PostgREST (default: from the configuration)")
    p.add_argument("--glue-url", help="the glue (default: from the configuration)")
    p.set_defaults(func=_cmd_ingest)
    p = sub.add_parser("jobs", help="list ingestion jobs (NEURONPLANE_API_KEY, "
                       "NEURONPLANE_TOKEN or `login`)")
    p.add_argument("--project", type=_project, help="only this project's jobs")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--api-url", help="PostgREST (default: from the configuration)")
    p.add_argument("--glue-url", help=argparse.SUPPRESS)
    p.set_defaults(func=_cmd_jobs)
    sub.add_parser("test", help="the whole test suite on a throwaway cluster (extra arguments "
                   "go to pytest)").set_defaults(func=_cmd_test, passthrough="pytest_args")
    sub.add_parser("lint", help="the SQL lint over deploy/").set_defaults(func=_cmd_lint)
    sub.add_parser("rotate-master-key", help="re-seal every stored secret under a new master "
                   "key (the running stack's); the old key is then not needed"
                   ).set_defaults(func=_cmd_rotate_master_key)
    sub.add_parser("schema-dump", help="deploy on a throwaway cluster and write sql/schema.sql "
                   "(the whole current schema)").set_defaults(func=_cmd_schema_dump)
    sub.add_parser("audit-verify", help="seal pending audit events, then verify the whole "
                   "log (exit 1 on the first problem)").set_defaults(func=_cmd_audit_verify)
    p = sub.add_parser("audit-export-heads", help="append the audit chain heads not exported "
                       "yet to FILE (JSON lines) and mark them exported")
    p.add_argument("file")
    p.set_defaults(func=_cmd_audit_export_heads)
    p = sub.add_parser("images", help="container images (docker/): `images build [NAME...]` "
                       "builds db, migrate, api, app and proxy with podman (or docker)")
    p.add_argument("images_action", choices=["build"])
    p.add_argument("names", nargs="*", help="only these images (default: all five)")
    p.add_argument("--tag", help="image tag (default: the package version)")
    p.add_argument("--test-variant", action="store_true",
                   help="also build neuronplane-db-test (the db image with pgTAP)")
    p.set_defaults(func=_cmd_images)
    p = sub.add_parser("compose", help="the container stack with podman-compose: up (makes "
                       "missing secrets), down, smoke (checks it through the proxy), admin CMD")
    p.add_argument("action", choices=["up", "down", "smoke", "admin"])
    p.add_argument("--prod", action="store_true",
                   help="docker/compose.prod.yaml (replicas, limits) instead of compose.yaml")
    p.add_argument("--volumes", action="store_true", help="down: also remove the data volumes")
    p.add_argument("--timeout", type=float, default=300,
                   help="up: seconds to wait for migrate and the proxy (default 300)")
    p.set_defaults(func=_cmd_compose, passthrough="rest")
    from . import account_cli, admin_cli, backup_cli, oidc_cli, release, sdk_cli
    backup_cli.add_parsers(sub)
    oidc_cli.add_parser(sub)
    sdk_cli.add_parser(sub)
    release.add_parser(sub)
    admin_cli.add_parser(sub)
    account_cli.add_parsers(sub)

    args, extra = parser.parse_known_args(argv)
    passthrough = getattr(args, "passthrough", None)
    if passthrough:
        setattr(args, passthrough, [a for a in extra if a != "--"])
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        # Known failures carry an actionable message; print it without a traceback.
        from .cluster import ClusterError
        from .migrate import MigrationError
        from .procs import StartError
        if isinstance(exc, config.ConfigError | ClusterError | MigrationError | StartError):
            print(f"neuronplane {args.command}: {exc}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
