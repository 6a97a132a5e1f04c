from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.memberships import Memberships
from ...models.post_memberships_prefer import PostMembershipsPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: Memberships | Unset = UNSET,
    select: str | Unset = UNSET,
    prefer: PostMembershipsPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["select"] = select

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
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
    if response.status_code == 201:
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
    select: str | Unset = UNSET,
    prefer: PostMembershipsPrefer | Unset = UNSET,
) -> Response[Any]:
    """Members of the organizations you can read. Invite with /rpc/invite_member (a person becomes a member
    by accepting); change with /rpc/change_member_role and /rpc/remove_member.

    Args:
        select (str | Unset):
        prefer (PostMembershipsPrefer | Unset):
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
        select=select,
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
    select: str | Unset = UNSET,
    prefer: PostMembershipsPrefer | Unset = UNSET,
) -> Response[Any]:
    """Members of the organizations you can read. Invite with /rpc/invite_member (a person becomes a member
    by accepting); change with /rpc/change_member_role and /rpc/remove_member.

    Args:
        select (str | Unset):
        prefer (PostMembershipsPrefer | Unset):
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
        select=select,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
