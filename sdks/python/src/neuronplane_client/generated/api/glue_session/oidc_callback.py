from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.glue_error import GlueError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    provider: str,
    *,
    state: str,
    code: str | Unset = UNSET,
    iss: str | Unset = UNSET,
    error: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["state"] = state

    params["code"] = code

    params["iss"] = iss

    params["error"] = error

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/auth/oidc/{provider}/callback".format(
            provider=quote(str(provider), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GlueError | None:
    if response.status_code == 303:
        response_303 = cast(Any, None)
        return response_303

    if response.status_code == 400:
        response_400 = GlueError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = GlueError.from_dict(response.json())

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | GlueError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    provider: str,
    *,
    client: AuthenticatedClient | Client,
    state: str,
    code: str | Unset = UNSET,
    iss: str | Unset = UNSET,
    error: str | Unset = UNSET,
) -> Response[Any | GlueError]:
    """The provider's redirect back: checks state, binding cookie, code and ID token, opens a session and
    sets np_access, np_refresh and np_csrf.

    Args:
        provider (str):
        state (str):
        code (str | Unset):
        iss (str | Unset):
        error (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GlueError]
    """

    kwargs = _get_kwargs(
        provider=provider,
        state=state,
        code=code,
        iss=iss,
        error=error,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    provider: str,
    *,
    client: AuthenticatedClient | Client,
    state: str,
    code: str | Unset = UNSET,
    iss: str | Unset = UNSET,
    error: str | Unset = UNSET,
) -> Any | GlueError | None:
    """The provider's redirect back: checks state, binding cookie, code and ID token, opens a session and
    sets np_access, np_refresh and np_csrf.

    Args:
        provider (str):
        state (str):
        code (str | Unset):
        iss (str | Unset):
        error (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GlueError
    """

    return sync_detailed(
        provider=provider,
        client=client,
        state=state,
        code=code,
        iss=iss,
        error=error,
    ).parsed


async def asyncio_detailed(
    provider: str,
    *,
    client: AuthenticatedClient | Client,
    state: str,
    code: str | Unset = UNSET,
    iss: str | Unset = UNSET,
    error: str | Unset = UNSET,
) -> Response[Any | GlueError]:
    """The provider's redirect back: checks state, binding cookie, code and ID token, opens a session and
    sets np_access, np_refresh and np_csrf.

    Args:
        provider (str):
        state (str):
        code (str | Unset):
        iss (str | Unset):
        error (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GlueError]
    """

    kwargs = _get_kwargs(
        provider=provider,
        state=state,
        code=code,
        iss=iss,
        error=error,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    provider: str,
    *,
    client: AuthenticatedClient | Client,
    state: str,
    code: str | Unset = UNSET,
    iss: str | Unset = UNSET,
    error: str | Unset = UNSET,
) -> Any | GlueError | None:
    """The provider's redirect back: checks state, binding cookie, code and ID token, opens a session and
    sets np_access, np_refresh and np_csrf.

    Args:
        provider (str):
        state (str):
        code (str | Unset):
        iss (str | Unset):
        error (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GlueError
    """

    return (
        await asyncio_detailed(
            provider=provider,
            client=client,
            state=state,
            code=code,
            iss=iss,
            error=error,
        )
    ).parsed
