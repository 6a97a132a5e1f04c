from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    project_id: UUID,
    dataset_name: str,
    source_type: str,
    source: str,
    format_: str | Unset = UNSET,
    options: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
    index_config: str | Unset = UNSET,
    credentials: str | Unset = UNSET,
    if_exists: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_project_id = str(project_id)
    params["project_id"] = json_project_id

    params["dataset_name"] = dataset_name

    params["source_type"] = source_type

    params["source"] = source

    params["format"] = format_

    params["options"] = options

    params["embedding"] = embedding

    params["index_config"] = index_config

    params["credentials"] = credentials

    params["if_exists"] = if_exists

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/start_ingest",
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
    project_id: UUID,
    dataset_name: str,
    source_type: str,
    source: str,
    format_: str | Unset = UNSET,
    options: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
    index_config: str | Unset = UNSET,
    credentials: str | Unset = UNSET,
    if_exists: str | Unset = UNSET,
) -> Response[Any]:
    """Queue the ingestion of a dataset into the project (needs write on it; replacing a dataset needs
    write on the dataset). source by source_type: upload {"upload_id"} (from the glue's POST
    /ingest/upload), url {"url"}, s3 {"bucket", "key", "region"?, "endpoint_url"?}, github {"repo":
    "owner/name", "path", "ref"?}, huggingface {"dataset", "path" or "split", "revision"?}. credentials
    (stored encrypted, never shown): s3 {"access_key_id", "secret_access_key", "session_token"?};
    github, huggingface, url {"token"}. options: delimiter, header, encoding, quote, null,
    column_mapping. embedding: {"model", "text_columns", "batch_size"?}. index_config: {"btree": [...],
    "fulltext": [...], "hnsw": bool}. Errors: 28000, 42501, 42704 project or upload missing, 22023
    invalid field (named), 23505 dataset exists.

    Args:
        project_id (UUID):
        dataset_name (str):
        source_type (str):
        source (str):
        format_ (str | Unset):
        options (str | Unset):
        embedding (str | Unset):
        index_config (str | Unset):
        credentials (str | Unset):
        if_exists (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        dataset_name=dataset_name,
        source_type=source_type,
        source=source,
        format_=format_,
        options=options,
        embedding=embedding,
        index_config=index_config,
        credentials=credentials,
        if_exists=if_exists,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    project_id: UUID,
    dataset_name: str,
    source_type: str,
    source: str,
    format_: str | Unset = UNSET,
    options: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
    index_config: str | Unset = UNSET,
    credentials: str | Unset = UNSET,
    if_exists: str | Unset = UNSET,
) -> Response[Any]:
    """Queue the ingestion of a dataset into the project (needs write on it; replacing a dataset needs
    write on the dataset). source by source_type: upload {"upload_id"} (from the glue's POST
    /ingest/upload), url {"url"}, s3 {"bucket", "key", "region"?, "endpoint_url"?}, github {"repo":
    "owner/name", "path", "ref"?}, huggingface {"dataset", "path" or "split", "revision"?}. credentials
    (stored encrypted, never shown): s3 {"access_key_id", "secret_access_key", "session_token"?};
    github, huggingface, url {"token"}. options: delimiter, header, encoding, quote, null,
    column_mapping. embedding: {"model", "text_columns", "batch_size"?}. index_config: {"btree": [...],
    "fulltext": [...], "hnsw": bool}. Errors: 28000, 42501, 42704 project or upload missing, 22023
    invalid field (named), 23505 dataset exists.

    Args:
        project_id (UUID):
        dataset_name (str):
        source_type (str):
        source (str):
        format_ (str | Unset):
        options (str | Unset):
        embedding (str | Unset):
        index_config (str | Unset):
        credentials (str | Unset):
        if_exists (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        dataset_name=dataset_name,
        source_type=source_type,
        source=source,
        format_=format_,
        options=options,
        embedding=embedding,
        index_config=index_config,
        credentials=credentials,
        if_exists=if_exists,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
