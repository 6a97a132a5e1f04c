"""Credentials on every request, token refresh with rotation, errors as exceptions.

One `Credentials` per client. It holds an API key, or a password session (access and
refresh tokens), or a cookie session (the np_* cookies of an OIDC login, in the client's
cookie jar). `SessionAuth` is an httpx.Auth: it puts the credentials on each request and,
when the answer is 401 (or the access token is about to expire), refreshes once and sends
the request again. Refreshes are single-flight: a refresh token is spent by its first use,
and the server treats a spent token shown again after a grace interval as stolen (it ends
the session), so concurrent requests that see the same expired token wait for one refresh
and reuse its result.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncGenerator, Generator
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from typing import Any

import httpx

from .errors import ApiError, AuthenticationError, error_from_response

CSRF_COOKIE, ACCESS_COOKIE = "np_csrf", "np_access"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Refresh this many seconds before the access token's expiry rather than wait for a 401.
EXPIRY_MARGIN = 30.0


@dataclass
class Tokens:
    access_token: str
    refresh_token: str | None = None
    expires_at: float | None = None  # seconds since the epoch
    session_id: str | None = None
    principal_id: str | None = None

    @classmethod
    def from_answer(cls, answer: dict[str, Any]) -> Tokens:
        expires_in = answer.get("expires_in")
        return cls(answer["access_token"], answer.get("refresh_token"),
                   time.time() + float(expires_in) if expires_in is not None else None,
                   answer.get("session_id"), answer.get("principal_id"))


@dataclass
class Credentials:
    api_url: str
    glue_url: str
    cookies: CookieJar
    api_key: str | None = None
    tokens: Tokens | None = None
    refreshes: int = 0  # how many refreshes this client made (rotation count)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _alock: asyncio.Lock | None = field(default=None, repr=False)

    def cookie(self, name: str) -> str | None:
        for c in self.cookies:
            if c.name == name:
                return c.value
        return None

    def apply(self, request: httpx.Request) -> str | None:
        """Put the credentials on request; returns what identifies them (to tell later
        whether someone refreshed in between)."""
        if self.api_key:
            request.headers["X-API-Key"] = self.api_key
            return None
        if self.tokens:
            request.headers["Authorization"] = f"Bearer {self.tokens.access_token}"
            return self.tokens.access_token
        access = self.cookie(ACCESS_COOKIE)
        if access is not None:
            # The jar may have changed since httpx built the request: send its cookies now.
            request.headers.pop("Cookie", None)
            httpx.Cookies(self.cookies).set_cookie_header(request)
            csrf = self.cookie(CSRF_COOKIE)
            if request.method not in SAFE_METHODS and csrf:
                request.headers["X-CSRF-Token"] = csrf
            return access
        return None

    def can_refresh(self) -> bool:
        if self.api_key:
            return False
        if self.tokens:
            return bool(self.tokens.refresh_token)
        return self.cookie(ACCESS_COOKIE) is not None

    def expiring(self) -> bool:
        t = self.tokens
        return bool(t and t.refresh_token and t.expires_at is not None
                    and t.expires_at - EXPIRY_MARGIN < time.time())

    def current(self) -> str | None:
        if self.tokens:
            return self.tokens.access_token
        return self.cookie(ACCESS_COOKIE)

    # The refresh request itself, built here and sent by the sync or async path.
    def refresh_request(self) -> httpx.Request:
        if self.tokens:
            return httpx.Request("POST", f"{self.api_url}/rpc/refresh",
                                 json={"refresh_token": self.tokens.refresh_token})
        request = httpx.Request("POST", f"{self.glue_url}/auth/refresh",
                                headers={"X-CSRF-Token": self.cookie(CSRF_COOKIE) or ""})
        httpx.Cookies(self.cookies).set_cookie_header(request)
        return request

    def refreshed(self, response: httpx.Response) -> None:
        if response.status_code != 200:
            if response.status_code in (400, 401, 403):
                self.tokens = None  # the session is over: log in again
            raise error_from_response(response)
        if self.tokens:
            self.tokens = Tokens.from_answer(response.json())
        else:
            self.cookies_from(response)
        self.refreshes += 1

    def cookies_from(self, response: httpx.Response) -> None:
        httpx.Cookies(self.cookies).extract_cookies(response)


def check(response: httpx.Response) -> None:
    """Raise the ApiError of an answer of status >= 400."""
    if response.status_code >= 400:
        raise error_from_response(response)


class SessionAuth(httpx.Auth):

    def __init__(self, creds: Credentials, raw: httpx.Client | None = None,
                 araw: httpx.AsyncClient | None = None) -> None:
        self.creds, self.raw, self.araw = creds, raw, araw

    # -- sync ---------------------------------------------------------------------------
    def refresh(self, seen: str | None) -> None:
        """Refresh unless another request already did since `seen` was sent."""
        with self.creds._lock:
            if self.creds.current() != seen:
                return
            assert self.raw is not None
            try:
                response = self.raw.send(self.creds.refresh_request())
            except httpx.TransportError:
                # The answer was lost: the same token again gets the same successor (the
                # server's reuse grace interval), so one retry is safe.
                response = self.raw.send(self.creds.refresh_request())
            response.read()
            self.creds.refreshed(response)

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response,
                                                                   None]:
        if self.creds.expiring():
            self.refresh(self.creds.current())
        seen = self.creds.apply(request)
        response = yield request
        if response.status_code == 401 and self.creds.can_refresh() and seen is not None:
            self.refresh(seen)
            self.creds.apply(request)
            response = yield request
        if response.status_code >= 400:
            response.read()
            check(response)

    # -- async --------------------------------------------------------------------------
    async def arefresh(self, seen: str | None) -> None:
        if self.creds._alock is None:
            self.creds._alock = asyncio.Lock()
        async with self.creds._alock:
            if self.creds.current() != seen:
                return
            assert self.araw is not None
            try:
                response = await self.araw.send(self.creds.refresh_request())
            except httpx.TransportError:
                response = await self.araw.send(self.creds.refresh_request())
            await response.aread()
            self.creds.refreshed(response)

    async def async_auth_flow(self, request: httpx.Request,
                              ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if self.creds.expiring():
            await self.arefresh(self.creds.current())
        seen = self.creds.apply(request)
        response = yield request
        if response.status_code == 401 and self.creds.can_refresh() and seen is not None:
            await self.arefresh(seen)
            self.creds.apply(request)
            response = yield request
        if response.status_code >= 400:
            await response.aread()
            check(response)


__all__ = ["ApiError", "AuthenticationError", "Credentials", "SessionAuth", "Tokens", "check"]
