from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.post_rpc_add_member_body import PostRpcAddMemberBody
from ...models.post_rpc_add_member_prefer import PostRpcAddMemberPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PostRpcAddMemberBody,
    prefer: PostRpcAddMemberPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rpc/add_member",
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
    body: PostRpcAddMemberBody,
    prefer: PostRpcAddMemberPrefer | Unset = UNSET,
) -> Response[Any]:
    """Invite a user, by id, to an organization: the same as /rpc/invite_member with user_id (7 days). The
    user becomes a member only by accepting (/rpc/accept_invitation); until then you see nothing of
    them. Answers the invitation. Errors: 42501, 23503 no such user, 23505 already a member or already
    invited, 22023 bad role.

    Args:
        prefer (PostRpcAddMemberPrefer | Unset):
        body (PostRpcAddMemberBody): Invite a user, by id, to an organization: the same as
            /rpc/invite_member with user_id (7 days). The user becomes a member only by accepting
            (/rpc/accept_invitation); until then you see nothing of them. Answers the invitation.
            Errors: 42501, 23503 no such user, 23505 already a member or already invited, 22023 bad
            role.

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
    body: PostRpcAddMemberBody,
    prefer: PostRpcAddMemberPrefer | Unset = UNSET,
) -> Response[Any]:
    """Invite a user, by id, to an organization: the same as /rpc/invite_member with user_id (7 days). The
    user becomes a member only by accepting (/rpc/accept_invitation); until then you see nothing of
    them. Answers the invitation. Errors: 42501, 23503 no such user, 23505 already a member or already
    invited, 22023 bad role.

    Args:
        prefer (PostRpcAddMemberPrefer | Unset):
        body (PostRpcAddMemberBody): Invite a user, by id, to an organization: the same as
            /rpc/invite_member with user_id (7 days). The user becomes a member only by accepting
            (/rpc/accept_invitation); until then you see nothing of them. Answers the invitation.
            Errors: 42501, 23503 no such user, 23505 already a member or already invited, 22023 bad
            role.

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
