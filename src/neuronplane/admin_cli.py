"""`neuronplane admin create-user`: the first user's way in.

It runs on the machine of the stack, as its superuser through the unix socket (the only
caller there is before any user exists), and does what an administrator's API calls would:
the user row, auth.set_password() (the password policy, argon2id) and the audit events, in
one transaction. The password is prompted for (or read from stdin), never an argument.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

VIA = "neuronplane admin create-user"


def read_password(prompt: str = "password: ", confirm: bool = True) -> str:
    """From the terminal (twice, without echo), or the first line of stdin when it is not a
    terminal (scripts: `printf '%s\\n' "$PW" | neuronplane admin create-user ...`)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass(prompt)
    if confirm and getpass.getpass("again: ") != password:
        raise ValueError("the two passwords differ")
    return password


def create_user(conn: psycopg.Connection[Any], username: str, email: str | None,
                is_admin: bool, password: str) -> str:
    """The new user's id. The transaction rolls back as a whole when the password breaks
    the policy or the username or e-mail is taken."""
    details = {"username": username, "is_admin": is_admin, "via": VIA}
    with conn.transaction():
        row = conn.execute(
            "INSERT INTO identity.users (username, email, is_admin) VALUES (%s, %s, %s) "
            "RETURNING id::text", (username, email, is_admin)).fetchone()
        assert row is not None
        user_id = row[0]
        conn.execute("SELECT auth.set_password(%s::uuid, %s)", (user_id, password))
        conn.execute("SELECT audit.record('identity.user.created', 'success', 'user', %s, %s)",
                     (user_id, Jsonb(details)))
        conn.execute("SELECT audit.record('auth.password.reset', 'success', 'user', %s, %s)",
                     (user_id, Jsonb({"via": VIA})))
    return user_id


def has_users(conn: psycopg.Connection[Any]) -> bool:
    row = conn.execute("SELECT EXISTS (SELECT FROM identity.users)").fetchone()
    return bool(row and row[0])


def _cmd_create_user(args: argparse.Namespace) -> int:
    from . import config, stack
    try:
        password = read_password()
    except ValueError as exc:
        print(f"neuronplane admin create-user: {exc}", file=sys.stderr)
        return 1
    s = config.load()
    try:
        with stack.superuser_connection(s) as conn:
            user_id = create_user(conn, args.username, args.email, args.platform_admin,
                                  password)
    except psycopg.errors.UniqueViolation:
        print(f"neuronplane admin create-user: a user named {args.username!r} (or with this "
              "e-mail) already exists", file=sys.stderr)
        return 1
    except (psycopg.errors.InvalidParameterValue, psycopg.errors.CheckViolation) as exc:
        print(f"neuronplane admin create-user: {exc.diag.message_primary}", file=sys.stderr)
        return 1
    print(f"created user {args.username} ({user_id})"
          + (", platform administrator" if args.platform_admin else ""))
    print("next: ./neuronplane login")
    return 0


def add_parser(sub: Any) -> None:
    admin = sub.add_parser("admin", help="administration on the stack's machine (as its "
                           "superuser)")
    admin_sub = admin.add_subparsers(dest="admin_command", required=True)
    p = admin_sub.add_parser("create-user", help="create a user with a password (prompted for, "
                             "or the first line of stdin)")
    p.add_argument("username")
    p.add_argument("--email")
    p.add_argument("--platform-admin", action="store_true",
                   help="a platform administrator (may create users, sees every organization)")
    p.set_defaults(func=_cmd_create_user)
