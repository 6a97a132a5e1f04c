"""OIDC login through the glue service (docs/oidc.md).

The glue moves bytes between the browser, the OpenID Provider and the database; the rules
live in the database (deploy/auth/oidc.sql): which redirect targets are allowed, the
single-use state, its expiry and browser binding, the claims that bind an ID token to its
login, identity linking, sessions and CSRF tokens. Here: redirects, the code exchange with
the PKCE verifier, the ID token's signature and claims (joserfc), the provider's JWKS
(fetched with httpx, cached in the database, refetched on an unknown kid), and cookies.

Endpoints:
  GET  /auth/oidc/{provider}/login?redirect_to=...  302 to the provider (S256 challenge)
  GET  /auth/oidc/{provider}/callback                303 to redirect_to, session cookies set
  POST /auth/login                                   password sign-in, the session in cookies
  POST /auth/refresh                                 new tokens in the cookies (X-CSRF-Token)
  POST /auth/logout                                  session ended, cookies cleared (X-CSRF-Token)
  GET  /auth/session                                 who the cookies stand for
"""

from __future__ import annotations

import logging
import re
import time
from typing import Any
from urllib.parse import quote, urlencode

import httpx
import psycopg
from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from psycopg.types.json import Jsonb
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from neuronplane.config import CookieSettings, cookie_settings
from neuronplane.dbpool import GluePool
from neuronplane.metrics import (
    OIDC_FAILURES,
    OIDC_LOGINS,
    REFRESHES,
    UNKNOWN_PROVIDER,
    reason_label,
)

log = logging.getLogger("neuronplane.oidc")

ACCESS_COOKIE = "np_access"
REFRESH_COOKIE = "np_refresh"
CSRF_COOKIE = "np_csrf"
BINDING_COOKIE = "np_oidc_binding"
CSRF_HEADER = "x-csrf-token"
# Each provider has its own redirect URI (RFC 9700, 4.4: mix-up defence); the database
# checks that a callback's state was issued for the provider of the path it arrived at.
CALLBACK_PATH = "/auth/oidc/{provider}/callback"
REFRESH_PATH = "/auth/refresh"

# Clock skew allowed on exp and iat, and how old an ID token may be when it arrives.
LEEWAY_SECONDS = 60
MAX_ID_TOKEN_AGE_SECONDS = 600
HTTP_TIMEOUT = httpx.Timeout(10.0)
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


# Longest text the glue passes to the database from a request (a state, a redirect target,
# a provider error); the database bounds what it keeps far below this.
MAX_TEXT = 4096


def scrub(value: Any) -> Any:
    """Text as the database may take it: PostgreSQL text holds no NUL character, so a NUL
    (%00) becomes U+FFFD, as an invalid UTF-8 sequence already did when Starlette decoded
    it; text longer than MAX_TEXT is cut there and marked with U+FFFD. Such a value then
    matches nothing (no state, redirect URI or provider holds U+FFFD) and is refused and
    audited by the database like any other wrong value, instead of failing in the driver
    (500) before the refusal is written."""
    if not isinstance(value, str):
        return value
    if len(value) > MAX_TEXT:
        value = value[:MAX_TEXT] + "\ufffd"
    return value.replace("\x00", "\ufffd")


