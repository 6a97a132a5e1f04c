from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.db_health import DbHealth
from ...models.get_db_health_prefer import GetDbHealthPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    server_version: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    uptime: str | Unset = UNSET,
    database_name: str | Unset = UNSET,
    database_size_bytes: str | Unset = UNSET,
    connections: str | Unset = UNSET,
    max_connections: str | Unset = UNSET,
    connections_by_state: str | Unset = UNSET,
    cache_hit_ratio: str | Unset = UNSET,
    commits: str | Unset = UNSET,
    rollbacks: str | Unset = UNSET,
    deadlocks: str | Unset = UNSET,
    longest_transaction_seconds: str | Unset = UNSET,
    is_replica: str | Unset = UNSET,
    replicas: str | Unset = UNSET,
    replication_lag_seconds: str | Unset = UNSET,
    xid_age: str | Unset = UNSET,
    xid_wraparound_headroom: str | Unset = UNSET,
    checked_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetDbHealthPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    if not isinstance(range_unit, Unset):
        headers["Range-Unit"] = range_unit

    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["server_version"] = server_version

    params["started_at"] = started_at

    params["uptime"] = uptime

    params["database_name"] = database_name

    params["database_size_bytes"] = database_size_bytes

    params["connections"] = connections

    params["max_connections"] = max_connections

    params["connections_by_state"] = connections_by_state

    params["cache_hit_ratio"] = cache_hit_ratio

    params["commits"] = commits

    params["rollbacks"] = rollbacks

    params["deadlocks"] = deadlocks

    params["longest_transaction_seconds"] = longest_transaction_seconds

    params["is_replica"] = is_replica

    params["replicas"] = replicas

    params["replication_lag_seconds"] = replication_lag_seconds

    params["xid_age"] = xid_age

    params["xid_wraparound_headroom"] = xid_wraparound_headroom

    params["checked_at"] = checked_at

    params["select"] = select

    params["order"] = order

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/db_health",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[DbHealth] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = DbHealth.from_dict(response_200_item_data)

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
) -> Response[Any | list[DbHealth]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    server_version: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    uptime: str | Unset = UNSET,
    database_name: str | Unset = UNSET,
    database_size_bytes: str | Unset = UNSET,
    connections: str | Unset = UNSET,
    max_connections: str | Unset = UNSET,
    connections_by_state: str | Unset = UNSET,
    cache_hit_ratio: str | Unset = UNSET,
    commits: str | Unset = UNSET,
    rollbacks: str | Unset = UNSET,
    deadlocks: str | Unset = UNSET,
    longest_transaction_seconds: str | Unset = UNSET,
    is_replica: str | Unset = UNSET,
    replicas: str | Unset = UNSET,
    replication_lag_seconds: str | Unset = UNSET,
    xid_age: str | Unset = UNSET,
    xid_wraparound_headroom: str | Unset = UNSET,
    checked_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetDbHealthPrefer | Unset = UNSET,
) -> Response[Any | list[DbHealth]]:
    """Database health, one row: server version, uptime, database size, client connections by state against
    max_connections, cache hit ratio, commits, rollbacks, deadlocks, the longest running transaction,
    replication lag (NULL without replicas), transaction-id wraparound headroom. For platform
    administrators and organization owners/admins (42501 otherwise).

    Args:
        server_version (str | Unset):
        started_at (str | Unset):
        uptime (str | Unset):
        database_name (str | Unset):
        database_size_bytes (str | Unset):
        connections (str | Unset):
        max_connections (str | Unset):
        connections_by_state (str | Unset):
        cache_hit_ratio (str | Unset):
        commits (str | Unset):
        rollbacks (str | Unset):
        deadlocks (str | Unset):
        longest_transaction_seconds (str | Unset):
        is_replica (str | Unset):
        replicas (str | Unset):
        replication_lag_seconds (str | Unset):
        xid_age (str | Unset):
        xid_wraparound_headroom (str | Unset):
        checked_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetDbHealthPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[DbHealth]]
    """

    kwargs = _get_kwargs(
        server_version=server_version,
        started_at=started_at,
        uptime=uptime,
        database_name=database_name,
        database_size_bytes=database_size_bytes,
        connections=connections,
        max_connections=max_connections,
        connections_by_state=connections_by_state,
        cache_hit_ratio=cache_hit_ratio,
        commits=commits,
        rollbacks=rollbacks,
        deadlocks=deadlocks,
        longest_transaction_seconds=longest_transaction_seconds,
        is_replica=is_replica,
        replicas=replicas,
        replication_lag_seconds=replication_lag_seconds,
        xid_age=xid_age,
        xid_wraparound_headroom=xid_wraparound_headroom,
        checked_at=checked_at,
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
    server_version: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    uptime: str | Unset = UNSET,
    database_name: str | Unset = UNSET,
    database_size_bytes: str | Unset = UNSET,
    connections: str | Unset = UNSET,
    max_connections: str | Unset = UNSET,
    connections_by_state: str | Unset = UNSET,
    cache_hit_ratio: str | Unset = UNSET,
    commits: str | Unset = UNSET,
    rollbacks: str | Unset = UNSET,
    deadlocks: str | Unset = UNSET,
    longest_transaction_seconds: str | Unset = UNSET,
    is_replica: str | Unset = UNSET,
    replicas: str | Unset = UNSET,
    replication_lag_seconds: str | Unset = UNSET,
    xid_age: str | Unset = UNSET,
    xid_wraparound_headroom: str | Unset = UNSET,
    checked_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetDbHealthPrefer | Unset = UNSET,
) -> Any | list[DbHealth] | None:
    """Database health, one row: server version, uptime, database size, client connections by state against
    max_connections, cache hit ratio, commits, rollbacks, deadlocks, the longest running transaction,
    replication lag (NULL without replicas), transaction-id wraparound headroom. For platform
    administrators and organization owners/admins (42501 otherwise).

    Args:
        server_version (str | Unset):
        started_at (str | Unset):
        uptime (str | Unset):
        database_name (str | Unset):
        database_size_bytes (str | Unset):
        connections (str | Unset):
        max_connections (str | Unset):
        connections_by_state (str | Unset):
        cache_hit_ratio (str | Unset):
        commits (str | Unset):
        rollbacks (str | Unset):
        deadlocks (str | Unset):
        longest_transaction_seconds (str | Unset):
        is_replica (str | Unset):
        replicas (str | Unset):
        replication_lag_seconds (str | Unset):
        xid_age (str | Unset):
        xid_wraparound_headroom (str | Unset):
        checked_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetDbHealthPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[DbHealth]
    """

    return sync_detailed(
        client=client,
        server_version=server_version,
        started_at=started_at,
        uptime=uptime,
        database_name=database_name,
        database_size_bytes=database_size_bytes,
        connections=connections,
        max_connections=max_connections,
        connections_by_state=connections_by_state,
        cache_hit_ratio=cache_hit_ratio,
        commits=commits,
        rollbacks=rollbacks,
        deadlocks=deadlocks,
        longest_transaction_seconds=longest_transaction_seconds,
        is_replica=is_replica,
        replicas=replicas,
        replication_lag_seconds=replication_lag_seconds,
        xid_age=xid_age,
        xid_wraparound_headroom=xid_wraparound_headroom,
        checked_at=checked_at,
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
    server_version: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    uptime: str | Unset = UNSET,
    database_name: str | Unset = UNSET,
    database_size_bytes: str | Unset = UNSET,
    connections: str | Unset = UNSET,
    max_connections: str | Unset = UNSET,
    connections_by_state: str | Unset = UNSET,
    cache_hit_ratio: str | Unset = UNSET,
    commits: str | Unset = UNSET,
    rollbacks: str | Unset = UNSET,
    deadlocks: str | Unset = UNSET,
    longest_transaction_seconds: str | Unset = UNSET,
    is_replica: str | Unset = UNSET,
    replicas: str | Unset = UNSET,
    replication_lag_seconds: str | Unset = UNSET,
    xid_age: str | Unset = UNSET,
    xid_wraparound_headroom: str | Unset = UNSET,
    checked_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetDbHealthPrefer | Unset = UNSET,
) -> Response[Any | list[DbHealth]]:
    """Database health, one row: server version, uptime, database size, client connections by state against
    max_connections, cache hit ratio, commits, rollbacks, deadlocks, the longest running transaction,
    replication lag (NULL without replicas), transaction-id wraparound headroom. For platform
    administrators and organization owners/admins (42501 otherwise).

    Args:
        server_version (str | Unset):
        started_at (str | Unset):
        uptime (str | Unset):
        database_name (str | Unset):
        database_size_bytes (str | Unset):
        connections (str | Unset):
        max_connections (str | Unset):
        connections_by_state (str | Unset):
        cache_hit_ratio (str | Unset):
        commits (str | Unset):
        rollbacks (str | Unset):
        deadlocks (str | Unset):
        longest_transaction_seconds (str | Unset):
        is_replica (str | Unset):
        replicas (str | Unset):
        replication_lag_seconds (str | Unset):
        xid_age (str | Unset):
        xid_wraparound_headroom (str | Unset):
        checked_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetDbHealthPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[DbHealth]]
    """

    kwargs = _get_kwargs(
        server_version=server_version,
        started_at=started_at,
        uptime=uptime,
        database_name=database_name,
        database_size_bytes=database_size_bytes,
        connections=connections,
        max_connections=max_connections,
        connections_by_state=connections_by_state,
        cache_hit_ratio=cache_hit_ratio,
        commits=commits,
        rollbacks=rollbacks,
        deadlocks=deadlocks,
        longest_transaction_seconds=longest_transaction_seconds,
        is_replica=is_replica,
        replicas=replicas,
        replication_lag_seconds=replication_lag_seconds,
        xid_age=xid_age,
        xid_wraparound_headroom=xid_wraparound_headroom,
        checked_at=checked_at,
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
    server_version: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    uptime: str | Unset = UNSET,
    database_name: str | Unset = UNSET,
    database_size_bytes: str | Unset = UNSET,
    connections: str | Unset = UNSET,
    max_connections: str | Unset = UNSET,
    connections_by_state: str | Unset = UNSET,
    cache_hit_ratio: str | Unset = UNSET,
    commits: str | Unset = UNSET,
    rollbacks: str | Unset = UNSET,
    deadlocks: str | Unset = UNSET,
    longest_transaction_seconds: str | Unset = UNSET,
    is_replica: str | Unset = UNSET,
    replicas: str | Unset = UNSET,
    replication_lag_seconds: str | Unset = UNSET,
    xid_age: str | Unset = UNSET,
    xid_wraparound_headroom: str | Unset = UNSET,
    checked_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetDbHealthPrefer | Unset = UNSET,
) -> Any | list[DbHealth] | None:
    """Database health, one row: server version, uptime, database size, client connections by state against
    max_connections, cache hit ratio, commits, rollbacks, deadlocks, the longest running transaction,
    replication lag (NULL without replicas), transaction-id wraparound headroom. For platform
    administrators and organization owners/admins (42501 otherwise).

    Args:
        server_version (str | Unset):
        started_at (str | Unset):
        uptime (str | Unset):
        database_name (str | Unset):
        database_size_bytes (str | Unset):
        connections (str | Unset):
        max_connections (str | Unset):
        connections_by_state (str | Unset):
        cache_hit_ratio (str | Unset):
        commits (str | Unset):
        rollbacks (str | Unset):
        deadlocks (str | Unset):
        longest_transaction_seconds (str | Unset):
        is_replica (str | Unset):
        replicas (str | Unset):
        replication_lag_seconds (str | Unset):
        xid_age (str | Unset):
        xid_wraparound_headroom (str | Unset):
        checked_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetDbHealthPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[DbHealth]
    """

    return (
        await asyncio_detailed(
            client=client,
            server_version=server_version,
            started_at=started_at,
            uptime=uptime,
            database_name=database_name,
            database_size_bytes=database_size_bytes,
            connections=connections,
            max_connections=max_connections,
            connections_by_state=connections_by_state,
            cache_hit_ratio=cache_hit_ratio,
            commits=commits,
            rollbacks=rollbacks,
            deadlocks=deadlocks,
            longest_transaction_seconds=longest_transaction_seconds,
            is_replica=is_replica,
            replicas=replicas,
            replication_lag_seconds=replication_lag_seconds,
            xid_age=xid_age,
            xid_wraparound_headroom=xid_wraparound_headroom,
            checked_at=checked_at,
            select=select,
            order=order,
            offset=offset,
            limit=limit,
            range_=range_,
            range_unit=range_unit,
            prefer=prefer,
        )
    ).parsed
