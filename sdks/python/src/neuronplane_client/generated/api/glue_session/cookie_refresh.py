from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cookie_refresh_response_200 import CookieRefreshResponse200
from ...models.glue_error import GlueError
from ...types import Response


def _get_kwargs(
    *,
    x_csrf_token: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["X-CSRF-Token"] = x_csrf_token

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/refresh",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CookieRefreshResponse200 | GlueError | None:
    if response.status_code == 200:
        response_200 = CookieRefreshResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = GlueError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = GlueError.from_dict(response.json())

        return response_403

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CookieRefreshResponse200 | GlueError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    x_csrf_token: str,
) -> Response[CookieRefreshResponse200 | GlueError]:
    """Rotate a cookie session's refresh token (np_refresh cookie); new cookies.

    Args:
        x_csrf_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CookieRefreshResponse200 | GlueError]
    """

    kwargs = _get_kwargs(
        x_csrf_token=x_csrf_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    x_csrf_token: str,
) -> CookieRefreshResponse200 | GlueError | None:
    """Rotate a cookie session's refresh token (np_refresh cookie); new cookies.

    Args:
        x_csrf_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CookieRefreshResponse200 | GlueError
    """

    return sync_detailed(
        client=client,
        x_csrf_token=x_csrf_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    x_csrf_token: str,
) -> Response[CookieRefreshResponse200 | GlueError]:
    """Rotate a cookie session's refresh token (np_refresh cookie); new cookies.

    Args:
        x_csrf_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CookieRefreshResponse200 | GlueError]
    """

    kwargs = _get_kwargs(
        x_csrf_token=x_csrf_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    x_csrf_token: str,
) -> CookieRefreshResponse200 | GlueError | None:
    """Rotate a cookie session's refresh token (np_refresh cookie); new cookies.

    Args:
        x_csrf_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CookieRefreshResponse200 | GlueError
    """

    return (
        await asyncio_detailed(
            client=client,
            x_csrf_token=x_csrf_token,
        )
    ).parsed
