"""The command line's own login session: `neuronplane login` stores what POST /rpc/login
answered in the user's config folder (mode 0600); every command that calls the API takes
its access token from there, refreshed through POST /rpc/refresh when it has expired."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import httpx

# Refresh this many seconds before the access token expires, so that a request sent just
# before the expiry does not arrive just after it.
REFRESH_MARGIN = 30


class SessionError(RuntimeError):
    """No usable stored session, with what to do about it."""


def path() -> Path:
    """$XDG_CONFIG_HOME/neuronplane/session.json (default ~/.config/neuronplane/...)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "neuronplane" / "session.json"


def save(api_url: str, answer: dict[str, Any], username: str | None = None) -> Path:
    """Write the session (readable by its owner only), atomically."""
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = {"api_url": api_url, "username": username, "access_token": answer["access_token"],
            "refresh_token": answer["refresh_token"], "expires_at": answer["expires_at"],
            "session_id": answer.get("session_id"), "principal_id": answer.get("principal_id")}
    tmp = target.with_name(f".{target.name}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(data, f)
    os.replace(tmp, target)
    return target


def load() -> dict[str, Any] | None:
    try:
        return json.loads(path().read_text())
    except FileNotFoundError:
        return None
    except ValueError:
        raise SessionError(f"{path()} is not a session file: run `neuronplane login`") from None


def remove() -> bool:
    try:
        path().unlink()
        return True
    except FileNotFoundError:
        return False


def _answer(r: httpx.Response, what: str) -> dict[str, Any]:
    try:
        body = r.json()
    except ValueError:
        body = {"message": r.text[:300]}
    if r.status_code != 200 or not isinstance(body, dict) or "access_token" not in body:
        message = body.get("message") if isinstance(body, dict) else str(body)
        raise SessionError(f"{what} refused (HTTP {r.status_code}): {message}")
    return body


def login(api_url: str, username: str, password: str,
          client: httpx.Client | None = None) -> dict[str, Any]:
    """POST /rpc/login; the stored session on success."""
    c = client or httpx.Client(timeout=30)
    r = c.post(f"{api_url}/rpc/login", json={"username_or_email": username,
                                              "password": password})
    answer = _answer(r, "login")
    save(api_url, answer, username)
    return load() or {}


def access_token(api_url: str, client: httpx.Client | None = None,
                 now: float | None = None) -> str | None:
    """The stored session's access token for api_url, refreshed (and stored) when it has
    expired or is about to; None when there is no stored session."""
    current = load()
    if current is None:
        return None
    if current.get("api_url") != api_url:
        raise SessionError(f"the stored session ({path()}) is for {current.get('api_url')}, "
                           f"not {api_url}: run `neuronplane login`")
    if float(current["expires_at"]) - REFRESH_MARGIN > (time.time() if now is None else now):
        return current["access_token"]
    c = client or httpx.Client(timeout=30)
    r = c.post(f"{api_url}/rpc/refresh", json={"refresh_token": current["refresh_token"]})
    try:
        answer = _answer(r, "refreshing the stored session")
    except SessionError as exc:
        raise SessionError(f"{exc}: run `neuronplane login`") from None
    save(api_url, answer, current.get("username"))
    return answer["access_token"]
