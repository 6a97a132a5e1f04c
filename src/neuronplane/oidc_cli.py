"""`neuronplane oidc ...`: register OpenID Providers (discovery, then auth.save_oidc_provider).

Every option can come from the environment instead (OIDC_ISSUER, OIDC_CLIENT_ID,
OIDC_CLIENT_SECRET, OIDC_CALLBACK_URL, OIDC_REDIRECT_URIS); the client secret is read only
from the environment or a file, never from the command line, where other users could see it.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

import psycopg


def _connect(args: argparse.Namespace) -> psycopg.Connection[Any]:
    if args.dsn:
        return psycopg.connect(args.dsn, autocommit=True)
    from . import config, stack
    s = config.load()
    return stack.build(s).cluster.connect(s.pg_database, autocommit=True)


def _secret(args: argparse.Namespace) -> str | None:
    if args.client_secret_file:
        return Path(args.client_secret_file).read_text().strip() or None
    return os.environ.get("OIDC_CLIENT_SECRET") or None


def _cmd_add_provider(args: argparse.Namespace) -> int:
    from . import config
    from .oidc import discover

    missing = [flag for flag, value in (("--issuer / OIDC_ISSUER", args.issuer),
                                        ("--client-id / OIDC_CLIENT_ID", args.client_id),
                                        ("--callback-url / OIDC_CALLBACK_URL", args.callback_url))
               if not value]
    if missing:
        raise config.ConfigError("oidc add-provider needs " + ", ".join(missing))
    redirect_uris = args.redirect_uri or os.environ.get("OIDC_REDIRECT_URIS", "").split()
    try:
        meta = discover(args.issuer)
    except Exception as exc:
        raise config.ConfigError(f"OIDC discovery of {args.issuer} failed: {exc}") from None
    algs = [a for a in meta.get("id_token_signing_alg_values_supported", ["RS256"])
            if a != "none" and not a.startswith("HS")]
    with _connect(args) as conn, conn.transaction():
        conn.execute(
            "SELECT auth.save_oidc_provider(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,"
            " %s, %s, %s)",
            (args.name, meta["issuer"], args.client_id, _secret(args),
             meta["authorization_endpoint"], meta["token_endpoint"], meta["jwks_uri"],
             args.callback_url, redirect_uris, args.scopes.split(),
             meta.get("userinfo_endpoint"), meta.get("end_session_endpoint"),
             algs or ["RS256"], args.link_verified_email, not args.disabled))
        # RFC 9207: a provider that sends iss in its authorization responses must always.
        conn.execute("SELECT auth.set_oidc_iss_parameter_supported(%s, %s)",
                     (args.name,
                      meta.get("authorization_response_iss_parameter_supported") is True))
    print(f"provider {args.name}: issuer {meta['issuer']}, login at "
          f"/auth/oidc/{args.name}/login?redirect_to=<one of {len(redirect_uris)} URI(s)>")
    return 0


def _cmd_remove_provider(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        conn.execute("SELECT auth.delete_oidc_provider(%s)", (args.name,))
    print(f"provider {args.name} removed")
    return 0


def add_parser(sub: Any) -> None:
    """`neuronplane oidc add-provider | remove-provider`."""
    oidc = sub.add_parser("oidc", help="OpenID Providers users log in with")
    cmds = oidc.add_subparsers(dest="oidc_command", required=True)
    add = cmds.add_parser("add-provider", help="discover a provider and add (or replace) it")
    add.add_argument("--name", required=True, help="short name, in /auth/oidc/<name>/login")
    add.add_argument("--issuer", default=os.environ.get("OIDC_ISSUER"))
    add.add_argument("--client-id", default=os.environ.get("OIDC_CLIENT_ID"))
    add.add_argument("--client-secret-file",
                     help="file holding the client secret (else $OIDC_CLIENT_SECRET; none: a "
                          "public client)")
    add.add_argument("--callback-url", default=os.environ.get("OIDC_CALLBACK_URL"),
                     help="the redirect_uri registered at the provider, this provider's "
                          "own: https://<glue>/auth/oidc/<name>/callback")
    add.add_argument("--redirect-uri", action="append",
                     help="where the browser may go after login (repeat; exact match); "
                          "else $OIDC_REDIRECT_URIS, space-separated")
    add.add_argument("--scopes", default=os.environ.get("OIDC_SCOPES", "openid email profile"))
    add.add_argument("--link-verified-email", action="store_true",
                     help="link a first login to the user with the same verified e-mail")
    add.add_argument("--disabled", action="store_true")
    add.add_argument("--dsn", help="database to write to (default: the embedded cluster, as "
                                   "superuser)")
    add.set_defaults(func=_cmd_add_provider)
    rm = cmds.add_parser("remove-provider", help="remove a provider and its linked identities")
    rm.add_argument("--name", required=True)
    rm.add_argument("--dsn")
    rm.set_defaults(func=_cmd_remove_provider)
