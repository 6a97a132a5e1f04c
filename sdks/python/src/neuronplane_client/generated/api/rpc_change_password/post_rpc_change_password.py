from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.post_rpc_change_password_body import PostRpcChangePasswordBody
from ...models.post_rpc_change_password_prefer import PostRpcChangePasswordPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PostRpcChangePasswordBody,
    prefer: PostRpcChangePasswordPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rpc/change_password",
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
    body: PostRpcChangePasswordBody,
    prefer: PostRpcChangePasswordPrefer | Unset = UNSET,
) -> Response[Any]:
    """Change your password; your other sessions end. The new password must follow the policy (length, not
    your username or e-mail, not a common password). A wrong current password counts towards the
    account's lockout and is audited (auth.password.change_failed). Errors: 28P01 wrong current
    password, PT429 (HTTP 429) while the account or address is locked, 22023 policy, 42501.

    Args:
        prefer (PostRpcChangePasswordPrefer | Unset):
        body (PostRpcChangePasswordBody): Change your password; your other sessions end. The new
            password must follow the policy (length, not your username or e-mail, not a common
            password). A wrong current password counts towards the account's lockout and is audited
            (auth.password.change_failed). Errors: 28P01 wrong current password, PT429 (HTTP 429)
            while the account or address is locked, 22023 policy, 42501.

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
    body: PostRpcChangePasswordBody,
    prefer: PostRpcChangePasswordPrefer | Unset = UNSET,
) -> Response[Any]:
    """Change your password; your other sessions end. The new password must follow the policy (length, not
    your username or e-mail, not a common password). A wrong current password counts towards the
    account's lockout and is audited (auth.password.change_failed). Errors: 28P01 wrong current
    password, PT429 (HTTP 429) while the account or address is locked, 22023 policy, 42501.

    Args:
        prefer (PostRpcChangePasswordPrefer | Unset):
        body (PostRpcChangePasswordBody): Change your password; your other sessions end. The new
            password must follow the policy (length, not your username or e-mail, not a common
            password). A wrong current password counts towards the account's lockout and is audited
            (auth.password.change_failed). Errors: 28P01 wrong current password, PT429 (HTTP 429)
            while the account or address is locked, 22023 policy, 42501.

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
