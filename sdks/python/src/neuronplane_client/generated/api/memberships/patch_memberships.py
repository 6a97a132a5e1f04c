from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.memberships import Memberships
from ...models.patch_memberships_prefer import PatchMembershipsPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: Memberships | Unset = UNSET,
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    role: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchMembershipsPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["org_id"] = org_id

    params["user_id"] = user_id

    params["role"] = role

    params["created_at"] = created_at

    params["updated_at"] = updated_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/memberships",
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
    body: Memberships | Unset = UNSET,
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    role: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchMembershipsPrefer | Unset = UNSET,
) -> Response[Any]:
    """Members of the organizations you can read. Invite with /rpc/invite_member (a person becomes a member
    by accepting); change with /rpc/change_member_role and /rpc/remove_member.

    Args:
        org_id (str | Unset):
        user_id (str | Unset):
        role (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        prefer (PatchMembershipsPrefer | Unset):
        body (Memberships | Unset): Members of the organizations you can read. Invite with
            /rpc/invite_member (a person becomes a member by accepting); change with
            /rpc/change_member_role and /rpc/remove_member.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        org_id=org_id,
        user_id=user_id,
        role=role,
        created_at=created_at,
        updated_at=updated_at,
        prefer=prefer,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Memberships | Unset = UNSET,
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    role: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchMembershipsPrefer | Unset = UNSET,
) -> Response[Any]:
    """Members of the organizations you can read. Invite with /rpc/invite_member (a person becomes a member
    by accepting); change with /rpc/change_member_role and /rpc/remove_member.

    Args:
        org_id (str | Unset):
        user_id (str | Unset):
        role (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        prefer (PatchMembershipsPrefer | Unset):
        body (Memberships | Unset): Members of the organizations you can read. Invite with
            /rpc/invite_member (a person becomes a member by accepting); change with
            /rpc/change_member_role and /rpc/remove_member.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        org_id=org_id,
        user_id=user_id,
        role=role,
        created_at=created_at,
        updated_at=updated_at,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
