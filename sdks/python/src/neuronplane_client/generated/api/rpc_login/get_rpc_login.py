from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response


def _get_kwargs(
    *,
    username_or_email: str,
    password: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["username_or_email"] = username_or_email

    params["password"] = password

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/login",
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
    username_or_email: str,
    password: str,
) -> Response[Any]:
    """Log in with a username (or e-mail) and password. Answers {access_token, token_type, expires_in,
    expires_at, refresh_token, session_id, principal_id, principal_type}; or, with HTTP 401, {error:
    "invalid_grant", code: "28P01", message} — the same whether or not the account exists; or, with HTTP
    429 and Retry-After, {error: "locked" | "rate_limited", retry_after}. Failed logins count towards
    the account's and the address's lockout.

    Args:
        username_or_email (str):
        password (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        username_or_email=username_or_email,
        password=password,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    username_or_email: str,
    password: str,
) -> Response[Any]:
    """Log in with a username (or e-mail) and password. Answers {access_token, token_type, expires_in,
    expires_at, refresh_token, session_id, principal_id, principal_type}; or, with HTTP 401, {error:
    "invalid_grant", code: "28P01", message} — the same whether or not the account exists; or, with HTTP
    429 and Retry-After, {error: "locked" | "rate_limited", retry_after}. Failed logins count towards
    the account's and the address's lockout.

    Args:
        username_or_email (str):
        password (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        username_or_email=username_or_email,
        password=password,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
