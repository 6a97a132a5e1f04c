"""The onboarding wizard's connection tests: what the database cannot do for itself.

``POST /onboarding/test-database`` connects to a NeuronDB connection string (given, or a
saved profile's, fetched with the caller's credentials) and reports the
server version and whether the NeuronDB or pgvector extension is there;
``POST /onboarding/test-agent`` calls a NeuronAgent endpoint's health path. Both carry a
timeout.

An endpoint that connects wherever it is told is a server-side request forgery hole, so:

* the caller must be authenticated: the glue forwards the request's ``Authorization`` or
  ``X-API-Key`` header, or its session cookie with ``X-CSRF-Token``, to PostgREST's
  ``/rpc/authorize_onboarding_probe``, where the database checks the token or key and
  audits the probe with its target (never a secret);
* targets must resolve to allowed networks only (``NEURONPLANE_ONBOARDING_ALLOWED_NETWORKS``,
  by default loopback), and the connection goes to the address that was checked, so DNS
  cannot change it in between;
* a database DSN may use only plain connection parameters (no unix socket, no service
  file, passfile or client certificates of the glue's own), and the glue's own password
  files are never consulted.

Passwords and keys are never logged or returned; error texts are scrubbed of them.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import os
import socket
import time
import uuid
from dataclasses import dataclass
from typing import Any, NoReturn
from urllib.parse import urlsplit, urlunsplit

import httpx
import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from neuronplane.oidc import caller_credentials

log = logging.getLogger("neuronplane.onboarding")

ALLOWED_NETWORKS_VAR = "NEURONPLANE_ONBOARDING_ALLOWED_NETWORKS"
DEFAULT_ALLOWED = ("127.0.0.0/8", "::1/128")
DEFAULT_TIMEOUT = 5.0
MAX_TIMEOUT = 30.0
# The parameters a DSN may carry. Anything else (service, passfile, sslkey, sslcert,
# options, hostaddr, ...) could make the glue use its own files or settings.
DSN_KEYS = frozenset({"host", "port", "dbname", "user", "password", "sslmode",
                      "connect_timeout", "application_name"})
EXTENSIONS = {"neurondb": "neurondb", "pgvector": "vector"}
# A path that does not exist: libpq then uses no client certificate (rather than the glue's).
NO_FILE = "/nonexistent/neuronplane-onboarding"


class Refused(Exception):
    """A request the glue will not carry out: status, message, and the field at fault."""

    def __init__(self, status: int, message: str, field: str | None = None,
                 code: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.field, self.code = status, message, field, code

    def response(self) -> JSONResponse:
        body: dict[str, Any] = {"ok": False, "error": self.code or "refused",
                                "message": self.message}
        if self.field:
            body["field"] = self.field
        return JSONResponse(body, status_code=self.status)


@dataclass(frozen=True)
class Policy:
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]
    allow_any: bool = False

    @classmethod
    def from_env(cls, value: str | None = None) -> Policy:
        """Comma-separated CIDR networks (``10.0.0.0/8,::1/128``), or ``*`` for any address."""
        raw = os.environ.get(ALLOWED_NETWORKS_VAR) if value is None else value
        items = [x.strip() for x in (raw or "").split(",") if x.strip()] or list(DEFAULT_ALLOWED)
        if items == ["*"]:
            return cls(networks=(), allow_any=True)
        try:
            return cls(networks=tuple(ipaddress.ip_network(x, strict=False) for x in items))
        except ValueError as exc:
            raise ValueError(f"{ALLOWED_NETWORKS_VAR}: {exc}") from None

    def allows(self, address: str) -> bool:
        if self.allow_any:
            return True
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        return any(ip in net for net in self.networks)


async def resolve_allowed(host: str, port: int, policy: Policy, field: str,
                          timeout: float) -> str:
    """The first address of host, if every address it resolves to is allowed."""
    loop = asyncio.get_running_loop()
    try:
        infos = await asyncio.wait_for(
            loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), timeout)
    except (TimeoutError, OSError):
        raise Refused(200, f"cannot resolve host {host!r}", field, "unresolvable") from None
    addresses = [str(info[4][0]) for info in infos]
    refused = [a for a in addresses if not policy.allows(a)]
    if refused or not addresses:
        raise Refused(403, f"host {host!r} ({', '.join(refused or addresses)}) is outside the "
                      f"networks the glue may connect to ({ALLOWED_NETWORKS_VAR})", field)
    return addresses[0]


def _scrub(text: str, *secrets: str | None) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def _timeout(body: dict[str, Any]) -> float:
    value = body.get("timeout_seconds", DEFAULT_TIMEOUT)
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not 1 <= value <= MAX_TIMEOUT:
        raise Refused(400, f"timeout_seconds must be a number from 1 to {int(MAX_TIMEOUT)}",
                      "timeout_seconds")
    return float(value)


async def _json_body(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise Refused(400, "the body must be a JSON object") from None
    if not isinstance(body, dict):
        raise Refused(400, "the body must be a JSON object")
    return body


def parse_dsn(dsn: Any) -> tuple[dict[str, Any], str, int]:
    """(parameters, host, port) of a NeuronDB DSN the glue may use; Refused (field dsn)
    otherwise: only plain parameters, one host by name or address, no unix socket."""
    if not isinstance(dsn, str) or not dsn.strip():
        raise Refused(400, "dsn is required: a PostgreSQL connection string", "dsn")
    if len(dsn) > 2048:
        raise Refused(400, "dsn must be at most 2048 characters", "dsn")
    try:
        params = conninfo_to_dict(dsn.strip())
    except psycopg.ProgrammingError:
        raise Refused(400, "dsn is not a valid PostgreSQL connection string "
                      "(postgresql://user:password@host:port/dbname or key=value)",
                      "dsn") from None
    extra = sorted(set(params) - DSN_KEYS)
    if extra:
        raise Refused(400, f"dsn may not set {', '.join(extra)}: only "
                      f"{', '.join(sorted(DSN_KEYS))}", "dsn")
    host = str(params.get("host") or "")
    if not host or "," in host:
        raise Refused(400, "dsn must name one host (a name or an address)", "dsn")
    if host.startswith("/") or host.startswith("@"):
        raise Refused(400, "dsn may not use a unix socket: name a host", "dsn")
    try:
        port = int(params.get("port") or 5432)
        if not 1 <= port <= 65535:
            raise ValueError
    except ValueError:
        raise Refused(400, "the port in dsn must be a number from 1 to 65535", "dsn") \
            from None
    return params, host, port


async def connect_checked(params: dict[str, Any], host: str, address: str, port: int,
                          timeout: float, application_name: str,
                          ) -> tuple[psycopg.AsyncConnection[Any] | None, dict[str, Any]]:
    """(connection, {}) to the checked address, or (None, {ok: false, error, message}) when
    it does not answer within timeout or refuses; the password never in the message."""
    password = params.get("password")
    conninfo = make_conninfo(
        host=host, hostaddr=address, port=port, dbname=params.get("dbname"),
        user=params.get("user"), password=password,
        sslmode=params.get("sslmode") or "prefer",
        connect_timeout=int(timeout) + 2, application_name=application_name,
        # Never the glue's own password file, service file, certificates or Kerberos.
        passfile=os.devnull, sslcert=NO_FILE, sslkey=NO_FILE,
        gssencmode="disable", options=f"-c statement_timeout={int(timeout * 1000)}")
    target = f"{host}:{port}"
    try:
        conn = await asyncio.wait_for(
            psycopg.AsyncConnection.connect(conninfo, autocommit=True), timeout)
    except TimeoutError:
        return None, {"ok": False, "error": "timeout",
                      "message": f"{target} did not answer within {timeout:g} seconds"}
    except psycopg.Error as exc:
        message = _scrub(str(exc).strip().splitlines()[0] if str(exc).strip() else
                         type(exc).__name__, password)
        kind = ("auth_failed" if "authentication" in message or "password" in message
                else "unreachable")
        return None, {"ok": False, "error": kind,
                      "message": f"cannot connect to {target}: {message}"}
    return conn, {}


class Onboarding:
    def __init__(self, api_url: str | None, policy: Policy | None = None) -> None:
        self.api_url = api_url.rstrip("/") if api_url else None
        self.policy = policy or Policy.from_env()

    async def _rpc(self, request: Request, function: str, args: dict[str, Any]) -> httpx.Response:
        """POST /rpc/<function> to PostgREST with the caller's own credentials."""
        headers = caller_credentials(request)
        if not headers:
            raise Refused(401, "authentication required: send a bearer token, an X-API-Key "
                               "or the session cookie")
        if not self.api_url:
            raise Refused(503, "the glue is not configured with the API's address")
        try:
            async with httpx.AsyncClient(timeout=10, trust_env=False) as client:
                return await client.post(f"{self.api_url}/rpc/{function}", json=args,
                                         headers=headers)
        except httpx.HTTPError:
            raise Refused(503, "the API is not reachable to check the credentials") from None

    async def profile_dsn(self, request: Request, profile_id: str) -> str:
        """A saved profile's DSN with its password, as the caller may read it (execute on
        the project, decided by the database)."""
        r = await self._rpc(request, "project_dsn", {"project_id": profile_id})
        if r.status_code == 200 and isinstance(r.json(), str):
            return r.json()
        if r.status_code == 200:
            raise Refused(400, "the profile has no NeuronDB connection string", "profile_id")
        self._refusal(r)

    async def authorize(self, request: Request, kind: str, target: str) -> None:
        """Ask the database (through PostgREST, with the caller's credentials) whether the
        caller may have the glue probe target; raises Refused otherwise."""
        r = await self._rpc(request, "authorize_onboarding_probe",
                            {"kind": kind, "target": target})
        if r.status_code == 200:
            return
        self._refusal(r)

    @staticmethod
    def _refusal(r: httpx.Response) -> NoReturn:
        """Raise PostgREST's refusal of the caller as the glue's."""
        try:
            body = r.json()
            message = (body.get("message") if isinstance(body, dict) else None) or "refused"
        except ValueError:
            message = "refused"
        status = r.status_code if r.status_code in (400, 401, 403) else 403
        raise Refused(status, f"not authorized: {message}")

    # -- POST /onboarding/test-database ---------------------------------------------------
    async def test_database(self, request: Request) -> JSONResponse:
        password = None
        try:
            body = await _json_body(request)
            dsn = body.get("dsn")
            profile_id = body.get("profile_id")
            if profile_id is not None:
                # A saved profile: its DSN (with the password) as the database lets the
                # caller have it.
                if dsn is not None:
                    raise Refused(400, "give dsn or profile_id, not both", "profile_id")
                try:
                    profile_id = str(uuid.UUID(str(profile_id)))
                except ValueError:
                    raise Refused(400, "profile_id must be a uuid", "profile_id") from None
                dsn = await self.profile_dsn(request, profile_id)
            timeout = _timeout(body)
            params, host, port = parse_dsn(dsn)
            password = params.get("password")
            await self.authorize(request, "database", f"{host}:{port}")
            address = await resolve_allowed(host, port, self.policy, "dsn", timeout)
            return JSONResponse(await self._probe_database(params, host, address, port, timeout,
                                                           password))
        except Refused as refused:
            refused.message = _scrub(refused.message, password)
            return refused.response()

    async def _probe_database(self, params: dict[str, Any], host: str, address: str, port: int,
                              timeout: float, password: str | None) -> dict[str, Any]:
        start = time.monotonic()
        target = f"{host}:{port}"
        conn, failure = await connect_checked(params, host, address, port, timeout,
                                              "neuronplane-onboarding")
        if conn is None:
            log.info("test-database %s: %s", target, failure["error"])
            return failure
        try:
            async with conn:
                cur = await conn.execute(
                    "SELECT current_setting('server_version'),"
                    " current_setting('server_version_num')::int, current_database(), current_user")
                version, version_num, dbname, user = await cur.fetchone()
                cur = await conn.execute(
                    "SELECT a.name, e.extversion, a.default_version"
                    "  FROM pg_available_extensions a"
                    "  LEFT JOIN pg_extension e ON e.extname = a.name"
                    " WHERE a.name = ANY(%s)", (list(EXTENSIONS.values()),))
                found = {name: (installed, available) for name, installed, available
                         in await cur.fetchall()}
        except psycopg.Error as exc:
            message = _scrub(str(exc).strip().splitlines()[0], password)
            log.info("test-database %s: query failed", target)
            return {"ok": False, "error": "query_failed", "message": message}
        extensions = {
            label: {"installed": found.get(ext, (None, None))[0] is not None,
                    "version": found.get(ext, (None, None))[0],
                    "available": ext in found}
            for label, ext in EXTENSIONS.items()}
        log.info("test-database %s: ok", target)
        return {"ok": True, "server_version": version, "server_version_num": version_num,
                "database": dbname, "user": user, "extensions": extensions,
                "has_neurondb": extensions["neurondb"]["installed"],
                "has_pgvector": extensions["pgvector"]["installed"],
                "elapsed_ms": round((time.monotonic() - start) * 1000)}

    # -- POST /onboarding/test-agent ------------------------------------------------------
    async def test_agent(self, request: Request) -> JSONResponse:
        api_key = None
        try:
            body = await _json_body(request)
            endpoint = body.get("endpoint")
            api_key = body.get("api_key")
            health_path = body.get("health_path", "/health")
            if not isinstance(endpoint, str) or not endpoint.strip():
                raise Refused(400, "endpoint is required: the agent's http(s) base URL", "endpoint")
            if api_key is not None and (not isinstance(api_key, str) or not api_key.strip()):
                raise Refused(400, "api_key must be a non-empty string when given", "api_key")
            if not isinstance(health_path, str) or not health_path.startswith("/") \
                    or "://" in health_path or len(health_path) > 200:
                raise Refused(400, "health_path must be a path starting with /", "health_path")
            timeout = _timeout(body)
            parts = urlsplit(endpoint.strip())
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise Refused(400, "endpoint must be an http:// or https:// URL", "endpoint")
            if parts.username or parts.password:
                raise Refused(400, "endpoint may not carry credentials: send api_key", "endpoint")
            try:
                port = parts.port or (443 if parts.scheme == "https" else 80)
            except ValueError:
                raise Refused(400, "the port in endpoint is not valid", "endpoint") from None
            host = parts.hostname
            target = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
            await self.authorize(request, "agent", target[:300])
            address = await resolve_allowed(host, port, self.policy, "endpoint", timeout)
            return JSONResponse(await self._probe_agent(parts, address, port, health_path,
                                                        api_key, timeout))
        except Refused as refused:
            refused.message = _scrub(refused.message, api_key if isinstance(api_key, str) else None)
            return refused.response()

    async def _probe_agent(self, parts: Any, address: str, port: int, health_path: str,
                           api_key: str | None, timeout: float) -> dict[str, Any]:
        # Connect to the checked address; the Host header (and TLS name) stay the endpoint's.
        literal = f"[{address}]" if ":" in address else address
        base_path = parts.path.rstrip("/")
        url = urlunsplit((parts.scheme, f"{literal}:{port}", base_path + health_path, "", ""))
        headers = {"Host": parts.netloc, "User-Agent": "neuronplane-onboarding"}
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
            headers["X-API-Key"] = api_key
        extensions = {"sni_hostname": parts.hostname} if parts.scheme == "https" else {}
        start = time.monotonic()
        shown = urlunsplit((parts.scheme, parts.netloc, base_path + health_path, "", ""))
        try:
            async with httpx.AsyncClient(timeout=timeout, follow_redirects=False,
                                         trust_env=False) as client:
                r = await asyncio.wait_for(
                    client.get(url, headers=headers, extensions=extensions), timeout)
        except (TimeoutError, httpx.TimeoutException):
            log.info("test-agent %s: no answer within %ss", shown, timeout)
            return {"ok": False, "error": "timeout",
                    "message": f"{shown} did not answer within {timeout:g} seconds"}
        except httpx.HTTPError as exc:
            log.info("test-agent %s: %s", shown, type(exc).__name__)
            reason = _scrub(str(exc) or type(exc).__name__, api_key)
            return {"ok": False, "error": "unreachable",
                    "message": f"cannot reach {shown}: {reason}"}
        elapsed = round((time.monotonic() - start) * 1000)
        try:
            detail: Any = r.json()
        except ValueError:
            detail = None
        log.info("test-agent %s: HTTP %s", shown, r.status_code)
        if r.status_code in (401, 403):
            return {"ok": False, "error": "auth_failed", "status": r.status_code,
                    "message": f"{shown} refused the API key (HTTP {r.status_code})",
                    "elapsed_ms": elapsed}
        if not 200 <= r.status_code < 300:
            return {"ok": False, "error": "unhealthy", "status": r.status_code,
                    "message": f"{shown} answered HTTP {r.status_code}", "elapsed_ms": elapsed}
        return {"ok": True, "status": r.status_code, "health": detail, "elapsed_ms": elapsed}


def routes(api_url: str | None, policy: Policy | None = None) -> list[Route]:
    """The onboarding routes for the glue's application."""
    o = Onboarding(api_url, policy)
    return [Route("/onboarding/test-database", o.test_database, methods=["POST"]),
            Route("/onboarding/test-agent", o.test_agent, methods=["POST"])]
