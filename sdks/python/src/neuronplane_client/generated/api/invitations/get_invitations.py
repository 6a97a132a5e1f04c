from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_invitations_prefer import GetInvitationsPrefer
from ...models.invitations import Invitations
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    invitee_user_id: str | Unset = UNSET,
    invitee_email: str | Unset = UNSET,
    role: str | Unset = UNSET,
    invited_by: str | Unset = UNSET,
    status: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    responded_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetInvitationsPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    if not isinstance(range_unit, Unset):
        headers["Range-Unit"] = range_unit

    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["id"] = id

    params["org_id"] = org_id

    params["invitee_user_id"] = invitee_user_id

    params["invitee_email"] = invitee_email

    params["role"] = role

    params["invited_by"] = invited_by

    params["status"] = status

    params["created_at"] = created_at

    params["expires_at"] = expires_at

    params["responded_at"] = responded_at

    params["select"] = select

    params["order"] = order

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/invitations",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[Invitations] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Invitations.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 206:
        response_206 = cast(Any, None)
        return response_206

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | list[Invitations]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    invitee_user_id: str | Unset = UNSET,
    invitee_email: str | Unset = UNSET,
    role: str | Unset = UNSET,
    invited_by: str | Unset = UNSET,
    status: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    responded_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetInvitationsPrefer | Unset = UNSET,
) -> Response[Any | list[Invitations]]:
    """Invitations to join an organization: those of the organizations you administer, and those addressed
    to you (your user id or your e-mail address). Invite with /rpc/invite_member (or /rpc/add_member),
    withdraw with /rpc/revoke_invitation; the invitee answers with /rpc/accept_invitation or
    /rpc/decline_invitation.

    Args:
        id (str | Unset):
        org_id (str | Unset):
        invitee_user_id (str | Unset):
        invitee_email (str | Unset):
        role (str | Unset):
        invited_by (str | Unset):
        status (str | Unset):
        created_at (str | Unset):
        expires_at (str | Unset):
        responded_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetInvitationsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[Invitations]]
    """

    kwargs = _get_kwargs(
        id=id,
        org_id=org_id,
        invitee_user_id=invitee_user_id,
        invitee_email=invitee_email,
        role=role,
        invited_by=invited_by,
        status=status,
        created_at=created_at,
        expires_at=expires_at,
        responded_at=responded_at,
        select=select,
        order=order,
        offset=offset,
        limit=limit,
        range_=range_,
        range_unit=range_unit,
        prefer=prefer,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    invitee_user_id: str | Unset = UNSET,
    invitee_email: str | Unset = UNSET,
    role: str | Unset = UNSET,
    invited_by: str | Unset = UNSET,
    status: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    responded_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetInvitationsPrefer | Unset = UNSET,
) -> Any | list[Invitations] | None:
    """Invitations to join an organization: those of the organizations you administer, and those addressed
    to you (your user id or your e-mail address). Invite with /rpc/invite_member (or /rpc/add_member),
    withdraw with /rpc/revoke_invitation; the invitee answers with /rpc/accept_invitation or
    /rpc/decline_invitation.

    Args:
        id (str | Unset):
        org_id (str | Unset):
        invitee_user_id (str | Unset):
        invitee_email (str | Unset):
        role (str | Unset):
        invited_by (str | Unset):
        status (str | Unset):
        created_at (str | Unset):
        expires_at (str | Unset):
        responded_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetInvitationsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[Invitations]
    """

    return sync_detailed(
        client=client,
        id=id,
        org_id=org_id,
        invitee_user_id=invitee_user_id,
        invitee_email=invitee_email,
        role=role,
        invited_by=invited_by,
        status=status,
        created_at=created_at,
        expires_at=expires_at,
        responded_at=responded_at,
        select=select,
        order=order,
        offset=offset,
        limit=limit,
        range_=range_,
        range_unit=range_unit,
        prefer=prefer,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    invitee_user_id: str | Unset = UNSET,
    invitee_email: str | Unset = UNSET,
    role: str | Unset = UNSET,
    invited_by: str | Unset = UNSET,
    status: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    responded_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetInvitationsPrefer | Unset = UNSET,
) -> Response[Any | list[Invitations]]:
    """Invitations to join an organization: those of the organizations you administer, and those addressed
    to you (your user id or your e-mail address). Invite with /rpc/invite_member (or /rpc/add_member),
    withdraw with /rpc/revoke_invitation; the invitee answers with /rpc/accept_invitation or
    /rpc/decline_invitation.

    Args:
        id (str | Unset):
        org_id (str | Unset):
        invitee_user_id (str | Unset):
        invitee_email (str | Unset):
        role (str | Unset):
        invited_by (str | Unset):
        status (str | Unset):
        created_at (str | Unset):
        expires_at (str | Unset):
        responded_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetInvitationsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[Invitations]]
    """

    kwargs = _get_kwargs(
        id=id,
        org_id=org_id,
        invitee_user_id=invitee_user_id,
        invitee_email=invitee_email,
        role=role,
        invited_by=invited_by,
        status=status,
        created_at=created_at,
        expires_at=expires_at,
        responded_at=responded_at,
        select=select,
        order=order,
        offset=offset,
        limit=limit,
        range_=range_,
        range_unit=range_unit,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    invitee_user_id: str | Unset = UNSET,
    invitee_email: str | Unset = UNSET,
    role: str | Unset = UNSET,
    invited_by: str | Unset = UNSET,
    status: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    responded_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetInvitationsPrefer | Unset = UNSET,
) -> Any | list[Invitations] | None:
    """Invitations to join an organization: those of the organizations you administer, and those addressed
    to you (your user id or your e-mail address). Invite with /rpc/invite_member (or /rpc/add_member),
    withdraw with /rpc/revoke_invitation; the invitee answers with /rpc/accept_invitation or
    /rpc/decline_invitation.

    Args:
        id (str | Unset):
        org_id (str | Unset):
        invitee_user_id (str | Unset):
        invitee_email (str | Unset):
        role (str | Unset):
        invited_by (str | Unset):
        status (str | Unset):
        created_at (str | Unset):
        expires_at (str | Unset):
        responded_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetInvitationsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[Invitations]
    """

    return (
        await asyncio_detailed(
            client=client,
            id=id,
            org_id=org_id,
            invitee_user_id=invitee_user_id,
            invitee_email=invitee_email,
            role=role,
            invited_by=invited_by,
            status=status,
            created_at=created_at,
            expires_at=expires_at,
            responded_at=responded_at,
            select=select,
            order=order,
            offset=offset,
            limit=limit,
            range_=range_,
            range_unit=range_unit,
            prefer=prefer,
        )
    ).parsed