class LoginFailed(Exception):
    """A callback that cannot complete; reason goes to the audit log, never a secret."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason[:200]


def _status(answer: dict[str, Any]) -> int:
    return {"42704": 404, "22023": 400, "42501": 403, "28000": 401,
            "53400": 429}.get(answer.get("code", ""), 400)


def _error(answer: dict[str, Any], status: int | None = None) -> JSONResponse:
    body = {k: answer[k] for k in ("error", "code", "message", "retry_after") if k in answer}
    headers = dict(NO_STORE)
    if "retry_after" in answer:  # the database's rate limit (53400): 429 and Retry-After
        headers["Retry-After"] = str(int(answer["retry_after"]))
    return JSONResponse(body, status_code=status or _status(answer), headers=headers)


class OIDCGlue:
    def __init__(self, pool: GluePool, cookies: CookieSettings | None = None,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.pool = pool
        self.cookies = cookies or cookie_settings()
        self._transport = transport

    # -- database ------------------------------------------------------------------------

    async def db(self, sql: str, *params: Any) -> Any:
        """The one value a database function answers, as the worker role. Text from the
        browser goes through scrub() here, the one door to the database."""
        async with self.pool.connection() as conn:
            cur = await conn.execute(sql, tuple(scrub(p) for p in params))
            row = await cur.fetchone()
        return row[0] if row else None

    # -- HTTP to the provider --------------------------------------------------------------

    def _http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=HTTP_TIMEOUT, transport=self._transport,
                                 follow_redirects=False)

    async def _exchange_code(self, attempt: dict[str, Any], code: str) -> dict[str, Any]:
        form = {"grant_type": "authorization_code", "code": code,
                "redirect_uri": attempt["redirect_uri"],
                "code_verifier": attempt["code_verifier"]}
        auth = None
        if attempt.get("client_secret"):
            # client_secret_basic: both parts form-urlencoded first (RFC 6749, 2.3.1).
            auth = httpx.BasicAuth(quote(attempt["client_id"], safe=""),
                                   quote(attempt["client_secret"], safe=""))
        else:
            form["client_id"] = attempt["client_id"]
        try:
            async with self._http() as http:
                r = await http.post(attempt["token_endpoint"], data=form, auth=auth,
                                    headers={"Accept": "application/json"})
        except httpx.HTTPError as exc:
            raise LoginFailed(f"token_endpoint_unreachable:{type(exc).__name__}") from None
        try:
            body = r.json()
        except ValueError:
            body = {}
        if r.status_code != 200 or not isinstance(body, dict):
            error = body.get("error", "") if isinstance(body, dict) else ""
            raise LoginFailed(f"token_exchange_failed:{r.status_code}:{str(error)[:60]}")
        if not isinstance(body.get("id_token"), str):
            raise LoginFailed("token_response_without_id_token")
        return body

    async def _fetch_jwks(self, provider: str, jwks_uri: str) -> dict[str, Any]:
        try:
            async with self._http() as http:
                r = await http.get(jwks_uri, headers={"Accept": "application/json"})
            r.raise_for_status()
            jwks = r.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise LoginFailed(f"jwks_unavailable:{type(exc).__name__}") from None
        try:
            await self.db("SELECT auth.store_oidc_jwks(%s, %s)", provider, Jsonb(jwks))
        except psycopg.Error as exc:
            raise LoginFailed(f"jwks_refused:{exc.sqlstate}") from None
        return jwks

    # -- the ID token --------------------------------------------------------------------

    async def validate_id_token(self, provider: str, id_token: str, nonce: str,
                                now: float | None = None) -> dict[str, Any]:
        """The claims of an ID token of this provider for this login: signature against the
        provider's JWKS (refetched once when the token names an unknown kid), alg among
        the provider's, iss, aud, azp, exp, iat within the skew, nonce."""
        keys = await self.db("SELECT auth.oidc_provider_keys(%s)", provider)
        if keys is None:
            raise LoginFailed("unknown_provider")
        try:
            header = jws.extract_compact(id_token.encode("ascii")).protected
        except (JoseError, ValueError, UnicodeError):
            raise LoginFailed("id_token_malformed") from None
        alg, kid = header.get("alg"), header.get("kid")
        if alg not in keys["id_token_algs"]:
            raise LoginFailed(f"id_token_alg_not_allowed:{str(alg)[:20]}")
        jwks = keys.get("jwks")

        def knows(jwks: dict[str, Any] | None) -> bool:
            if not jwks:
                return False
            return kid is None or any(k.get("kid") == kid for k in jwks.get("keys", []))

        if not knows(jwks):
            jwks = await self._fetch_jwks(provider, keys["jwks_uri"])
            if not knows(jwks):
                raise LoginFailed("id_token_unknown_kid")
        try:
            keyset = KeySet.import_key_set(jwks)  # type: ignore[arg-type]
            token = jwt.decode(id_token, keyset, algorithms=list(keys["id_token_algs"]))
        except JoseError as exc:
            raise LoginFailed(f"id_token_signature:{exc.error}") from None
        except ValueError:
            raise LoginFailed("id_token_malformed") from None
        claims = dict(token.claims)
        now = time.time() if now is None else now
        registry = jwt.JWTClaimsRegistry(
            now=int(now), leeway=LEEWAY_SECONDS,
            iss={"essential": True, "value": keys["issuer"]},
            aud={"essential": True, "value": keys["client_id"]},
            sub={"essential": True},
            exp={"essential": True},
            iat={"essential": True},
            nonce={"essential": True, "value": nonce},
        )
        try:
            registry.validate(claims)
        except JoseError as exc:
            raise LoginFailed(f"id_token_claims:{exc.error}:{str(exc.description)[:60]}") from None
        aud = claims["aud"]
        if isinstance(aud, list) and len(aud) > 1 and "azp" not in claims:
            raise LoginFailed("id_token_claims:azp_missing")
        if "azp" in claims and claims["azp"] != keys["client_id"]:
            raise LoginFailed("id_token_claims:azp_mismatch")
        iat = claims["iat"]
        if not isinstance(iat, int | float) or iat > now + LEEWAY_SECONDS:
            raise LoginFailed("id_token_claims:iat_in_future")
        if iat < now - MAX_ID_TOKEN_AGE_SECONDS:
            raise LoginFailed("id_token_claims:iat_too_old")
        return claims

    # -- cookies -------------------------------------------------------------------------

    def _set(self, resp: Response, name: str, value: str, max_age: int, path: str,
             httponly: bool = True) -> None:
        resp.set_cookie(name, value, max_age=max_age, path=path, httponly=httponly,
                        secure=self.cookies.secure, samesite=self.cookies.same_site,  # type: ignore[arg-type]
                        domain=self.cookies.domain)

    def set_session_cookies(self, resp: Response, tokens: dict[str, Any]) -> None:
        access_age = min(self.cookies.access_ttl, int(tokens["expires_in"]))
        refresh_age = min(self.cookies.refresh_ttl, int(tokens["refresh_expires_in"]))
        self._set(resp, ACCESS_COOKIE, tokens["access_token"], access_age, "/")
        self._set(resp, REFRESH_COOKIE, tokens["refresh_token"], refresh_age, REFRESH_PATH)
        # Readable by the page's JavaScript, which sends it back in X-CSRF-Token.
        self._set(resp, CSRF_COOKIE, tokens["csrf_token"], refresh_age, "/", httponly=False)

    def clear_session_cookies(self, resp: Response) -> None:
        for name, path, httponly in ((ACCESS_COOKIE, "/", True),
                                     (REFRESH_COOKIE, REFRESH_PATH, True),
                                     (CSRF_COOKIE, "/", False)):
            resp.delete_cookie(name, path=path, secure=self.cookies.secure, httponly=httponly,
                               samesite=self.cookies.same_site,  # type: ignore[arg-type]
                               domain=self.cookies.domain)

    @staticmethod
    def _client(request: Request) -> tuple[str | None, str | None]:
        ip = request.client.host if request.client else None
        return ip, request.headers.get("user-agent", "")[:512] or None

    # -- endpoints -----------------------------------------------------------------------

    async def login(self, request: Request) -> Response:
        provider = request.path_params["provider"]
        targets = request.query_params.getlist("redirect_to")
        if len(targets) != 1:
            return _error({"error": "invalid_redirect", "code": "22023",
                           "message": "give exactly one redirect_to"})
        ip, ua = self._client(request)
        begun = await self.db("SELECT auth.begin_oidc_login(%s, %s, %s, %s)",
                              provider, targets[0], ip, ua)
        if "error" in begun:
            # The path's provider may be any text: not a label.
            OIDC_FAILURES.labels(UNKNOWN_PROVIDER, reason_label(begun["error"])).inc()
            return _error(begun)
        OIDC_LOGINS.labels(provider, "started").inc()
        params = {"response_type": "code", "client_id": begun["client_id"],
                  "redirect_uri": begun["redirect_uri"], "scope": begun["scope"],
                  "state": begun["state"], "nonce": begun["nonce"],
                  "code_challenge": begun["code_challenge"],
                  "code_challenge_method": begun["code_challenge_method"]}
        hint = request.query_params.get("login_hint")
        if hint:
            params["login_hint"] = hint[:200]
        endpoint = begun["authorization_endpoint"]
        url = endpoint + ("&" if "?" in endpoint else "?") + urlencode(params)
        resp = RedirectResponse(url, status_code=302, headers=NO_STORE)
        # The browser that starts the login must be the one that finishes it. SameSite=Lax
        # whatever the session cookies use: the callback is a cross-site navigation.
        resp.set_cookie(BINDING_COOKIE, begun["binding"], max_age=int(begun["expires_in"]),
                        path=callback_path(provider), httponly=True,
                        secure=self.cookies.secure, samesite="lax")
        return resp

    async def callback(self, request: Request) -> Response:
        provider = request.path_params["provider"]
        q = request.query_params
        ip, ua = self._client(request)
        state = q.get("state")
        if not state or len(q.getlist("state")) != 1 or len(q.getlist("iss")) > 1:
            return _error({"error": "invalid_request", "code": "22023",
                           "message": "the callback has no state"})
        # The database binds the state to this path's provider and checks iss (RFC 9207)
        # before the code goes to any token endpoint.
        attempt = await self.db("SELECT auth.consume_oidc_callback(%s, %s, %s, %s, %s, %s)",
                                provider, state, request.cookies.get(BINDING_COOKIE, ""),
                                q.get("iss"), ip, ua)
        if "error" in attempt:
            OIDC_FAILURES.labels(UNKNOWN_PROVIDER, reason_label(attempt["error"])).inc()
            return _error(attempt)
        known = attempt["provider"]
        try:
            if "error" in q:
                raise LoginFailed(f"provider_error:{q['error'][:60]}")
            code = q.get("code")
            if not code:
                raise LoginFailed("callback_without_code")
            tokens = await self._exchange_code(attempt, code)
            claims = await self.validate_id_token(attempt["provider"], tokens["id_token"],
                                                  attempt["nonce"])
        except LoginFailed as exc:
            log.info("oidc callback refused: %s", exc.reason)
            OIDC_LOGINS.labels(known, "failed").inc()
            OIDC_FAILURES.labels(known, reason_label(exc.reason)).inc()
            await self.db("SELECT auth.fail_oidc_login(%s, %s, %s, %s)",
                          attempt["attempt_id"], exc.reason, ip, ua)
            return _error({"error": "login_failed", "code": "28000",
                           "message": "the login could not be completed; start it again"})
        done = await self.db("SELECT auth.complete_oidc_login(%s, %s, %s, %s)",
                             attempt["attempt_id"], Jsonb(claims), ip, ua)
        if "error" in done:
            OIDC_LOGINS.labels(known, "failed").inc()
            OIDC_FAILURES.labels(known, reason_label(done["error"])).inc()
            return _error(done)
        OIDC_LOGINS.labels(known, "completed").inc()
        resp = RedirectResponse(done["redirect_to"], status_code=303, headers=NO_STORE)
        self.set_session_cookies(resp, done)
        resp.delete_cookie(BINDING_COOKIE, path=callback_path(provider),
                           secure=self.cookies.secure, httponly=True, samesite="lax")
        return resp

    async def password_login(self, request: Request) -> Response:
        # JSON only: a page of another site can post a form here, but not JSON without a
        # preflight that the glue's CORS refuses (login CSRF).
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return _error({"error": "invalid_request", "code": "22023",
                           "message": "send the credentials as application/json"}, 415)
        try:
            body = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("username_or_email"), str) \
                or not isinstance(body.get("password"), str):
            return _error({"error": "invalid_request", "code": "22023",
                           "message": "give username_or_email and password as strings"})
        ip, ua = self._client(request)
        answer = await self.db("SELECT auth.cookie_login(%s, %s, %s, %s)",
                               body["username_or_email"], body["password"], ip, ua)
        if "error" in answer:
            status = 429 if "retry_after" in answer else 401
            resp = _error(answer, status)
            if "retry_after" in answer:
                resp.headers["Retry-After"] = str(answer["retry_after"])
            return resp
        resp = JSONResponse({"session_id": answer["session_id"],
                             "principal_id": answer.get("principal_id"),
                             "expires_in": answer["expires_in"],
                             "expires_at": answer.get("expires_at")}, headers=NO_STORE)
        self.set_session_cookies(resp, answer)
        return resp

    async def refresh(self, request: Request) -> Response:
        token = request.cookies.get(REFRESH_COOKIE)
        if not token:
            REFRESHES.labels("refused").inc()
            return _error({"error": "invalid_grant", "code": "28000",
                           "message": "no refresh cookie"})
        # The database checks (and audits) X-CSRF-Token against the session's own.
        ip, ua = self._client(request)
        answer = await self.db("SELECT auth.cookie_refresh(%s, %s, %s, %s)", token,
                               request.headers.get(CSRF_HEADER), ip, ua)
        if "error" in answer:
            # The database's message is the one sign of reuse it gives the caller.
            reused = "already used" in str(answer.get("message", ""))
            REFRESHES.labels("reuse_detected" if reused else "refused").inc()
            resp = _error(answer)
            if answer.get("code") == "28000":
                self.clear_session_cookies(resp)
            return resp
        REFRESHES.labels("rotated").inc()
        resp = JSONResponse({"session_id": answer["session_id"],
                             "expires_in": answer["expires_in"],
                             "expires_at": answer["expires_at"]}, headers=NO_STORE)
        self.set_session_cookies(resp, answer)
        return resp

    async def logout(self, request: Request) -> Response:
        token = request.cookies.get(ACCESS_COOKIE)
        if not token:
            resp = _error({"error": "invalid_token", "code": "28000",
                           "message": "no session cookie"})
            self.clear_session_cookies(resp)
            return resp
        ip, ua = self._client(request)
        answer = await self.db("SELECT auth.cookie_logout(%s, %s, %s, %s)", token,
                               request.headers.get(CSRF_HEADER), ip, ua)
        if "error" in answer and answer.get("code") == "42501":
            return _error(answer)
        resp = Response(status_code=204, headers=NO_STORE) if "error" not in answer \
            else _error(answer)
        self.clear_session_cookies(resp)
        return resp

    async def session(self, request: Request) -> Response:
        token = request.cookies.get(ACCESS_COOKIE)
        if not token:
            return _error({"error": "invalid_token", "code": "28000",
                           "message": "no session cookie"})
        answer = await self.db("SELECT auth.cookie_session(%s)", token)
        if "error" in answer:
            return _error(answer)
        return JSONResponse(answer, headers=NO_STORE)

    def routes(self) -> list[Route]:
        return [
            Route("/auth/oidc/{provider}/login", self.login, methods=["GET"]),
            Route(CALLBACK_PATH, self.callback, methods=["GET"]),
            Route("/auth/login", self.password_login, methods=["POST"]),
            Route(REFRESH_PATH, self.refresh, methods=["POST"]),
            Route("/auth/logout", self.logout, methods=["POST"]),
            Route("/auth/session", self.session, methods=["GET"]),
        ]


