from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_ingest_jobs_prefer import GetIngestJobsPrefer
from ...models.ingest_jobs import IngestJobs
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    dataset_id: str | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    if_exists: str | Unset = UNSET,
    source_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    format_: str | Unset = UNSET,
    detected_format: str | Unset = UNSET,
    options: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
    index_config: str | Unset = UNSET,
    has_credentials: str | Unset = UNSET,
    status: str | Unset = UNSET,
    phase: str | Unset = UNSET,
    rows_done: str | Unset = UNSET,
    rows_total: str | Unset = UNSET,
    bytes_done: str | Unset = UNSET,
    bytes_total: str | Unset = UNSET,
    embed_done: str | Unset = UNSET,
    embed_total: str | Unset = UNSET,
    error: str | Unset = UNSET,
    worker_id: str | Unset = UNSET,
    attempt: str | Unset = UNSET,
    heartbeat_at: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    finished_at: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetIngestJobsPrefer | Unset = UNSET,
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

    params["project_id"] = project_id

    params["dataset_id"] = dataset_id

    params["dataset_name"] = dataset_name

    params["if_exists"] = if_exists

    params["source_type"] = source_type

    params["source"] = source

    params["format"] = format_

    params["detected_format"] = detected_format

    params["options"] = options

    params["embedding"] = embedding

    params["index_config"] = index_config

    params["has_credentials"] = has_credentials

    params["status"] = status

    params["phase"] = phase

    params["rows_done"] = rows_done

    params["rows_total"] = rows_total

    params["bytes_done"] = bytes_done

    params["bytes_total"] = bytes_total

    params["embed_done"] = embed_done

    params["embed_total"] = embed_total

    params["error"] = error

    params["worker_id"] = worker_id

    params["attempt"] = attempt

    params["heartbeat_at"] = heartbeat_at

    params["started_at"] = started_at

    params["finished_at"] = finished_at

    params["created_by"] = created_by

    params["created_at"] = created_at

    params["updated_at"] = updated_at

    params["select"] = select

    params["order"] = order

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ingest_jobs",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[IngestJobs] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = IngestJobs.from_dict(response_200_item_data)

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
) -> Response[Any | list[IngestJobs]]:
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
    project_id: str | Unset = UNSET,
    dataset_id: str | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    if_exists: str | Unset = UNSET,
    source_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    format_: str | Unset = UNSET,
    detected_format: str | Unset = UNSET,
    options: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
    index_config: str | Unset = UNSET,
    has_credentials: str | Unset = UNSET,
    status: str | Unset = UNSET,
    phase: str | Unset = UNSET,
    rows_done: str | Unset = UNSET,
    rows_total: str | Unset = UNSET,
    bytes_done: str | Unset = UNSET,
    bytes_total: str | Unset = UNSET,
    embed_done: str | Unset = UNSET,
    embed_total: str | Unset = UNSET,
    error: str | Unset = UNSET,
    worker_id: str | Unset = UNSET,
    attempt: str | Unset = UNSET,
    heartbeat_at: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    finished_at: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetIngestJobsPrefer | Unset = UNSET,
) -> Response[Any | list[IngestJobs]]:
    """Dataset ingestion jobs of the projects you may read, newest first with ?order=created_at.desc; one
    job: ?id=eq.<id>. Start with /rpc/start_ingest, cancel with /rpc/cancel_ingest.

    Args:
        id (str | Unset):
        project_id (str | Unset):
        dataset_id (str | Unset):
        dataset_name (str | Unset):
        if_exists (str | Unset):
        source_type (str | Unset):
        source (str | Unset):
        format_ (str | Unset):
        detected_format (str | Unset):
        options (str | Unset):
        embedding (str | Unset):
        index_config (str | Unset):
        has_credentials (str | Unset):
        status (str | Unset):
        phase (str | Unset):
        rows_done (str | Unset):
        rows_total (str | Unset):
        bytes_done (str | Unset):
        bytes_total (str | Unset):
        embed_done (str | Unset):
        embed_total (str | Unset):
        error (str | Unset):
        worker_id (str | Unset):
        attempt (str | Unset):
        heartbeat_at (str | Unset):
        started_at (str | Unset):
        finished_at (str | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetIngestJobsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[IngestJobs]]
    """

    kwargs = _get_kwargs(
        id=id,
        project_id=project_id,
        dataset_id=dataset_id,
        dataset_name=dataset_name,
        if_exists=if_exists,
        source_type=source_type,
        source=source,
        format_=format_,
        detected_format=detected_format,
        options=options,
        embedding=embedding,
        index_config=index_config,
        has_credentials=has_credentials,
        status=status,
        phase=phase,
        rows_done=rows_done,
        rows_total=rows_total,
        bytes_done=bytes_done,
        bytes_total=bytes_total,
        embed_done=embed_done,
        embed_total=embed_total,
        error=error,
        worker_id=worker_id,
        attempt=attempt,
        heartbeat_at=heartbeat_at,
        started_at=started_at,
        finished_at=finished_at,
        created_by=created_by,
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
    project_id: str | Unset = UNSET,
    dataset_id: str | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    if_exists: str | Unset = UNSET,
    source_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    format_: str | Unset = UNSET,
    detected_format: str | Unset = UNSET,
    options: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
    index_config: str | Unset = UNSET,
    has_credentials: str | Unset = UNSET,
    status: str | Unset = UNSET,
    phase: str | Unset = UNSET,
    rows_done: str | Unset = UNSET,
    rows_total: str | Unset = UNSET,
    bytes_done: str | Unset = UNSET,
    bytes_total: str | Unset = UNSET,
    embed_done: str | Unset = UNSET,
    embed_total: str | Unset = UNSET,
    error: str | Unset = UNSET,
    worker_id: str | Unset = UNSET,
    attempt: str | Unset = UNSET,
    heartbeat_at: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    finished_at: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetIngestJobsPrefer | Unset = UNSET,
) -> Any | list[IngestJobs] | None:
    """Dataset ingestion jobs of the projects you may read, newest first with ?order=created_at.desc; one
    job: ?id=eq.<id>. Start with /rpc/start_ingest, cancel with /rpc/cancel_ingest.

    Args:
        id (str | Unset):
        project_id (str | Unset):
        dataset_id (str | Unset):
        dataset_name (str | Unset):
        if_exists (str | Unset):
        source_type (str | Unset):
        source (str | Unset):
        format_ (str | Unset):
        detected_format (str | Unset):
        options (str | Unset):
        embedding (str | Unset):
        index_config (str | Unset):
        has_credentials (str | Unset):
        status (str | Unset):
        phase (str | Unset):
        rows_done (str | Unset):
        rows_total (str | Unset):
        bytes_done (str | Unset):
        bytes_total (str | Unset):
        embed_done (str | Unset):
        embed_total (str | Unset):
        error (str | Unset):
        worker_id (str | Unset):
        attempt (str | Unset):
        heartbeat_at (str | Unset):
        started_at (str | Unset):
        finished_at (str | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetIngestJobsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[IngestJobs]
    """

    return sync_detailed(
        client=client,
        id=id,
        project_id=project_id,
        dataset_id=dataset_id,
        dataset_name=dataset_name,
        if_exists=if_exists,
        source_type=source_type,
        source=source,
        format_=format_,
        detected_format=detected_format,
        options=options,
        embedding=embedding,
        index_config=index_config,
        has_credentials=has_credentials,
        status=status,
        phase=phase,
        rows_done=rows_done,
        rows_total=rows_total,
        bytes_done=bytes_done,
        bytes_total=bytes_total,
        embed_done=embed_done,
        embed_total=embed_total,
        error=error,
        worker_id=worker_id,
        attempt=attempt,
        heartbeat_at=heartbeat_at,
        started_at=started_at,
        finished_at=finished_at,
        created_by=created_by,
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
    project_id: str | Unset = UNSET,
    dataset_id: str | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    if_exists: str | Unset = UNSET,
    source_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    format_: str | Unset = UNSET,
    detected_format: str | Unset = UNSET,
    options: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
    index_config: str | Unset = UNSET,
    has_credentials: str | Unset = UNSET,
    status: str | Unset = UNSET,
    phase: str | Unset = UNSET,
    rows_done: str | Unset = UNSET,
    rows_total: str | Unset = UNSET,
    bytes_done: str | Unset = UNSET,
    bytes_total: str | Unset = UNSET,
    embed_done: str | Unset = UNSET,
    embed_total: str | Unset = UNSET,
    error: str | Unset = UNSET,
    worker_id: str | Unset = UNSET,
    attempt: str | Unset = UNSET,
    heartbeat_at: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    finished_at: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetIngestJobsPrefer | Unset = UNSET,
) -> Response[Any | list[IngestJobs]]:
    """Dataset ingestion jobs of the projects you may read, newest first with ?order=created_at.desc; one
    job: ?id=eq.<id>. Start with /rpc/start_ingest, cancel with /rpc/cancel_ingest.

    Args:
        id (str | Unset):
        project_id (str | Unset):
        dataset_id (str | Unset):
        dataset_name (str | Unset):
        if_exists (str | Unset):
        source_type (str | Unset):
        source (str | Unset):
        format_ (str | Unset):
        detected_format (str | Unset):
        options (str | Unset):
        embedding (str | Unset):
        index_config (str | Unset):
        has_credentials (str | Unset):
        status (str | Unset):
        phase (str | Unset):
        rows_done (str | Unset):
        rows_total (str | Unset):
        bytes_done (str | Unset):
        bytes_total (str | Unset):
        embed_done (str | Unset):
        embed_total (str | Unset):
        error (str | Unset):
        worker_id (str | Unset):
        attempt (str | Unset):
        heartbeat_at (str | Unset):
        started_at (str | Unset):
        finished_at (str | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetIngestJobsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[IngestJobs]]
    """

    kwargs = _get_kwargs(
        id=id,
        project_id=project_id,
        dataset_id=dataset_id,
        dataset_name=dataset_name,
        if_exists=if_exists,
        source_type=source_type,
        source=source,
        format_=format_,
        detected_format=detected_format,
        options=options,
        embedding=embedding,
        index_config=index_config,
        has_credentials=has_credentials,
        status=status,
        phase=phase,
        rows_done=rows_done,
        rows_total=rows_total,
        bytes_done=bytes_done,
        bytes_total=bytes_total,
        embed_done=embed_done,
        embed_total=embed_total,
        error=error,
        worker_id=worker_id,
        attempt=attempt,
        heartbeat_at=heartbeat_at,
        started_at=started_at,
        finished_at=finished_at,
        created_by=created_by,
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
    project_id: str | Unset = UNSET,
    dataset_id: str | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    if_exists: str | Unset = UNSET,
    source_type: str | Unset = UNSET,
    source: str | Unset = UNSET,
    format_: str | Unset = UNSET,
    detected_format: str | Unset = UNSET,
    options: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
    index_config: str | Unset = UNSET,
    has_credentials: str | Unset = UNSET,
    status: str | Unset = UNSET,
    phase: str | Unset = UNSET,
    rows_done: str | Unset = UNSET,
    rows_total: str | Unset = UNSET,
    bytes_done: str | Unset = UNSET,
    bytes_total: str | Unset = UNSET,
    embed_done: str | Unset = UNSET,
    embed_total: str | Unset = UNSET,
    error: str | Unset = UNSET,
    worker_id: str | Unset = UNSET,
    attempt: str | Unset = UNSET,
    heartbeat_at: str | Unset = UNSET,
    started_at: str | Unset = UNSET,
    finished_at: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetIngestJobsPrefer | Unset = UNSET,
) -> Any | list[IngestJobs] | None:
    """Dataset ingestion jobs of the projects you may read, newest first with ?order=created_at.desc; one
    job: ?id=eq.<id>. Start with /rpc/start_ingest, cancel with /rpc/cancel_ingest.

    Args:
        id (str | Unset):
        project_id (str | Unset):
        dataset_id (str | Unset):
        dataset_name (str | Unset):
        if_exists (str | Unset):
        source_type (str | Unset):
        source (str | Unset):
        format_ (str | Unset):
        detected_format (str | Unset):
        options (str | Unset):
        embedding (str | Unset):
        index_config (str | Unset):
        has_credentials (str | Unset):
        status (str | Unset):
        phase (str | Unset):
        rows_done (str | Unset):
        rows_total (str | Unset):
        bytes_done (str | Unset):
        bytes_total (str | Unset):
        embed_done (str | Unset):
        embed_total (str | Unset):
        error (str | Unset):
        worker_id (str | Unset):
        attempt (str | Unset):
        heartbeat_at (str | Unset):
        started_at (str | Unset):
        finished_at (str | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetIngestJobsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[IngestJobs]
    """

    return (
        await asyncio_detailed(
            client=client,
            id=id,
            project_id=project_id,
            dataset_id=dataset_id,
            dataset_name=dataset_name,
            if_exists=if_exists,
            source_type=source_type,
            source=source,
            format_=format_,
            detected_format=detected_format,
            options=options,
            embedding=embedding,
            index_config=index_config,
            has_credentials=has_credentials,
            status=status,
            phase=phase,
            rows_done=rows_done,
            rows_total=rows_total,
            bytes_done=bytes_done,
            bytes_total=bytes_total,
            embed_done=embed_done,
            embed_total=embed_total,
            error=error,
            worker_id=worker_id,
            attempt=attempt,
            heartbeat_at=heartbeat_at,
            started_at=started_at,
            finished_at=finished_at,
            created_by=created_by,
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
