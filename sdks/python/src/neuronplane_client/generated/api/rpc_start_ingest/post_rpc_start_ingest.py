from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.post_rpc_start_ingest_body import PostRpcStartIngestBody
from ...models.post_rpc_start_ingest_prefer import PostRpcStartIngestPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PostRpcStartIngestBody,
    prefer: PostRpcStartIngestPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rpc/start_ingest",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: PostRpcStartIngestBody,
    prefer: PostRpcStartIngestPrefer | Unset = UNSET,
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
        prefer (PostRpcStartIngestPrefer | Unset):
        body (PostRpcStartIngestBody): Queue the ingestion of a dataset into the project (needs
            write on it; replacing a dataset needs write on the dataset). source by source_type:
            upload {"upload_id"} (from the glue's POST /ingest/upload), url {"url"}, s3 {"bucket",
            "key", "region"?, "endpoint_url"?}, github {"repo": "owner/name", "path", "ref"?},
            huggingface {"dataset", "path" or "split", "revision"?}. credentials (stored encrypted,
            never shown): s3 {"access_key_id", "secret_access_key", "session_token"?}; github,
            huggingface, url {"token"}. options: delimiter, header, encoding, quote, null,
            column_mapping. embedding: {"model", "text_columns", "batch_size"?}. index_config:
            {"btree": [...], "fulltext": [...], "hnsw": bool}. Errors: 28000, 42501, 42704 project or
            upload missing, 22023 invalid field (named), 23505 dataset exists.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        prefer=prefer,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PostRpcStartIngestBody,
    prefer: PostRpcStartIngestPrefer | Unset = UNSET,
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
        prefer (PostRpcStartIngestPrefer | Unset):
        body (PostRpcStartIngestBody): Queue the ingestion of a dataset into the project (needs
            write on it; replacing a dataset needs write on the dataset). source by source_type:
            upload {"upload_id"} (from the glue's POST /ingest/upload), url {"url"}, s3 {"bucket",
            "key", "region"?, "endpoint_url"?}, github {"repo": "owner/name", "path", "ref"?},
            huggingface {"dataset", "path" or "split", "revision"?}. credentials (stored encrypted,
            never shown): s3 {"access_key_id", "secret_access_key", "session_token"?}; github,
            huggingface, url {"token"}. options: delimiter, header, encoding, quote, null,
            column_mapping. embedding: {"model", "text_columns", "batch_size"?}. index_config:
            {"btree": [...], "fulltext": [...], "hnsw": bool}. Errors: 28000, 42501, 42704 project or
            upload missing, 22023 invalid field (named), 23505 dataset exists.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