def caller_credentials(request: Request) -> dict[str, str]:
    """The caller's credentials to forward to PostgREST, which checks them: Authorization or
    X-API-Key as sent; else a cookie session's access cookie (alone) with its X-CSRF-Token,
    which the pre-request hook checks for writes. Empty when there are none."""
    headers = {k: v for k, v in (("Authorization", request.headers.get("authorization")),
                                 ("X-API-Key", request.headers.get("x-api-key"))) if v}
    access = request.cookies.get(ACCESS_COOKIE)
    if not headers and access:
        headers["Cookie"] = f"{ACCESS_COOKIE}={access}"
        csrf = request.headers.get(CSRF_HEADER)
        if csrf:
            headers["X-CSRF-Token"] = csrf
    return headers


def callback_path(provider: str) -> str:
    """The redirect URI's path of one provider."""
    return CALLBACK_PATH.format(provider=quote(provider, safe=""))


_CALLBACK_QUERY = re.compile(r"^(/auth/oidc/[^/?]+/callback)\?")


class RedactCallbackQuery(logging.Filter):
    """Keeps the callback's query (authorization code, state) out of uvicorn's access log."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            m = _CALLBACK_QUERY.match(args[2])
            if m:
                record.args = (*args[:2], m.group(1) + "?[redacted]", *args[3:])
        return True


def routes(pool: GluePool) -> list[Route]:
    """The OIDC and session-cookie routes of the glue (settings from the environment)."""
    access_log = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactCallbackQuery) for f in access_log.filters):
        access_log.addFilter(RedactCallbackQuery())
    return OIDCGlue(pool).routes()


# -- discovery, for `neuronplane oidc add-provider` --------------------------------------------

def discover(issuer: str, timeout: float = 10.0) -> dict[str, Any]:
    """The provider's OpenID configuration; its issuer must be exactly the one asked for."""
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    r = httpx.get(url, timeout=timeout, headers={"Accept": "application/json"})
    r.raise_for_status()
    meta = r.json()
    if meta.get("issuer") != issuer:
        raise ValueError(f"discovery at {url} names issuer {meta.get('issuer')!r}, not {issuer!r}")
    for field in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not isinstance(meta.get(field), str):
            raise ValueError(f"discovery at {url} has no {field}")
    if "S256" not in meta.get("code_challenge_methods_supported", ["S256"]):
        raise ValueError(f"the provider at {issuer} does not support PKCE S256")
    return meta
