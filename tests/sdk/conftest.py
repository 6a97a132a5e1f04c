"""Fixtures of the SDK tests: the stack (PostgREST, the glue with uploads, a worker: the
ingestion tests' fixtures), a user with a password, and a session whose access token has
expired."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT
from tests.ingest.conftest import files, glue, ingest_settings, worker  # noqa: F401 (fixtures)

PASSWORD = "Quartz-Meadow-Falcon-58"
PY_SDK = ROOT / "sdks" / "python"
TS_SDK = ROOT / "sdks" / "typescript"


@pytest.fixture(scope="session")
def typescript_dist() -> Path:
    """sdks/typescript compiled (tsc) once for the session's tests."""
    from neuronplane.sdk_cli import compile_typescript
    return compile_typescript(ROOT)


@dataclass
class Account:
    id: str
    name: str

    def env(self, api_url: str, glue_url: str) -> dict[str, str]:
        """What the examples read."""
        return {"NEURONPLANE_API_URL": api_url, "NEURONPLANE_GLUE_URL": glue_url,
                "NEURONPLANE_USERNAME": self.name, "NEURONPLANE_PASSWORD": PASSWORD}


@pytest.fixture
def account(superuser) -> Account:
    """A new user with a password (no organization yet)."""
    name = f"sdk-{uuid.uuid4().hex[:12]}"
    user_id = str(superuser.execute(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id",
        (name, f"{name}@example.test")).fetchone()[0])
    superuser.execute("SELECT auth.set_password(%s, %s)", (user_id, PASSWORD))
    return Account(user_id, name)


@dataclass
class ExpiredSession:
    session_id: str
    expired_access: str
    refresh_token: str


def expired_session(postgrest, superuser, account: Account) -> ExpiredSession:
    """Log in over HTTP, then give the session an access token that expired a minute ago
    (issued by the database for that session, as a real one that aged)."""
    r = httpx.post(f"{postgrest.url}/rpc/login",
                   json={"username_or_email": account.name, "password": PASSWORD})
    assert r.status_code == 200, r.text
    answer = r.json()
    [(token,)] = superuser.execute(
        "SELECT auth.issue_access_token(%s, 'user', 'authenticated', %s,"
        " lifetime => interval '-60 seconds')",
        (account.id, answer["session_id"])).fetchall()
    return ExpiredSession(answer["session_id"], token, answer["refresh_token"])


def rotations(superuser, session_id: str) -> int:
    """How many refresh tokens the session has had (1 + the number of rotations)."""
    return superuser.execute("SELECT count(*) FROM auth.refresh_tokens WHERE session_id = %s",
                             (session_id,)).fetchone()[0]


def run_example(path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    full = {**os.environ, **env, "PYTHONPATH": str(PY_SDK / "src")}
    return subprocess.run([sys.executable, str(path), *args], env=full, text=True,
                          capture_output=True, timeout=180)
