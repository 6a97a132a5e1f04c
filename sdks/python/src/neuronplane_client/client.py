"""Client and AsyncClient: the hand-written layer over the generated code.

    client = Client("http://127.0.0.1:3000", glue_url="http://127.0.0.1:8080")
    client.login("alice", "a long passphrase")
    org = client.rpc("create_organization", name="Acme", slug="acme")
    for user in client.paginate("/users", page_size=100): ...

`client.api` and `client.glue` are the generated clients (PostgREST's routes and the glue's),
sharing the credentials, the refresh and the error mapping, for the generated functions of
`neuronplane_client.generated.api`:

    from neuronplane_client.generated.api.rpc_health import post_rpc_health
    post_rpc_health.sync_detailed(client=client.api)
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path
from typing import IO, Any
from urllib.parse import urljoin, urlsplit

import httpx

from ._auth import Credentials, SessionAuth, Tokens, check
from .errors import AuthenticationError
from .generated.client import Client as GeneratedClient

_CONTENT_RANGE = re.compile(r"^(?:(\d+)-(\d+)|\*)/(\d+|\*)$")


@dataclass
class Page:
    """One page of a PostgREST listing: rows, their offset, and the total when counted."""
    rows: list[dict[str, Any]]
    offset: int
    total: int | None

    @property
    def has_more(self) -> bool:
        if self.total is None:
            return bool(self.rows)
        return self.offset + len(self.rows) < self.total


def _range_headers(offset: int, limit: int, count: bool) -> dict[str, str]:
    headers = {"Range-Unit": "items", "Range": f"{offset}-{offset + limit - 1}"}
    if count:
        headers["Prefer"] = "count=exact"
    return headers


def _page(response: httpx.Response, offset: int) -> Page:
    match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
    total = int(match.group(3)) if match and match.group(3) != "*" else None
    return Page(response.json(), offset, total)


def _glue_default(base_url: str) -> str:
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}"


def _upload_params(project_id: str, dataset_name: str, fmt: str | None,
                   if_exists: str | None, options: Mapping[str, Any] | None,
                   index_config: Mapping[str, Any] | None,
                   embedding: Mapping[str, Any] | None) -> dict[str, str]:
    params = {"project_id": str(project_id), "dataset_name": dataset_name}
    for name, value in (("format", fmt), ("if_exists", if_exists)):
        if value is not None:
            params[name] = value
    for name, value in (("options", options), ("index_config", index_config),
                        ("embedding", embedding)):
        if value is not None:
            params[name] = json.dumps(value)
    return params


def _file_part(file: str | Path | IO[bytes]) -> tuple[str, IO[bytes]]:
    if isinstance(file, str | Path):
        return Path(file).name, Path(file).open("rb")  # closed by the caller
    return Path(getattr(file, "name", "upload")).name, file


class _Base:
    def __init__(self, base_url: str, *, api_key: str | None, glue_url: str | None,
                 access_token: str | None, refresh_token: str | None) -> None:
        self.base_url = base_url.rstrip("/")
        self.glue_url = (glue_url or _glue_default(self.base_url)).rstrip("/")
        self.cookies = CookieJar()
        self.credentials = Credentials(self.base_url, self.glue_url, self.cookies,
                                       api_key=api_key)
        if access_token:
            self.credentials.tokens = Tokens(access_token, refresh_token)

    @property
    def refreshes(self) -> int:
        """How many times this client refreshed its session."""
        return self.credentials.refreshes

    @property
    def tokens(self) -> Tokens | None:
        return self.credentials.tokens

    def _logged_in(self, response: httpx.Response) -> dict[str, Any]:
        check(response)
        answer = response.json()
        self.credentials.api_key = None
        self.credentials.tokens = Tokens.from_answer(answer)
        return answer

    def _oidc_start(self, provider: str, redirect_to: str, login_hint: str | None,
                    ) -> httpx.Request:
        params = {"redirect_to": redirect_to}
        if login_hint:
            params["login_hint"] = login_hint
        return httpx.Request("GET", f"{self.glue_url}/auth/oidc/{provider}/login",
                             params=params)

    def _oidc_done(self) -> None:
        if self.credentials.cookie("np_access") is None:
            raise AuthenticationError(401, "28000", "the OIDC login set no session cookie")
        self.credentials.api_key = None
        self.credentials.tokens = None


class Client(_Base):
    """A synchronous client (thread-safe: share one between threads)."""

    def __init__(self, base_url: str, *, api_key: str | None = None,
                 glue_url: str | None = None, access_token: str | None = None,
                 refresh_token: str | None = None, timeout: float = 30.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        """base_url: PostgREST's URL (behind the reverse proxy: https://host/rest).
        glue_url: the glue's (default: base_url's origin). api_key: an npk_ key; or log in
        with login()/login_oidc(); or pass tokens you already hold."""
        super().__init__(base_url, api_key=api_key, glue_url=glue_url,
                         access_token=access_token, refresh_token=refresh_token)
        self._raw = httpx.Client(timeout=timeout, cookies=self.cookies, transport=transport)
        auth = SessionAuth(self.credentials, raw=self._raw)
        self.http = httpx.Client(base_url=self.base_url, auth=auth, timeout=timeout,
                                 cookies=self.cookies, transport=transport)
        self.glue_http = httpx.Client(base_url=self.glue_url, auth=auth, timeout=timeout,
                                      cookies=self.cookies, transport=transport)
        self.api = GeneratedClient(base_url=self.base_url).set_httpx_client(self.http)
        self.glue = GeneratedClient(base_url=self.glue_url).set_httpx_client(self.glue_http)

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for c in (self.http, self.glue_http, self._raw):
            c.close()

    # -- sessions -----------------------------------------------------------------------
    def login(self, username: str, password: str) -> dict[str, Any]:
        """Log in with a password (POST /rpc/login); the session's tokens are then used and
        refreshed by this client. Returns the login answer. AuthenticationError (28P01) for
        wrong credentials, RateLimited while locked out."""
        response = self._raw.post(f"{self.base_url}/rpc/login",
                                  json={"username_or_email": username, "password": password})
        return self._logged_in(response)

    def login_oidc(self, provider: str, redirect_to: str, *, login_hint: str | None = None,
                   authorize: Callable[[str], str] | None = None) -> None:
        """Log in through the glue with an OpenID Provider; the session is then the
        np_* cookies in this client's jar (writes carry X-CSRF-Token, refresh goes through
        the glue). authorize(url) -> callback_url does the person's part at the provider
        (e.g. opens a browser and returns the URL it comes back to); without it the
        provider's redirects are followed as they are (a provider that already knows the
        person, or a test provider)."""
        start = self._raw.send(self._oidc_start(provider, redirect_to, login_hint))
        if start.status_code != 302:
            start.read()
            check(start)
        location = start.headers["Location"]
        if authorize is not None:
            callback = authorize(location)
        else:
            callback = self._follow_until(location, f"/auth/oidc/{provider}/callback")
        done = self._raw.get(callback)
        if done.status_code not in (302, 303):
            check(done)
        self._oidc_done()

    def _follow_until(self, url: str, path: str) -> str:
        for _ in range(20):
            if urlsplit(url).path == path:
                return url
            response = self._raw.get(url)
            if response.status_code not in (301, 302, 303, 307, 308):
                check(response)
                raise AuthenticationError(response.status_code, None,
                                          "the provider wants the person to act: pass authorize=")
            url = urljoin(url, response.headers["Location"])
        raise AuthenticationError(401, None, "too many redirects during the OIDC login")

    def logout(self) -> None:
        """End the session (password or cookie) on the server and forget it."""
        if self.credentials.tokens:
            self.http.post("/rpc/logout")
            self.credentials.tokens = None
        elif self.credentials.cookie("np_access") is not None:
            self.glue_http.post("/auth/logout")
            self.cookies.clear()

    # -- calls --------------------------------------------------------------------------
    def rpc(self, function: str, /, **args: Any) -> Any:
        """POST /rpc/<function> with args as its JSON body; the decoded answer."""
        response = self.http.post(f"/rpc/{function}", json=args)
        return response.json() if response.content else None

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """Any PostgREST request (PostgREST's filters in params), credentials and refresh
        included; an ApiError for a status >= 400."""
        return self.http.request(method, path, **kwargs)

    def page(self, path: str, *, params: Mapping[str, Any] | None = None, offset: int = 0,
             limit: int = 100, count: bool = True) -> Page:
        """One page of a view (Range: offset-(offset+limit-1); total with count)."""
        response = self.http.get(path, params=params,
                                 headers=_range_headers(offset, limit, count))
        return _page(response, offset)

    def paginate(self, path: str, *, params: Mapping[str, Any] | None = None,
                 page_size: int = 100) -> Iterator[dict[str, Any]]:
        """Every row of a view, page_size rows per request. Give an `order` in params for a
        stable order across pages."""
        offset = 0
        while True:
            page = self.page(path, params=params, offset=offset, limit=page_size, count=False)
            yield from page.rows
            if len(page.rows) < page_size:
                return
            offset += page_size

    def upload(self, project_id: str, dataset_name: str, file: str | Path | IO[bytes], *,
               format: str | None = None, if_exists: str | None = None,
               options: Mapping[str, Any] | None = None,
               index_config: Mapping[str, Any] | None = None,
               embedding: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Upload a file for ingestion (the glue's POST /ingest/upload); the job's row."""
        name, handle = _file_part(file)
        try:
            response = self.glue_http.post("/ingest/upload", params=_upload_params(
                project_id, dataset_name, format, if_exists, options, index_config, embedding),
                files={"file": (name, handle)})
        finally:
            if handle is not file:
                handle.close()
        return response.json()


class AsyncClient(_Base):
    """The asyncio client: the same methods, awaited."""

    def __init__(self, base_url: str, *, api_key: str | None = None,
                 glue_url: str | None = None, access_token: str | None = None,
                 refresh_token: str | None = None, timeout: float = 30.0,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        super().__init__(base_url, api_key=api_key, glue_url=glue_url,
                         access_token=access_token, refresh_token=refresh_token)
        self._raw = httpx.AsyncClient(timeout=timeout, cookies=self.cookies,
                                      transport=transport)
        auth = SessionAuth(self.credentials, araw=self._raw)
        self.http = httpx.AsyncClient(base_url=self.base_url, auth=auth, timeout=timeout,
                                      cookies=self.cookies, transport=transport)
        self.glue_http = httpx.AsyncClient(base_url=self.glue_url, auth=auth, timeout=timeout,
                                           cookies=self.cookies, transport=transport)
        self.api = GeneratedClient(base_url=self.base_url).set_async_httpx_client(self.http)
        self.glue = GeneratedClient(base_url=self.glue_url).set_async_httpx_client(
            self.glue_http)

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        for c in (self.http, self.glue_http, self._raw):
            await c.aclose()

    async def login(self, username: str, password: str) -> dict[str, Any]:
        response = await self._raw.post(
            f"{self.base_url}/rpc/login",
            json={"username_or_email": username, "password": password})
        return self._logged_in(response)

    async def login_oidc(self, provider: str, redirect_to: str, *,
                         login_hint: str | None = None,
                         authorize: Callable[[str], Awaitable[str]] | None = None) -> None:
        start = await self._raw.send(self._oidc_start(provider, redirect_to, login_hint))
        if start.status_code != 302:
            await start.aread()
            check(start)
        url = start.headers["Location"]
        path = f"/auth/oidc/{provider}/callback"
        if authorize is not None:
            url = await authorize(url)
        for _ in range(20):
            if urlsplit(url).path == path:
                break
            response = await self._raw.get(url)
            if response.status_code not in (301, 302, 303, 307, 308):
                check(response)
                raise AuthenticationError(response.status_code, None,
                                          "the provider wants the person to act: pass authorize=")
            url = urljoin(url, response.headers["Location"])
        done = await self._raw.get(url)
        if done.status_code not in (302, 303):
            check(done)
        self._oidc_done()

    async def logout(self) -> None:
        if self.credentials.tokens:
            await self.http.post("/rpc/logout")
            self.credentials.tokens = None
        elif self.credentials.cookie("np_access") is not None:
            await self.glue_http.post("/auth/logout")
            self.cookies.clear()

    async def rpc(self, function: str, /, **args: Any) -> Any:
        response = await self.http.post(f"/rpc/{function}", json=args)
        return response.json() if response.content else None

    async def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return await self.http.request(method, path, **kwargs)

    async def page(self, path: str, *, params: Mapping[str, Any] | None = None,
                   offset: int = 0, limit: int = 100, count: bool = True) -> Page:
        response = await self.http.get(path, params=params,
                                       headers=_range_headers(offset, limit, count))
        return _page(response, offset)

    async def paginate(self, path: str, *, params: Mapping[str, Any] | None = None,
                       page_size: int = 100) -> AsyncIterator[dict[str, Any]]:
        offset = 0
        while True:
            page = await self.page(path, params=params, offset=offset, limit=page_size,
                                   count=False)
            for row in page.rows:
                yield row
            if len(page.rows) < page_size:
                return
            offset += page_size

    async def upload(self, project_id: str, dataset_name: str,
                     file: str | Path | IO[bytes], *, format: str | None = None,
                     if_exists: str | None = None, options: Mapping[str, Any] | None = None,
                     index_config: Mapping[str, Any] | None = None,
                     embedding: Mapping[str, Any] | None = None) -> dict[str, Any]:
        name, handle = _file_part(file)
        try:
            response = await self.glue_http.post("/ingest/upload", params=_upload_params(
                project_id, dataset_name, format, if_exists, options, index_config, embedding),
                files={"file": (name, handle.read())})
        finally:
            if handle is not file:
                handle.close()
        return response.json()
