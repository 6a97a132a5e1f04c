from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.organizations import Organizations
from ...models.patch_organizations_prefer import PatchOrganizationsPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: Organizations | Unset = UNSET,
    id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    slug: str | Unset = UNSET,
    metadata: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchOrganizationsPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["id"] = id

    params["name"] = name

    params["slug"] = slug

    params["metadata"] = metadata

    params["created_at"] = created_at

    params["updated_at"] = updated_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/organizations",
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
    body: Organizations | Unset = UNSET,
    id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    slug: str | Unset = UNSET,
    metadata: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchOrganizationsPrefer | Unset = UNSET,
) -> Response[Any]:
    """Organizations you belong to or were granted (platform administrators see all). Owners and admins may
    PATCH name and metadata. Create with POST /rpc/create_organization.

    Args:
        id (str | Unset):
        name (str | Unset):
        slug (str | Unset):
        metadata (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        prefer (PatchOrganizationsPrefer | Unset):
        body (Organizations | Unset): Organizations you belong to or were granted (platform
            administrators see all). Owners and admins may PATCH name and metadata. Create with POST
            /rpc/create_organization.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        id=id,
        name=name,
        slug=slug,
        metadata=metadata,
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
    body: Organizations | Unset = UNSET,
    id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    slug: str | Unset = UNSET,
    metadata: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchOrganizationsPrefer | Unset = UNSET,
) -> Response[Any]:
    """Organizations you belong to or were granted (platform administrators see all). Owners and admins may
    PATCH name and metadata. Create with POST /rpc/create_organization.

    Args:
        id (str | Unset):
        name (str | Unset):
        slug (str | Unset):
        metadata (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        prefer (PatchOrganizationsPrefer | Unset):
        body (Organizations | Unset): Organizations you belong to or were granted (platform
            administrators see all). Owners and admins may PATCH name and metadata. Create with POST
            /rpc/create_organization.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        id=id,
        name=name,
        slug=slug,
        metadata=metadata,
        created_at=created_at,
        updated_at=updated_at,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
