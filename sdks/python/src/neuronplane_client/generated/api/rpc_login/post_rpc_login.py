from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.post_rpc_login_body import PostRpcLoginBody
from ...models.post_rpc_login_prefer import PostRpcLoginPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PostRpcLoginBody,
    prefer: PostRpcLoginPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rpc/login",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: PostRpcLoginBody,
    prefer: PostRpcLoginPrefer | Unset = UNSET,
) -> Response[Any]:
    """Log in with a username (or e-mail) and password. Answers {access_token, token_type, expires_in,
    expires_at, refresh_token, session_id, principal_id, principal_type}; or, with HTTP 401, {error:
    "invalid_grant", code: "28P01", message} — the same whether or not the account exists; or, with HTTP
    429 and Retry-After, {error: "locked" | "rate_limited", retry_after}. Failed logins count towards
    the account's and the address's lockout.

    Args:
        prefer (PostRpcLoginPrefer | Unset):
        body (PostRpcLoginBody): Log in with a username (or e-mail) and password. Answers
            {access_token, token_type, expires_in, expires_at, refresh_token, session_id,
            principal_id, principal_type}; or, with HTTP 401, {error: "invalid_grant", code: "28P01",
            message} — the same whether or not the account exists; or, with HTTP 429 and Retry-After,
            {error: "locked" | "rate_limited", retry_after}. Failed logins count towards the account's
            and the address's lockout.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        prefer=prefer,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PostRpcLoginBody,
    prefer: PostRpcLoginPrefer | Unset = UNSET,
) -> Response[Any]:
    """Log in with a username (or e-mail) and password. Answers {access_token, token_type, expires_in,
    expires_at, refresh_token, session_id, principal_id, principal_type}; or, with HTTP 401, {error:
    "invalid_grant", code: "28P01", message} — the same whether or not the account exists; or, with HTTP
    429 and Retry-After, {error: "locked" | "rate_limited", retry_after}. Failed logins count towards
    the account's and the address's lockout.

    Args:
        prefer (PostRpcLoginPrefer | Unset):
        body (PostRpcLoginBody): Log in with a username (or e-mail) and password. Answers
            {access_token, token_type, expires_in, expires_at, refresh_token, session_id,
            principal_id, principal_type}; or, with HTTP 401, {error: "invalid_grant", code: "28P01",
            message} — the same whether or not the account exists; or, with HTTP 429 and Retry-After,
            {error: "locked" | "rate_limited", retry_after}. Failed logins count towards the account's
            and the address's lockout.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
