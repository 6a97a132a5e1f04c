from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cookie_login_body import CookieLoginBody
from ...models.cookie_login_response_200 import CookieLoginResponse200
from ...models.glue_error import GlueError
from ...types import Response


def _get_kwargs(
    *,
    body: CookieLoginBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/login",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CookieLoginResponse200 | GlueError | None:
    if response.status_code == 200:
        response_200 = CookieLoginResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = GlueError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = GlueError.from_dict(response.json())

        return response_401

    if response.status_code == 415:
        response_415 = GlueError.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = GlueError.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CookieLoginResponse200 | GlueError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CookieLoginBody,
) -> Response[CookieLoginResponse200 | GlueError]:
    """Password sign-in for a browser: the session in the np_* cookies.

    Args:
        body (CookieLoginBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CookieLoginResponse200 | GlueError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CookieLoginBody,
) -> CookieLoginResponse200 | GlueError | None:
    """Password sign-in for a browser: the session in the np_* cookies.

    Args:
        body (CookieLoginBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CookieLoginResponse200 | GlueError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CookieLoginBody,
) -> Response[CookieLoginResponse200 | GlueError]:
    """Password sign-in for a browser: the session in the np_* cookies.

    Args:
        body (CookieLoginBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CookieLoginResponse200 | GlueError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CookieLoginBody,
) -> CookieLoginResponse200 | GlueError | None:
    """Password sign-in for a browser: the session in the np_* cookies.

    Args:
        body (CookieLoginBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CookieLoginResponse200 | GlueError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
