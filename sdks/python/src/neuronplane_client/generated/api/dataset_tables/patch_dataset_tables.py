from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_tables import DatasetTables
from ...models.patch_dataset_tables_prefer import PatchDatasetTablesPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: DatasetTables | Unset = UNSET,
    id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    target_schema: str | Unset = UNSET,
    target_table: str | Unset = UNSET,
    columns: str | Unset = UNSET,
    row_count: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
    indexes: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchDatasetTablesPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["id"] = id

    params["project_id"] = project_id

    params["name"] = name

    params["target_schema"] = target_schema

    params["target_table"] = target_table

    params["columns"] = columns

    params["row_count"] = row_count

    params["embedding"] = embedding

    params["indexes"] = indexes

    params["created_by"] = created_by

    params["created_at"] = created_at

    params["updated_at"] = updated_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/dataset_tables",
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
    body: DatasetTables | Unset = UNSET,
    id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    target_schema: str | Unset = UNSET,
    target_table: str | Unset = UNSET,
    columns: str | Unset = UNSET,
    row_count: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
    indexes: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchDatasetTablesPrefer | Unset = UNSET,
) -> Response[Any]:
    """Loaded datasets you may read and where their tables are (schema ds_<project>, readable by those with
    read on the dataset). Delete a dataset (and its table) through api.datasets.

    Args:
        id (str | Unset):
        project_id (str | Unset):
        name (str | Unset):
        target_schema (str | Unset):
        target_table (str | Unset):
        columns (str | Unset):
        row_count (str | Unset):
        embedding (str | Unset):
        indexes (str | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        prefer (PatchDatasetTablesPrefer | Unset):
        body (DatasetTables | Unset): Loaded datasets you may read and where their tables are
            (schema ds_<project>, readable by those with read on the dataset). Delete a dataset (and
            its table) through api.datasets.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        id=id,
        project_id=project_id,
        name=name,
        target_schema=target_schema,
        target_table=target_table,
        columns=columns,
        row_count=row_count,
        embedding=embedding,
        indexes=indexes,
        created_by=created_by,
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
    body: DatasetTables | Unset = UNSET,
    id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    target_schema: str | Unset = UNSET,
    target_table: str | Unset = UNSET,
    columns: str | Unset = UNSET,
    row_count: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
    indexes: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchDatasetTablesPrefer | Unset = UNSET,
) -> Response[Any]:
    """Loaded datasets you may read and where their tables are (schema ds_<project>, readable by those with
    read on the dataset). Delete a dataset (and its table) through api.datasets.

    Args:
        id (str | Unset):
        project_id (str | Unset):
        name (str | Unset):
        target_schema (str | Unset):
        target_table (str | Unset):
        columns (str | Unset):
        row_count (str | Unset):
        embedding (str | Unset):
        indexes (str | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        prefer (PatchDatasetTablesPrefer | Unset):
        body (DatasetTables | Unset): Loaded datasets you may read and where their tables are
            (schema ds_<project>, readable by those with read on the dataset). Delete a dataset (and
            its table) through api.datasets.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        id=id,
        project_id=project_id,
        name=name,
        target_schema=target_schema,
        target_table=target_table,
        columns=columns,
        row_count=row_count,
        embedding=embedding,
        indexes=indexes,
        created_by=created_by,
        created_at=created_at,
        updated_at=updated_at,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
