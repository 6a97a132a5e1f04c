"""`neuronplane login | logout | orgs | projects | keys`: the API as the logged-in user.

Each command is one PostgREST call with the session `neuronplane login` stored (see
session.py); the database decides what the user may do and audits it.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from typing import Any

from . import session
from .ingest import client


def _api(args: argparse.Namespace) -> str:
    from . import config
    from .procs import url_host
    if args.api_url:
        return args.api_url.rstrip("/")
    s = config.load()
    return f"http://{url_host(s.api_host)}:{s.api_port}"


def _call(api: str, method: str, path: str, **kwargs: Any) -> Any:
    headers = {**client.auth_headers(api), **kwargs.pop("headers", {})}
    return client.check(client.http().request(method, f"{api}{path}", headers=headers,
                                              **kwargs), 200, 204)


def _table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    widths = {c: max([len(c), *(len(str(r.get(c) if r.get(c) is not None else "-"))
                                for r in rows)]) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns).rstrip())
    for r in rows:
        print("  ".join(str(r.get(c) if r.get(c) is not None else "-").ljust(widths[c])
                        for c in columns).rstrip())


def _cmd_login(args: argparse.Namespace) -> int:
    from .admin_cli import read_password
    api = _api(args)
    username = args.username
    if not username:
        if not sys.stdin.isatty():
            username = sys.stdin.readline().strip()
        else:
            username = input("username: ").strip()
    password = read_password(confirm=False)
    stored = session.login(api, username, password)
    print(f"logged in as {username} at {api}; session stored in {session.path()}")
    return 0 if stored else 1


def _cmd_logout(args: argparse.Namespace) -> int:
    api = _api(args)
    current = session.load()
    if current is None:
        print("no stored session")
        return 0
    if current.get("api_url") == api:
        try:
            _call(api, "POST", "/rpc/logout", json={})
        except client.ClientError as exc:
            print(f"the server did not end the session ({exc}); forgetting it here anyway")
    session.remove()
    print("logged out")
    return 0


def _org_id(api: str, org: str) -> str:
    """--org: an organization id, or its slug."""
    try:
        return str(uuid.UUID(org))
    except ValueError:
        pass
    rows = _call(api, "GET", "/organizations", params={"slug": f"eq.{org}", "select": "id"})
    if not rows:
        raise client.ClientError(f"no organization with the slug {org!r} is visible to you")
    return rows[0]["id"]


def _cmd_orgs(args: argparse.Namespace) -> int:
    api = _api(args)
    if args.action == "create":
        if not args.name:
            raise client.ClientError("usage: neuronplane orgs create NAME [--slug SLUG]")
        slug = args.slug or "-".join(args.name.lower().split())
        org = _call(api, "POST", "/rpc/create_organization",
                    json={"name": args.name, "slug": slug},
                    headers={"Accept": "application/vnd.pgrst.object+json"})
        print(f"created organization {org['name']} ({org['slug']}): {org['id']}")
        return 0
    rows = _call(api, "GET", "/organizations", params={"select": "id,slug,name,created_at",
                                                       "order": "created_at"})
    _table(rows, ["id", "slug", "name", "created_at"])
    return 0


def _cmd_projects(args: argparse.Namespace) -> int:
    api = _api(args)
    if args.action == "create":
        if not args.name:
            raise client.ClientError("usage: neuronplane projects create NAME [--org ORG]")
        body: dict[str, Any] = {"name": args.name}
        if args.org:
            body["org_id"] = _org_id(api, args.org)
        p = _call(api, "POST", "/rpc/create_project", json=body,
                  headers={"Accept": "application/vnd.pgrst.object+json"})
        print(f"created project {p['name']}: {p['id']}")
        print(f"next: ./neuronplane ingest FILE --project {p['id']}")
        return 0
    params = {"select": "id,name,org_id,user_id,created_at", "order": "created_at"}
    if args.org:
        params["org_id"] = f"eq.{_org_id(api, args.org)}"
    _table(_call(api, "GET", "/projects", params=params),
           ["id", "name", "org_id", "user_id", "created_at"])
    return 0


def _cmd_keys(args: argparse.Namespace) -> int:
    api = _api(args)
    if args.action == "create":
        if not args.name:
            raise client.ClientError("usage: neuronplane keys create NAME [--project P] ...")
        body: dict[str, Any] = {"name": args.name, "roles": args.role or ["member"]}
        if args.project:
            body["project_id"] = args.project
        if args.rate_limit:
            body["rate_limit_per_min"] = args.rate_limit
        if args.expires_at:
            body["expires_at"] = args.expires_at
        k = _call(api, "POST", "/rpc/create_api_key", json=body,
                  headers={"Accept": "application/vnd.pgrst.object+json"})
        print(f"created API key {k['prefix']} ({k['id']}); it is shown once:")
        print(k["api_key"])
        return 0
    if args.action == "revoke":
        if not args.name:
            raise client.ClientError("usage: neuronplane keys revoke ID")
        _call(api, "POST", "/rpc/revoke_api_key", json={"id": args.name})
        print(f"revoked API key {args.name}")
        return 0
    params = {"select": "id,name,prefix,project_id,roles,expires_at,revoked_at,last_used_at",
              "order": "created_at"}
    rows = _call(api, "GET", "/api_keys", params=params)
    for r in rows:
        r["roles"] = ",".join(r["roles"] or [])
    _table(rows, ["id", "name", "prefix", "project_id", "roles", "revoked_at", "last_used_at"])
    return 0


def _project(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise argparse.ArgumentTypeError(f"project must be a uuid, not {value!r}") from None


def _run(func: Any) -> Any:
    def wrapped(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except (client.ClientError, session.SessionError, ValueError) as exc:
            print(f"neuronplane {args.command}: {exc}", file=sys.stderr)
            return 1
    return wrapped


def add_parsers(sub: Any) -> None:
    def api_url(p: argparse.ArgumentParser) -> None:
        p.add_argument("--api-url", help="PostgREST (default: from the configuration)")

    p = sub.add_parser("login", help="log in with a username and password; the session is "
                       "stored for the other commands")
    p.add_argument("username", nargs="?", help="(prompted for when missing)")
    api_url(p)
    p.set_defaults(func=_run(_cmd_login))
    p = sub.add_parser("logout", help="end the stored session")
    api_url(p)
    p.set_defaults(func=_run(_cmd_logout))
    p = sub.add_parser("orgs", help="your organizations; `orgs create NAME [--slug S]`")
    p.add_argument("action", nargs="?", choices=["list", "create"], default="list")
    p.add_argument("name", nargs="?")
    p.add_argument("--slug", help="short name (default: from the name)")
    api_url(p)
    p.set_defaults(func=_run(_cmd_orgs))
    p = sub.add_parser("projects", help="your projects; `projects create NAME [--org ORG]`")
    p.add_argument("action", nargs="?", choices=["list", "create"], default="list")
    p.add_argument("name", nargs="?")
    p.add_argument("--org", help="organization id or slug (create: default your own project)")
    api_url(p)
    p.set_defaults(func=_run(_cmd_projects))
    p = sub.add_parser("keys", help="your API keys: `keys list`, `keys create NAME "
                       "[--project P] [--role R]`, `keys revoke ID`")
    p.add_argument("action", nargs="?", choices=["list", "create", "revoke"], default="list")
    p.add_argument("name", nargs="?", help="create: the key's name; revoke: its id")
    p.add_argument("--project", type=_project, help="limit the key to this project")
    p.add_argument("--role", action="append", choices=["admin", "member", "viewer", "service"],
                   help="what the key may do (repeatable; default member)")
    p.add_argument("--rate-limit", type=int, help="requests per minute")
    p.add_argument("--expires-at", help="timestamp (ISO 8601)")
    api_url(p)
    p.set_defaults(func=_run(_cmd_keys))
