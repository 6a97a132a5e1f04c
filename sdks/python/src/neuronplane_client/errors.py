"""API errors as exceptions that carry the SQLSTATE (or the glue's error code) and message."""

from __future__ import annotations

import re
from typing import Any

import httpx

_SQLSTATE = re.compile(r"[0-9A-Z]{5}")


class ApiError(Exception):
    """An answer of status 400 or more. `code` is the SQLSTATE PostgREST reports (`42501`,
    `23505`, ...), PostgREST's own (`PGRST301`), or the glue's error code; `message` is the
    server's sentence, meant for a person."""

    def __init__(self, status: int, code: str | None, message: str, *, hint: str | None = None,
                 details: Any = None, body: Any = None, retry_after: float | None = None,
                 ) -> None:
        super().__init__(f"{status} {code or '-'}: {message}")
        self.status, self.code, self.message = status, code, message
        self.hint, self.details, self.body, self.retry_after = hint, details, body, retry_after

    @property
    def sqlstate(self) -> str | None:
        """The SQLSTATE when the database raised (five characters), else None."""
        return self.code if self.code and _SQLSTATE.fullmatch(self.code) else None


class BadRequest(ApiError):
    """400 (and 405, 406, 416, 422): the request itself is wrong; the message names why."""


class AuthenticationError(ApiError):
    """401: no credentials, or ones the server no longer accepts (the session ended)."""


class PermissionDenied(ApiError):
    """403: authenticated, but not allowed (42501), or a CSRF check failed."""


class NotFound(ApiError):
    """404: no such path, function or provider."""


class Conflict(ApiError):
    """409: a unique name is taken (23505), or the object is in the wrong state."""


class RateLimited(ApiError):
    """429: too many requests or a locked account; retry_after says how long to wait."""


class ServerError(ApiError):
    """5xx."""


_BY_STATUS: dict[int, type[ApiError]] = {401: AuthenticationError, 403: PermissionDenied,
                                         404: NotFound, 409: Conflict, 429: RateLimited}


def error_from_response(response: httpx.Response) -> ApiError:
    """The exception for an answer of status >= 400 (its body must have been read)."""
    try:
        body: Any = response.json()
    except ValueError:
        body = response.text or None
    fields = body if isinstance(body, dict) else {}
    code = fields.get("code") or fields.get("error")
    message = fields.get("message") or fields.get("error") or response.reason_phrase \
        or f"HTTP {response.status_code}"
    retry_after: float | None = None
    raw = response.headers.get("Retry-After") or fields.get("retry_after")
    if raw is not None:
        try:
            retry_after = float(raw)
        except (TypeError, ValueError):
            retry_after = None
    status = response.status_code
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else BadRequest)
    return cls(status, str(code) if code is not None else None, str(message),
               hint=fields.get("hint"), details=fields.get("details"), body=body,
               retry_after=retry_after)
