from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.patch_projects_prefer import PatchProjectsPrefer
from ...models.projects import Projects
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: Projects | Unset = UNSET,
    id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    description: str | Unset = UNSET,
    neurondb_dsn: str | Unset = UNSET,
    has_dsn_password: str | Unset = UNSET,
    mcp_config: str | Unset = UNSET,
    agent_endpoint: str | Unset = UNSET,
    metadata: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchProjectsPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["id"] = id

    params["org_id"] = org_id

    params["user_id"] = user_id

    params["name"] = name

    params["description"] = description

    params["neurondb_dsn"] = neurondb_dsn

    params["has_dsn_password"] = has_dsn_password

    params["mcp_config"] = mcp_config

    params["agent_endpoint"] = agent_endpoint

    params["metadata"] = metadata

    params["created_at"] = created_at

    params["updated_at"] = updated_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/projects",
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
    body: Projects | Unset = UNSET,
    id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    description: str | Unset = UNSET,
    neurondb_dsn: str | Unset = UNSET,
    has_dsn_password: str | Unset = UNSET,
    mcp_config: str | Unset = UNSET,
    agent_endpoint: str | Unset = UNSET,
    metadata: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchProjectsPrefer | Unset = UNSET,
) -> Response[Any]:
    """Projects (the desktop's profiles) you may read. Create with POST /rpc/create_project (or POST here
    with Prefer: return=minimal); PATCH needs write, DELETE needs admin on the project. A password
    inside neurondb_dsn is stored encrypted and never shown.

    Args:
        id (str | Unset):
        org_id (str | Unset):
        user_id (str | Unset):
        name (str | Unset):
        description (str | Unset):
        neurondb_dsn (str | Unset):
        has_dsn_password (str | Unset):
        mcp_config (str | Unset):
        agent_endpoint (str | Unset):
        metadata (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        prefer (PatchProjectsPrefer | Unset):
        body (Projects | Unset): Projects (the desktop's profiles) you may read. Create with POST
            /rpc/create_project (or POST here with Prefer: return=minimal); PATCH needs write, DELETE
            needs admin on the project. A password inside neurondb_dsn is stored encrypted and never
            shown.

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
        user_id=user_id,
        name=name,
        description=description,
        neurondb_dsn=neurondb_dsn,
        has_dsn_password=has_dsn_password,
        mcp_config=mcp_config,
        agent_endpoint=agent_endpoint,
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
    body: Projects | Unset = UNSET,
    id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    description: str | Unset = UNSET,
    neurondb_dsn: str | Unset = UNSET,
    has_dsn_password: str | Unset = UNSET,
    mcp_config: str | Unset = UNSET,
    agent_endpoint: str | Unset = UNSET,
    metadata: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchProjectsPrefer | Unset = UNSET,
) -> Response[Any]:
    """Projects (the desktop's profiles) you may read. Create with POST /rpc/create_project (or POST here
    with Prefer: return=minimal); PATCH needs write, DELETE needs admin on the project. A password
    inside neurondb_dsn is stored encrypted and never shown.

    Args:
        id (str | Unset):
        org_id (str | Unset):
        user_id (str | Unset):
        name (str | Unset):
        description (str | Unset):
        neurondb_dsn (str | Unset):
        has_dsn_password (str | Unset):
        mcp_config (str | Unset):
        agent_endpoint (str | Unset):
        metadata (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        prefer (PatchProjectsPrefer | Unset):
        body (Projects | Unset): Projects (the desktop's profiles) you may read. Create with POST
            /rpc/create_project (or POST here with Prefer: return=minimal); PATCH needs write, DELETE
            needs admin on the project. A password inside neurondb_dsn is stored encrypted and never
            shown.

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
        user_id=user_id,
        name=name,
        description=description,
        neurondb_dsn=neurondb_dsn,
        has_dsn_password=has_dsn_password,
        mcp_config=mcp_config,
        agent_endpoint=agent_endpoint,
        metadata=metadata,
        created_at=created_at,
        updated_at=updated_at,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
