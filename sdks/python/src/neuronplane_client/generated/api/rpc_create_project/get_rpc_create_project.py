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
    org_id: UUID | Unset = UNSET,
    description: str | Unset = UNSET,
    neurondb_dsn: str | Unset = UNSET,
    mcp_config: str | Unset = UNSET,
    agent_endpoint: str | Unset = UNSET,
    metadata: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["name"] = name

    json_org_id: str | Unset = UNSET
    if not isinstance(org_id, Unset):
        json_org_id = str(org_id)
    params["org_id"] = json_org_id

    params["description"] = description

    params["neurondb_dsn"] = neurondb_dsn

    params["mcp_config"] = mcp_config

    params["agent_endpoint"] = agent_endpoint

    params["metadata"] = metadata

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/create_project",
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
    org_id: UUID | Unset = UNSET,
    description: str | Unset = UNSET,
    neurondb_dsn: str | Unset = UNSET,
    mcp_config: str | Unset = UNSET,
    agent_endpoint: str | Unset = UNSET,
    metadata: str | Unset = UNSET,
) -> Response[Any]:
    """Create a project (profile): in an organization (needs write on it) or, without org_id, your own. A
    password in neurondb_dsn is stored encrypted. Errors: 42501, 23505 name taken, 22023 bad mcp_config,
    23514 invalid field.

    Args:
        name (str):
        org_id (UUID | Unset):
        description (str | Unset):
        neurondb_dsn (str | Unset):
        mcp_config (str | Unset):
        agent_endpoint (str | Unset):
        metadata (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        name=name,
        org_id=org_id,
        description=description,
        neurondb_dsn=neurondb_dsn,
        mcp_config=mcp_config,
        agent_endpoint=agent_endpoint,
        metadata=metadata,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    name: str,
    org_id: UUID | Unset = UNSET,
    description: str | Unset = UNSET,
    neurondb_dsn: str | Unset = UNSET,
    mcp_config: str | Unset = UNSET,
    agent_endpoint: str | Unset = UNSET,
    metadata: str | Unset = UNSET,
) -> Response[Any]:
    """Create a project (profile): in an organization (needs write on it) or, without org_id, your own. A
    password in neurondb_dsn is stored encrypted. Errors: 42501, 23505 name taken, 22023 bad mcp_config,
    23514 invalid field.

    Args:
        name (str):
        org_id (UUID | Unset):
        description (str | Unset):
        neurondb_dsn (str | Unset):
        mcp_config (str | Unset):
        agent_endpoint (str | Unset):
        metadata (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        name=name,
        org_id=org_id,
        description=description,
        neurondb_dsn=neurondb_dsn,
        mcp_config=mcp_config,
        agent_endpoint=agent_endpoint,
        metadata=metadata,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
