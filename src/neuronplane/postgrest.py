"""PostgREST: its configuration file and its process."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .procs import Service, url_host

# PostgREST answers any origin when server-cors-allowed-origins is empty; an origin under
# the reserved .invalid domain, which no browser page can have, leaves the list empty.
NO_CROSS_ORIGIN = "https://no-cross-origin.invalid"


def config_text(*, db_host: str, db_port: int, db_name: str, passfile: Path,
                host: str, port: int, admin_port: int,
                allowed_origins: Sequence[str] = (), openapi_mode: str | None = None) -> str:
    """PostgREST's configuration. The JWT settings are not in it: PostgREST reads them from
    the database (hooks.pre_config(): the JWKS of the published signing keys, the audience
    and the pre-request hook) at start and at NOTIFY pgrst, 'reload config'. Browser pages
    may call it cross-origin, with credentials, only from allowed_origins (none if empty).
    openapi_mode: PostgREST's openapi-mode (default follow-privileges: the root describes
    what the caller's role may use; `neuronplane sdk spec` asks for ignore-privileges)."""
    # The password is not in this file: libpq reads it from the 0600 passfile.
    uri = (f"postgresql://authenticator@{db_host}:{db_port}/{db_name}"
           f"?passfile={passfile}&application_name=postgrest")
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
        f'server-cors-allowed-origins = "{", ".join(allowed_origins) or NO_CROSS_ORIGIN}"',
        'log-level = "warn"',
        # A validated token's claims are cached until it expires: checking an ES256
        # signature costs PostgREST more CPU than the rest of a small request. Revocation
        # does not depend on it: hooks.pre_request() checks the session every time.
        "jwt-cache-max-lifetime = 3600",
        # In-database configuration: jwt-secret, jwt-aud and db-pre-request.
        "db-config = true",
        'db-pre-config = "hooks.pre_config"',
        *([f'openapi-mode = "{openapi_mode}"'] if openapi_mode else []),
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

