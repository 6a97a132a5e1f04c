from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response


def _get_kwargs(
    *,
    job: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["job"] = job

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/details",
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
    job: str,
) -> Response[Any]:
    """What the worker decided while reading the job's source; ask for it with GET
    /ingest_jobs?select=*,details. {"restarts": [{"column", "from", "to", "reason"}]} when a value
    beyond the sample did not fit its column and the load started again with a wider type;
    {"missing_values": {"marker", "columns", "source"}} when a marker such as NA was read as NULL
    (source: detected or options.null); {"compression": "gzip"|"bzip2"|"xz"|"zstd"}; {"byte_order_mark":
    true}; {"json_member": name} when a JSON object's one array member was read.

    Args:
        job (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        job=job,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    job: str,
) -> Response[Any]:
    """What the worker decided while reading the job's source; ask for it with GET
    /ingest_jobs?select=*,details. {"restarts": [{"column", "from", "to", "reason"}]} when a value
    beyond the sample did not fit its column and the load started again with a wider type;
    {"missing_values": {"marker", "columns", "source"}} when a marker such as NA was read as NULL
    (source: detected or options.null); {"compression": "gzip"|"bzip2"|"xz"|"zstd"}; {"byte_order_mark":
    true}; {"json_member": name} when a JSON object's one array member was read.

    Args:
        job (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        job=job,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
