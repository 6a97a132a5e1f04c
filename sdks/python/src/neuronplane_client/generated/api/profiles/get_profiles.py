from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_profiles_prefer import GetProfilesPrefer
from ...models.profiles import Profiles
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    description: str | Unset = UNSET,
    neurondb_dsn: str | Unset = UNSET,
    has_dsn_password: str | Unset = UNSET,
    mcp_config: str | Unset = UNSET,
    agent_endpoint: str | Unset = UNSET,
    has_agent_api_key: str | Unset = UNSET,
    agent_api_key_last4: str | Unset = UNSET,
    metadata: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetProfilesPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    if not isinstance(range_unit, Unset):
        headers["Range-Unit"] = range_unit

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

    params["has_agent_api_key"] = has_agent_api_key

    params["agent_api_key_last4"] = agent_api_key_last4

    params["metadata"] = metadata

    params["created_at"] = created_at

    params["updated_at"] = updated_at

    params["select"] = select

    params["order"] = order

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/profiles",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[Profiles] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Profiles.from_dict(response_200_item_data)

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
) -> Response[Any | list[Profiles]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    description: str | Unset = UNSET,
    neurondb_dsn: str | Unset = UNSET,
    has_dsn_password: str | Unset = UNSET,
    mcp_config: str | Unset = UNSET,
    agent_endpoint: str | Unset = UNSET,
    has_agent_api_key: str | Unset = UNSET,
    agent_api_key_last4: str | Unset = UNSET,
    metadata: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetProfilesPrefer | Unset = UNSET,
) -> Response[Any | list[Profiles]]:
    """The desktop's profiles: the projects you may read with their NeuronDB connection, MCP server and
    agent, and whether an agent API key is stored (only its last four characters are shown). Create with
    POST /rpc/create_profile; change the project through /projects.

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
        has_agent_api_key (str | Unset):
        agent_api_key_last4 (str | Unset):
        metadata (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetProfilesPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[Profiles]]
    """

    kwargs = _get_kwargs(
        id=id,
        org_id=org_id,
        user_id=user_id,
        name=name,
        description=description,
        neurondb_dsn=neurondb_dsn,
        has_dsn_password=has_dsn_password,
        mcp_config=mcp_config,
        agent_endpoint=agent_endpoint,
        has_agent_api_key=has_agent_api_key,
        agent_api_key_last4=agent_api_key_last4,
        metadata=metadata,
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
    id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    description: str | Unset = UNSET,
    neurondb_dsn: str | Unset = UNSET,
    has_dsn_password: str | Unset = UNSET,
    mcp_config: str | Unset = UNSET,
    agent_endpoint: str | Unset = UNSET,
    has_agent_api_key: str | Unset = UNSET,
    agent_api_key_last4: str | Unset = UNSET,
    metadata: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetProfilesPrefer | Unset = UNSET,
) -> Any | list[Profiles] | None:
    """The desktop's profiles: the projects you may read with their NeuronDB connection, MCP server and
    agent, and whether an agent API key is stored (only its last four characters are shown). Create with
    POST /rpc/create_profile; change the project through /projects.

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
        has_agent_api_key (str | Unset):
        agent_api_key_last4 (str | Unset):
        metadata (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetProfilesPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[Profiles]
    """

    return sync_detailed(
        client=client,
        id=id,
        org_id=org_id,
        user_id=user_id,
        name=name,
        description=description,
        neurondb_dsn=neurondb_dsn,
        has_dsn_password=has_dsn_password,
        mcp_config=mcp_config,
        agent_endpoint=agent_endpoint,
        has_agent_api_key=has_agent_api_key,
        agent_api_key_last4=agent_api_key_last4,
        metadata=metadata,
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
    id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    description: str | Unset = UNSET,
    neurondb_dsn: str | Unset = UNSET,
    has_dsn_password: str | Unset = UNSET,
    mcp_config: str | Unset = UNSET,
    agent_endpoint: str | Unset = UNSET,
    has_agent_api_key: str | Unset = UNSET,
    agent_api_key_last4: str | Unset = UNSET,
    metadata: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetProfilesPrefer | Unset = UNSET,
) -> Response[Any | list[Profiles]]:
    """The desktop's profiles: the projects you may read with their NeuronDB connection, MCP server and
    agent, and whether an agent API key is stored (only its last four characters are shown). Create with
    POST /rpc/create_profile; change the project through /projects.

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
        has_agent_api_key (str | Unset):
        agent_api_key_last4 (str | Unset):
        metadata (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetProfilesPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[Profiles]]
    """

    kwargs = _get_kwargs(
        id=id,
        org_id=org_id,
        user_id=user_id,
        name=name,
        description=description,
        neurondb_dsn=neurondb_dsn,
        has_dsn_password=has_dsn_password,
        mcp_config=mcp_config,
        agent_endpoint=agent_endpoint,
        has_agent_api_key=has_agent_api_key,
        agent_api_key_last4=agent_api_key_last4,
        metadata=metadata,
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
    id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    description: str | Unset = UNSET,
    neurondb_dsn: str | Unset = UNSET,
    has_dsn_password: str | Unset = UNSET,
    mcp_config: str | Unset = UNSET,
    agent_endpoint: str | Unset = UNSET,
    has_agent_api_key: str | Unset = UNSET,
    agent_api_key_last4: str | Unset = UNSET,
    metadata: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetProfilesPrefer | Unset = UNSET,
) -> Any | list[Profiles] | None:
    """The desktop's profiles: the projects you may read with their NeuronDB connection, MCP server and
    agent, and whether an agent API key is stored (only its last four characters are shown). Create with
    POST /rpc/create_profile; change the project through /projects.

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
        has_agent_api_key (str | Unset):
        agent_api_key_last4 (str | Unset):
        metadata (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetProfilesPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[Profiles]
    """

    return (
        await asyncio_detailed(
            client=client,
            id=id,
            org_id=org_id,
            user_id=user_id,
            name=name,
            description=description,
            neurondb_dsn=neurondb_dsn,
            has_dsn_password=has_dsn_password,
            mcp_config=mcp_config,
            agent_endpoint=agent_endpoint,
            has_agent_api_key=has_agent_api_key,
            agent_api_key_last4=agent_api_key_last4,
            metadata=metadata,
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
