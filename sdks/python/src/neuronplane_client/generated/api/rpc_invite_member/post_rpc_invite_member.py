from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.post_rpc_invite_member_body import PostRpcInviteMemberBody
from ...models.post_rpc_invite_member_prefer import PostRpcInviteMemberPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PostRpcInviteMemberBody,
    prefer: PostRpcInviteMemberPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rpc/invite_member",
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
    body: PostRpcInviteMemberBody,
    prefer: PostRpcInviteMemberPrefer | Unset = UNSET,
) -> Response[Any]:
    """Invite a person to an organization by user_id or by email (one of them), with the role accepting
    gives (owners and admins; only owners invite owners). The invitation expires after valid_days (1 to
    30, default 7). You see nothing of the person until they accept. Errors: 42501, 22023 bad role, both
    or neither of user_id and email, bad e-mail or valid_days, 23503 no such user id, 23505 already a
    member or already invited.

    Args:
        prefer (PostRpcInviteMemberPrefer | Unset):
        body (PostRpcInviteMemberBody): Invite a person to an organization by user_id or by email
            (one of them), with the role accepting gives (owners and admins; only owners invite
            owners). The invitation expires after valid_days (1 to 30, default 7). You see nothing of
            the person until they accept. Errors: 42501, 22023 bad role, both or neither of user_id
            and email, bad e-mail or valid_days, 23503 no such user id, 23505 already a member or
            already invited.

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
    body: PostRpcInviteMemberBody,
    prefer: PostRpcInviteMemberPrefer | Unset = UNSET,
) -> Response[Any]:
    """Invite a person to an organization by user_id or by email (one of them), with the role accepting
    gives (owners and admins; only owners invite owners). The invitation expires after valid_days (1 to
    30, default 7). You see nothing of the person until they accept. Errors: 42501, 22023 bad role, both
    or neither of user_id and email, bad e-mail or valid_days, 23503 no such user id, 23505 already a
    member or already invited.

    Args:
        prefer (PostRpcInviteMemberPrefer | Unset):
        body (PostRpcInviteMemberBody): Invite a person to an organization by user_id or by email
            (one of them), with the role accepting gives (owners and admins; only owners invite
            owners). The invitation expires after valid_days (1 to 30, default 7). You see nothing of
            the person until they accept. Errors: 42501, 22023 bad role, both or neither of user_id
            and email, bad e-mail or valid_days, 23503 no such user id, 23505 already a member or
            already invited.

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
