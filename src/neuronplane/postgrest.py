"""PostgREST: its configuration file and its process."""

from __future__ import annotations

from pathlib import Path

from .procs import Service, url_host


def config_text(*, db_host: str, db_port: int, db_name: str, passfile: Path,
                host: str, port: int, admin_port: int, jwt_secret: str | None = None) -> str:
    """PostgREST's configuration. With jwt_secret, PostgREST verifies HS256 tokens with it
    and a request with a token takes the token's role; without, it accepts no token and
    every request is anon."""
    # The password is not in this file: libpq reads it from the 0600 passfile.
    uri = (f"postgresql://authenticator@{db_host}:{db_port}/{db_name}"
           f"?passfile={passfile}&application_name=postgrest")
    jwt: list[str] = []
    if jwt_secret is not None:
        if len(jwt_secret) < 32 or any(c in jwt_secret for c in '"\\\n'):
            raise ValueError("jwt_secret must be at least 32 characters, without quotes, "
                             "backslashes or newlines")
        jwt = [f'jwt-secret = "{jwt_secret}"', "jwt-secret-is-base64 = false"]
    return "\n".join([
        "# Managed by neuronplane: rewritten at every start.",
        f'db-uri = "{uri}"',
        'db-schemas = "api"',
        'db-anon-role = "anon"',
        # citext's operators live in schema extensions: with it on the path, filters on
        # case-insensitive columns (?email=eq.X) compare case-insensitively.
        'db-extra-search-path = "public, extensions"',
        "db-pool = 10",
        "db-channel-enabled = true",
        f'server-host = "{host}"',
        f"server-port = {port}",
        f"admin-server-port = {admin_port}",
        'log-level = "warn"',
        *jwt,
        "",
    ])


def service(binary: Path, config_file: Path, run_dir: Path, log_dir: Path,
            host: str, port: int, admin_port: int, user: str | None = None) -> Service:
    return Service(
        name="PostgREST",
        argv=[str(binary), str(config_file)],
        health_url=f"http://{url_host(host)}:{admin_port}/ready",
        ports=[(host, port), (host, admin_port)],
        pid_file=run_dir / "postgrest.pid",
        log_file=log_dir / "postgrest.log",
        hint="set NEURONPLANE_API_PORT / NEURONPLANE_API_ADMIN_PORT",
        user=user,
    )

