from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_workers_prefer import GetWorkersPrefer
from ...models.workers import Workers
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: str | Unset = UNSET,
    name: str | Unset = UNSET,
    state: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    last_seen_at: str | Unset = UNSET,
    details: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetWorkersPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    if not isinstance(range_unit, Unset):
        headers["Range-Unit"] = range_unit

    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["kind"] = kind

    params["name"] = name

    params["state"] = state

    params["started_at"] = started_at

    params["last_seen_at"] = last_seen_at

    params["details"] = details

    params["select"] = select

    params["order"] = order

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/workers",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[Workers] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Workers.from_dict(response_200_item_data)

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
) -> Response[Any | list[Workers]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: str | Unset = UNSET,
    name: str | Unset = UNSET,
    state: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    last_seen_at: str | Unset = UNSET,
    details: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetWorkersPrefer | Unset = UNSET,
) -> Response[Any | list[Workers]]:
    """Background work: PostgreSQL background workers and neuronplane's processes (from pg_stat_activity,
    kind background_worker / application), pg_cron's scheduler jobs with their last run (kind
    scheduler_job), and the ingestion workers by their heartbeats (kind ingest_worker: busy, idle, stale
    or stopped in the last day). For platform administrators and organization owners/admins (42501
    otherwise).

    Args:
        kind (str | Unset):
        name (str | Unset):
        state (str | Unset):
        started_at (str | Unset):
        last_seen_at (str | Unset):
        details (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetWorkersPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[Workers]]
    """

    kwargs = _get_kwargs(
        kind=kind,
        name=name,
        state=state,
        started_at=started_at,
        last_seen_at=last_seen_at,
        details=details,
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
    kind: str | Unset = UNSET,
    name: str | Unset = UNSET,
    state: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    last_seen_at: str | Unset = UNSET,
    details: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetWorkersPrefer | Unset = UNSET,
) -> Any | list[Workers] | None:
    """Background work: PostgreSQL background workers and neuronplane's processes (from pg_stat_activity,
    kind background_worker / application), pg_cron's scheduler jobs with their last run (kind
    scheduler_job), and the ingestion workers by their heartbeats (kind ingest_worker: busy, idle, stale
    or stopped in the last day). For platform administrators and organization owners/admins (42501
    otherwise).

    Args:
        kind (str | Unset):
        name (str | Unset):
        state (str | Unset):
        started_at (str | Unset):
        last_seen_at (str | Unset):
        details (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetWorkersPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[Workers]
    """

    return sync_detailed(
        client=client,
        kind=kind,
        name=name,
        state=state,
        started_at=started_at,
        last_seen_at=last_seen_at,
        details=details,
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
    kind: str | Unset = UNSET,
    name: str | Unset = UNSET,
    state: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    last_seen_at: str | Unset = UNSET,
    details: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetWorkersPrefer | Unset = UNSET,
) -> Response[Any | list[Workers]]:
    """Background work: PostgreSQL background workers and neuronplane's processes (from pg_stat_activity,
    kind background_worker / application), pg_cron's scheduler jobs with their last run (kind
    scheduler_job), and the ingestion workers by their heartbeats (kind ingest_worker: busy, idle, stale
    or stopped in the last day). For platform administrators and organization owners/admins (42501
    otherwise).

    Args:
        kind (str | Unset):
        name (str | Unset):
        state (str | Unset):
        started_at (str | Unset):
        last_seen_at (str | Unset):
        details (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetWorkersPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[Workers]]
    """

    kwargs = _get_kwargs(
        kind=kind,
        name=name,
        state=state,
        started_at=started_at,
        last_seen_at=last_seen_at,
        details=details,
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
    kind: str | Unset = UNSET,
    name: str | Unset = UNSET,
    state: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    last_seen_at: str | Unset = UNSET,
    details: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetWorkersPrefer | Unset = UNSET,
) -> Any | list[Workers] | None:
    """Background work: PostgreSQL background workers and neuronplane's processes (from pg_stat_activity,
    kind background_worker / application), pg_cron's scheduler jobs with their last run (kind
    scheduler_job), and the ingestion workers by their heartbeats (kind ingest_worker: busy, idle, stale
    or stopped in the last day). For platform administrators and organization owners/admins (42501
    otherwise).

    Args:
        kind (str | Unset):
        name (str | Unset):
        state (str | Unset):
        started_at (str | Unset):
        last_seen_at (str | Unset):
        details (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetWorkersPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[Workers]
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            name=name,
            state=state,
            started_at=started_at,
            last_seen_at=last_seen_at,
            details=details,
            select=select,
            order=order,
            offset=offset,
            limit=limit,
            range_=range_,
            range_unit=range_unit,
            prefer=prefer,
        )
    ).parsed
