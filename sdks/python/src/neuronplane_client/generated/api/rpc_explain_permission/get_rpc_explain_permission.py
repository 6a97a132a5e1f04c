from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    resource_type: str,
    resource_id: UUID,
    permission: str,
    principal_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["resource_type"] = resource_type

    json_resource_id = str(resource_id)
    params["resource_id"] = json_resource_id

    params["permission"] = permission

    json_principal_id: str | Unset = UNSET
    if not isinstance(principal_id, Unset):
        json_principal_id = str(principal_id)
    params["principal_id"] = json_principal_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/explain_permission",
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
    resource_type: str,
    resource_id: UUID,
    permission: str,
    principal_id: UUID | Unset = UNSET,
) -> Response[Any]:
    """Why has_permission answers as it does: the principal's state, the API key, platform administration,
    each matching policy, ownership and membership, then the decision. Same rules on who may ask.
    Errors: 22023, 42501.

    Args:
        resource_type (str):
        resource_id (UUID):
        permission (str):
        principal_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        resource_type=resource_type,
        resource_id=resource_id,
        permission=permission,
        principal_id=principal_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    resource_type: str,
    resource_id: UUID,
    permission: str,
    principal_id: UUID | Unset = UNSET,
) -> Response[Any]:
    """Why has_permission answers as it does: the principal's state, the API key, platform administration,
    each matching policy, ownership and membership, then the decision. Same rules on who may ask.
    Errors: 22023, 42501.

    Args:
        resource_type (str):
        resource_id (UUID):
        permission (str):
        principal_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        resource_type=resource_type,
        resource_id=resource_id,
        permission=permission,
        principal_id=principal_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
