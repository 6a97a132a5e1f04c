from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    org_id: UUID,
    user_id: UUID | Unset = UNSET,
    email: str | Unset = UNSET,
    role: str | Unset = UNSET,
    valid_days: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_org_id = str(org_id)
    params["org_id"] = json_org_id

    json_user_id: str | Unset = UNSET
    if not isinstance(user_id, Unset):
        json_user_id = str(user_id)
    params["user_id"] = json_user_id

    params["email"] = email

    params["role"] = role

    params["valid_days"] = valid_days

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/invite_member",
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
    org_id: UUID,
    user_id: UUID | Unset = UNSET,
    email: str | Unset = UNSET,
    role: str | Unset = UNSET,
    valid_days: int | Unset = UNSET,
) -> Response[Any]:
    """Invite a person to an organization by user_id or by email (one of them), with the role accepting
    gives (owners and admins; only owners invite owners). The invitation expires after valid_days (1 to
    30, default 7). You see nothing of the person until they accept. Errors: 42501, 22023 bad role, both
    or neither of user_id and email, bad e-mail or valid_days, 23503 no such user id, 23505 already a
    member or already invited.

    Args:
        org_id (UUID):
        user_id (UUID | Unset):
        email (str | Unset):
        role (str | Unset):
        valid_days (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        user_id=user_id,
        email=email,
        role=role,
        valid_days=valid_days,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    org_id: UUID,
    user_id: UUID | Unset = UNSET,
    email: str | Unset = UNSET,
    role: str | Unset = UNSET,
    valid_days: int | Unset = UNSET,
) -> Response[Any]:
    """Invite a person to an organization by user_id or by email (one of them), with the role accepting
    gives (owners and admins; only owners invite owners). The invitation expires after valid_days (1 to
    30, default 7). You see nothing of the person until they accept. Errors: 42501, 22023 bad role, both
    or neither of user_id and email, bad e-mail or valid_days, 23503 no such user id, 23505 already a
    member or already invited.

    Args:
        org_id (UUID):
        user_id (UUID | Unset):
        email (str | Unset):
        role (str | Unset):
        valid_days (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        user_id=user_id,
        email=email,
        role=role,
        valid_days=valid_days,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
