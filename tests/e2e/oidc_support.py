"""Real processes for the OIDC end-to-end tests: the OpenID Provider (npm oidc-provider,
pinned in tests/oidc_provider/, installed into .tools/oidc-provider on first use), glue
processes, and a browser that keeps its cookies by hand (the glue's cookies are Secure,
which an http cookie jar would not send back over plain http on loopback)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import psycopg
from joserfc.jwk import RSAKey

from neuronplane.procs import free_port

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "tests" / "oidc_provider"
TOOLS = ROOT / ".tools" / "oidc-provider"
CLIENT_ID = "neuronplane-test"
CLIENT_SECRET = "test-client-secret-0123456789abcdef"
ACCOUNTS = {
    "alice": {"email": "alice@example.test", "email_verified": True, "name": "Alice Liddell",
              "preferred_username": "alice"},
    "bob": {"email": "bob@example.test", "email_verified": False, "name": "Bob",
            "preferred_username": "bob"},
    "carol": {"email": "carol@example.test", "email_verified": True, "name": "Carol",
              "preferred_username": "carol"},
}


def install_oidc_provider() -> Path:
    """oidc-provider at the version package-lock.json pins, in .tools/oidc-provider."""
    pinned = json.loads((SPEC / "package.json").read_text())["dependencies"]["oidc-provider"]
    installed = TOOLS / "node_modules" / "oidc-provider" / "package.json"
    if not (installed.exists() and json.loads(installed.read_text())["version"] == pinned
            and (TOOLS / "package-lock.json").read_bytes()
            == (SPEC / "package-lock.json").read_bytes()):
        TOOLS.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(SPEC / name, TOOLS / name)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=TOOLS, check=True, capture_output=True, timeout=600)
    return TOOLS / "node_modules" / "oidc-provider" / "lib" / "index.js"


def new_signing_key(kid: str) -> dict[str, Any]:
    key = RSAKey.generate_key(2048, parameters={"kid": kid, "alg": "RS256", "use": "sig"})
    return key.as_dict(private=True)


def _wait_http(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: process exited {proc.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout}s:\n{log.read_text()}")


def _stop(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class OpenIDProvider:
    """oidc-provider on a loopback port, restartable with other keys on the same issuer."""

    def __init__(self, tmp: Path, callback_urls: list[str]) -> None:
        self.tmp, self.module = tmp, install_oidc_provider()
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.callback_urls = callback_urls
        self.keys = [new_signing_key("key-1")]
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        conf = self.tmp / "provider.json"
        conf.write_text(json.dumps({
            "port": self.port, "issuer": self.issuer, "module": str(self.module),
            "keys": self.keys, "accounts": ACCOUNTS,
            "clients": [{"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
                         "redirect_uris": self.callback_urls,
                         "grant_types": ["authorization_code"], "response_types": ["code"],
                         "token_endpoint_auth_method": "client_secret_basic"}]}))
        conf.chmod(0o600)
        log = self.tmp / "provider.log"
        with log.open("ab") as out:
            self.proc = subprocess.Popen(["node", str(SPEC / "provider.mjs"), str(conf)],
                                         stdout=out, stderr=subprocess.STDOUT)
        _wait_http(f"{self.issuer}/.well-known/openid-configuration", self.proc, log)

    def stop(self) -> None:
        _stop(self.proc)
        self.proc = None

    def rotate_keys(self) -> None:
        """A new signing key, published first (it signs); the old one stays published."""
        self.stop()
        self.keys = [new_signing_key(f"key-{len(self.keys) + 1}"), *self.keys]
        self.start()

    def misbehave(self, mode: str, patch: dict[str, Any] | None = None,
                  header: dict[str, Any] | None = None) -> None:
        r = httpx.get(f"{self.issuer}/__test/mode",
                      params={"mode": mode, "patch": json.dumps(patch or {}),
                              "header": json.dumps(header or {})})
        r.raise_for_status()


class Glue:
    """A glue process (`neuronplane.glue.serve`) on a fixed loopback port, restartable."""

    def __init__(self, tmp: Path, conninfo: str, port: int | None = None,
                 env: dict[str, str] | None = None) -> None:
        self.tmp, self.conninfo = tmp, conninfo
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **(env or {})}
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = self.tmp / f"glue-{self.port}.log"
        with log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-c",
                 "import sys; from neuronplane.glue import serve; "
                 "serve(sys.argv[1], '127.0.0.1', int(sys.argv[2]))",
                 self.conninfo, str(self.port)],
                stdout=out, stderr=subprocess.STDOUT, env=self.env)
        _wait_http(f"{self.url}/healthz", self.proc, log)

    def stop(self) -> None:
        _stop(self.proc)
        self.proc = None


def set_cookies(response: httpx.Response) -> dict[str, dict[str, Any]]:
    """Each Set-Cookie of a response: name -> {value, and its attributes, lower-case}."""
    cookies: dict[str, dict[str, Any]] = {}
    for header in response.headers.get_list("set-cookie"):
        jar: SimpleCookie = SimpleCookie()
        jar.load(header)
        for name, morsel in jar.items():
            attrs = {k: v for k, v in morsel.items() if v not in ("", False)}
            # SimpleCookie keeps flags as True only when present.
            attrs["httponly"] = "httponly" in header.lower()
            attrs["secure"] = "; secure" in header.lower()
            cookies[name] = {"value": morsel.value, **attrs}
    return cookies


class Browser:
    """One browser: its cookies for the glue (kept by hand, by name and path) and its own
    cookie jar at the provider."""

    def __init__(self) -> None:
        self.glue_cookies: dict[str, dict[str, Any]] = {}
        self.provider = httpx.Client(follow_redirects=False, timeout=10)

    def close(self) -> None:
        self.provider.close()

    def absorb(self, response: httpx.Response) -> None:
        for name, cookie in set_cookies(response).items():
            if cookie["value"] == "" or cookie.get("max-age") == "0":
                self.glue_cookies.pop(name, None)
            else:
                self.glue_cookies[name] = cookie

    def cookie_header(self, path: str) -> dict[str, str]:
        pairs = [f"{n}={c['value']}" for n, c in self.glue_cookies.items()
                 if path.startswith(c.get("path", "/"))]
        return {"Cookie": "; ".join(pairs)} if pairs else {}

    def glue(self, method: str, base: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {**self.cookie_header(urlsplit(path).path), **kwargs.pop("headers", {})}
        r = httpx.request(method, base + path, headers=headers, follow_redirects=False,
                          timeout=20, **kwargs)
        self.absorb(r)
        return r

    def start_login(self, glue_url: str, redirect_to: str, account: str = "alice",
                    provider: str = "idp") -> httpx.Response:
        return self.glue("GET", glue_url, f"/auth/oidc/{provider}/login?"
                         + urlencode({"redirect_to": redirect_to, "login_hint": account}))

    def at_provider(self, authorize_url: str, callback_prefix: str) -> str:
        """Follow the provider's redirects (login and consent, done by its test
        interactions) until it sends the browser to the callback: that URL."""
        url = authorize_url
        for _ in range(10):
            r = self.provider.get(url)
            assert r.status_code in (302, 303), (r.status_code, r.text[:500])
            location = str(httpx.URL(url).join(r.headers["location"]))
            if location.startswith(callback_prefix):
                return location
            url = location
        raise AssertionError("the provider never redirected to the callback")

    def callback(self, glue_url: str, callback_url: str) -> httpx.Response:
        parts = urlsplit(callback_url)
        return self.glue("GET", glue_url, f"{parts.path}?{parts.query}")


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


@contextlib.contextmanager
def login_rate_limit(conninfo: str, per_min: int) -> Iterator[None]:
    """auth.settings.login_rate_limit_per_min set to per_min, with every address's count
    cleared, until the block ends. Every browser of these tests is 127.0.0.1, and login
    starts count towards the address's limit: a module that starts more logins a minute
    than the default (30) raises it."""
    with psycopg.connect(conninfo, autocommit=True) as conn:
        [before] = conn.execute("SELECT login_rate_limit_per_min FROM auth.settings").fetchone()
        conn.execute("UPDATE auth.settings SET login_rate_limit_per_min = %s", (per_min,))
        conn.execute("DELETE FROM auth.address_login_attempts")
    try:
        yield
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute("UPDATE auth.settings SET login_rate_limit_per_min = %s", (before,))
            conn.execute("DELETE FROM auth.address_login_attempts")
