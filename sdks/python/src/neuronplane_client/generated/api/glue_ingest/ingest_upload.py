from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ingest_upload_body import IngestUploadBody
from ...models.ingest_upload_format import IngestUploadFormat
from ...models.ingest_upload_if_exists import IngestUploadIfExists
from ...models.ingest_upload_response_201 import IngestUploadResponse201
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: IngestUploadBody,
    project_id: UUID,
    dataset_name: str,
    format_: IngestUploadFormat | Unset = UNSET,
    if_exists: IngestUploadIfExists | Unset = UNSET,
    options: str | Unset = UNSET,
    index_config: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_project_id = str(project_id)
    params["project_id"] = json_project_id

    params["dataset_name"] = dataset_name

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_if_exists: str | Unset = UNSET
    if not isinstance(if_exists, Unset):
        json_if_exists = if_exists.value

    params["if_exists"] = json_if_exists

    params["options"] = options

    params["index_config"] = index_config

    params["embedding"] = embedding

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/ingest/upload",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | IngestUploadResponse201 | None:
    if response.status_code == 201:
        response_201 = IngestUploadResponse201.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | IngestUploadResponse201]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IngestUploadBody,
    project_id: UUID,
    dataset_name: str,
    format_: IngestUploadFormat | Unset = UNSET,
    if_exists: IngestUploadIfExists | Unset = UNSET,
    options: str | Unset = UNSET,
    index_config: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
) -> Response[Error | IngestUploadResponse201]:
    """Upload a file and start its ingestion job (start_ingest's arguments in the query string; options,
    index_config and embedding as JSON).

    Args:
        project_id (UUID):
        dataset_name (str):
        format_ (IngestUploadFormat | Unset):
        if_exists (IngestUploadIfExists | Unset):
        options (str | Unset):
        index_config (str | Unset):
        embedding (str | Unset):
        body (IngestUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | IngestUploadResponse201]
    """

    kwargs = _get_kwargs(
        body=body,
        project_id=project_id,
        dataset_name=dataset_name,
        format_=format_,
        if_exists=if_exists,
        options=options,
        index_config=index_config,
        embedding=embedding,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: IngestUploadBody,
    project_id: UUID,
    dataset_name: str,
    format_: IngestUploadFormat | Unset = UNSET,
    if_exists: IngestUploadIfExists | Unset = UNSET,
    options: str | Unset = UNSET,
    index_config: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
) -> Error | IngestUploadResponse201 | None:
    """Upload a file and start its ingestion job (start_ingest's arguments in the query string; options,
    index_config and embedding as JSON).

    Args:
        project_id (UUID):
        dataset_name (str):
        format_ (IngestUploadFormat | Unset):
        if_exists (IngestUploadIfExists | Unset):
        options (str | Unset):
        index_config (str | Unset):
        embedding (str | Unset):
        body (IngestUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | IngestUploadResponse201
    """

    return sync_detailed(
        client=client,
        body=body,
        project_id=project_id,
        dataset_name=dataset_name,
        format_=format_,
        if_exists=if_exists,
        options=options,
        index_config=index_config,
        embedding=embedding,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IngestUploadBody,
    project_id: UUID,
    dataset_name: str,
    format_: IngestUploadFormat | Unset = UNSET,
    if_exists: IngestUploadIfExists | Unset = UNSET,
    options: str | Unset = UNSET,
    index_config: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
) -> Response[Error | IngestUploadResponse201]:
    """Upload a file and start its ingestion job (start_ingest's arguments in the query string; options,
    index_config and embedding as JSON).

    Args:
        project_id (UUID):
        dataset_name (str):
        format_ (IngestUploadFormat | Unset):
        if_exists (IngestUploadIfExists | Unset):
        options (str | Unset):
        index_config (str | Unset):
        embedding (str | Unset):
        body (IngestUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | IngestUploadResponse201]
    """

    kwargs = _get_kwargs(
        body=body,
        project_id=project_id,
        dataset_name=dataset_name,
        format_=format_,
        if_exists=if_exists,
        options=options,
        index_config=index_config,
        embedding=embedding,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: IngestUploadBody,
    project_id: UUID,
    dataset_name: str,
    format_: IngestUploadFormat | Unset = UNSET,
    if_exists: IngestUploadIfExists | Unset = UNSET,
    options: str | Unset = UNSET,
    index_config: str | Unset = UNSET,
    embedding: str | Unset = UNSET,
) -> Error | IngestUploadResponse201 | None:
    """Upload a file and start its ingestion job (start_ingest's arguments in the query string; options,
    index_config and embedding as JSON).

    Args:
        project_id (UUID):
        dataset_name (str):
        format_ (IngestUploadFormat | Unset):
        if_exists (IngestUploadIfExists | Unset):
        options (str | Unset):
        index_config (str | Unset):
        embedding (str | Unset):
        body (IngestUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | IngestUploadResponse201
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            project_id=project_id,
            dataset_name=dataset_name,
            format_=format_,
            if_exists=if_exists,
            options=options,
            index_config=index_config,
            embedding=embedding,
        )
    ).parsed
