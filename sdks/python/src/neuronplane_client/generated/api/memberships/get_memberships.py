from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_memberships_prefer import GetMembershipsPrefer
from ...models.memberships import Memberships
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    role: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetMembershipsPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    if not isinstance(range_unit, Unset):
        headers["Range-Unit"] = range_unit

    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["org_id"] = org_id

    params["user_id"] = user_id

    params["role"] = role

    params["created_at"] = created_at

    params["updated_at"] = updated_at

    params["select"] = select

    params["order"] = order

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/memberships",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[Memberships] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Memberships.from_dict(response_200_item_data)

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
) -> Response[Any | list[Memberships]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    role: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetMembershipsPrefer | Unset = UNSET,
) -> Response[Any | list[Memberships]]:
    """Members of the organizations you can read. Invite with /rpc/invite_member (a person becomes a member
    by accepting); change with /rpc/change_member_role and /rpc/remove_member.

    Args:
        org_id (str | Unset):
        user_id (str | Unset):
        role (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetMembershipsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[Memberships]]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        user_id=user_id,
        role=role,
        created_at=created_at,
        updated_at=updated_at,
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
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    role: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetMembershipsPrefer | Unset = UNSET,
) -> Any | list[Memberships] | None:
    """Members of the organizations you can read. Invite with /rpc/invite_member (a person becomes a member
    by accepting); change with /rpc/change_member_role and /rpc/remove_member.

    Args:
        org_id (str | Unset):
        user_id (str | Unset):
        role (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetMembershipsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[Memberships]
    """

    return sync_detailed(
        client=client,
        org_id=org_id,
        user_id=user_id,
        role=role,
        created_at=created_at,
        updated_at=updated_at,
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
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    role: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetMembershipsPrefer | Unset = UNSET,
) -> Response[Any | list[Memberships]]:
    """Members of the organizations you can read. Invite with /rpc/invite_member (a person becomes a member
    by accepting); change with /rpc/change_member_role and /rpc/remove_member.

    Args:
        org_id (str | Unset):
        user_id (str | Unset):
        role (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetMembershipsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[Memberships]]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        user_id=user_id,
        role=role,
        created_at=created_at,
        updated_at=updated_at,
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
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    role: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetMembershipsPrefer | Unset = UNSET,
) -> Any | list[Memberships] | None:
    """Members of the organizations you can read. Invite with /rpc/invite_member (a person becomes a member
    by accepting); change with /rpc/change_member_role and /rpc/remove_member.

    Args:
        org_id (str | Unset):
        user_id (str | Unset):
        role (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetMembershipsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[Memberships]
    """

    return (
        await asyncio_detailed(
            client=client,
            org_id=org_id,
            user_id=user_id,
            role=role,
            created_at=created_at,
            updated_at=updated_at,
            select=select,
            order=order,
            offset=offset,
            limit=limit,
            range_=range_,
            range_unit=range_unit,
            prefer=prefer,
        )
    ).parsed
