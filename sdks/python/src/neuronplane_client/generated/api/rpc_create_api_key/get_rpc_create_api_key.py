from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    name: str,
    roles: str | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    principal_id: UUID | Unset = UNSET,
    rate_limit_per_min: int | Unset = UNSET,
    expires_at: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["name"] = name

    params["roles"] = roles

    json_project_id: str | Unset = UNSET
    if not isinstance(project_id, Unset):
        json_project_id = str(project_id)
    params["project_id"] = json_project_id

    json_principal_id: str | Unset = UNSET
    if not isinstance(principal_id, Unset):
        json_principal_id = str(principal_id)
    params["principal_id"] = json_principal_id

    params["rate_limit_per_min"] = rate_limit_per_min

    params["expires_at"] = expires_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/create_api_key",
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
    name: str,
    roles: str | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    principal_id: UUID | Unset = UNSET,
    rate_limit_per_min: int | Unset = UNSET,
    expires_at: str | Unset = UNSET,
) -> Response[Any]:
    """Create an API key for yourself, or for a service account or agent you administer. Returns the key
    (npk_<prefix>_<secret>) once: it cannot be shown again. roles (admin, member, viewer, service)
    narrow what the key may do; project_id limits it to one project; name is 1 to 200 characters;
    rate_limit_per_min is 1 to 1000000 (default when left out); expires_at is in the future. Errors:
    42501, 22004 (no name), 22023.

    Args:
        name (str):
        roles (str | Unset):
        project_id (UUID | Unset):
        principal_id (UUID | Unset):
        rate_limit_per_min (int | Unset):
        expires_at (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        name=name,
        roles=roles,
        project_id=project_id,
        principal_id=principal_id,
        rate_limit_per_min=rate_limit_per_min,
        expires_at=expires_at,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    name: str,
    roles: str | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    principal_id: UUID | Unset = UNSET,
    rate_limit_per_min: int | Unset = UNSET,
    expires_at: str | Unset = UNSET,
) -> Response[Any]:
    """Create an API key for yourself, or for a service account or agent you administer. Returns the key
    (npk_<prefix>_<secret>) once: it cannot be shown again. roles (admin, member, viewer, service)
    narrow what the key may do; project_id limits it to one project; name is 1 to 200 characters;
    rate_limit_per_min is 1 to 1000000 (default when left out); expires_at is in the future. Errors:
    42501, 22004 (no name), 22023.

    Args:
        name (str):
        roles (str | Unset):
        project_id (UUID | Unset):
        principal_id (UUID | Unset):
        rate_limit_per_min (int | Unset):
        expires_at (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        name=name,
        roles=roles,
        project_id=project_id,
        principal_id=principal_id,
        rate_limit_per_min=rate_limit_per_min,
        expires_at=expires_at,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
