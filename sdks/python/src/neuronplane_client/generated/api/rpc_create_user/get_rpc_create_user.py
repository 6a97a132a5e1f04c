from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    username: str,
    email: str | Unset = UNSET,
    display_name: str | Unset = UNSET,
    is_admin: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["username"] = username

    params["email"] = email

    params["display_name"] = display_name

    params["is_admin"] = is_admin

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/create_user",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | None:
    if response.status_code == 200:
        return None

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    username: str,
    email: str | Unset = UNSET,
    display_name: str | Unset = UNSET,
    is_admin: bool | Unset = UNSET,
) -> Response[Any]:
    """Platform administrators: create a user. Errors: 42501, 23505 username or e-mail taken (case-
    insensitive), 23514 invalid username or e-mail.

    Args:
        username (str):
        email (str | Unset):
        display_name (str | Unset):
        is_admin (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        username=username,
        email=email,
        display_name=display_name,
        is_admin=is_admin,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    username: str,
    email: str | Unset = UNSET,
    display_name: str | Unset = UNSET,
    is_admin: bool | Unset = UNSET,
) -> Response[Any]:
    """Platform administrators: create a user. Errors: 42501, 23505 username or e-mail taken (case-
    insensitive), 23514 invalid username or e-mail.

    Args:
        username (str):
        email (str | Unset):
        display_name (str | Unset):
        is_admin (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        username=username,
        email=email,
        display_name=display_name,
        is_admin=is_admin,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
