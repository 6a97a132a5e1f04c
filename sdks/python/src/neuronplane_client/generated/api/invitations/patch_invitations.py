from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.invitations import Invitations
from ...models.patch_invitations_prefer import PatchInvitationsPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: Invitations | Unset = UNSET,
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
    prefer: PatchInvitationsPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/invitations",
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | None:
    if response.status_code == 204:
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
    body: Invitations | Unset = UNSET,
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
    prefer: PatchInvitationsPrefer | Unset = UNSET,
) -> Response[Any]:
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
        prefer (PatchInvitationsPrefer | Unset):
        body (Invitations | Unset): Invitations to join an organization: those of the
            organizations you administer, and those addressed to you (your user id or your e-mail
            address). Invite with /rpc/invite_member (or /rpc/add_member), withdraw with
            /rpc/revoke_invitation; the invitee answers with /rpc/accept_invitation or
            /rpc/decline_invitation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
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
        prefer=prefer,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Invitations | Unset = UNSET,
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
    prefer: PatchInvitationsPrefer | Unset = UNSET,
) -> Response[Any]:
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
        prefer (PatchInvitationsPrefer | Unset):
        body (Invitations | Unset): Invitations to join an organization: those of the
            organizations you administer, and those addressed to you (your user id or your e-mail
            address). Invite with /rpc/invite_member (or /rpc/add_member), withdraw with
            /rpc/revoke_invitation; the invitee answers with /rpc/accept_invitation or
            /rpc/decline_invitation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
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
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
