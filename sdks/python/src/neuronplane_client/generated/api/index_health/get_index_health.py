from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_index_health_prefer import GetIndexHealthPrefer
from ...models.index_health import IndexHealth
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    schema_name: str | Unset = UNSET,
    table_name: str | Unset = UNSET,
    index_name: str | Unset = UNSET,
    size_bytes: str | Unset = UNSET,
    scans: str | Unset = UNSET,
    is_unique: str | Unset = UNSET,
    is_unused: str | Unset = UNSET,
    is_valid: str | Unset = UNSET,
    duplicate_of: str | Unset = UNSET,
    definition: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetIndexHealthPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    if not isinstance(range_unit, Unset):
        headers["Range-Unit"] = range_unit

    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["schema_name"] = schema_name

    params["table_name"] = table_name

    params["index_name"] = index_name

    params["size_bytes"] = size_bytes

    params["scans"] = scans

    params["is_unique"] = is_unique

    params["is_unused"] = is_unused

    params["is_valid"] = is_valid

    params["duplicate_of"] = duplicate_of

    params["definition"] = definition

    params["select"] = select

    params["order"] = order

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/index_health",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[IndexHealth] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = IndexHealth.from_dict(response_200_item_data)

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
) -> Response[Any | list[IndexHealth]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    schema_name: str | Unset = UNSET,
    table_name: str | Unset = UNSET,
    index_name: str | Unset = UNSET,
    size_bytes: str | Unset = UNSET,
    scans: str | Unset = UNSET,
    is_unique: str | Unset = UNSET,
    is_unused: str | Unset = UNSET,
    is_valid: str | Unset = UNSET,
    duplicate_of: str | Unset = UNSET,
    definition: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetIndexHealthPrefer | Unset = UNSET,
) -> Response[Any | list[IndexHealth]]:
    """Every index of the database: size, scans, and whether it is unused (never scanned and enforcing no
    constraint), invalid, or a duplicate of another index of its table. For platform administrators and
    organization owners/admins (42501 otherwise).

    Args:
        schema_name (str | Unset):
        table_name (str | Unset):
        index_name (str | Unset):
        size_bytes (str | Unset):
        scans (str | Unset):
        is_unique (str | Unset):
        is_unused (str | Unset):
        is_valid (str | Unset):
        duplicate_of (str | Unset):
        definition (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetIndexHealthPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[IndexHealth]]
    """

    kwargs = _get_kwargs(
        schema_name=schema_name,
        table_name=table_name,
        index_name=index_name,
        size_bytes=size_bytes,
        scans=scans,
        is_unique=is_unique,
        is_unused=is_unused,
        is_valid=is_valid,
        duplicate_of=duplicate_of,
        definition=definition,
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
    schema_name: str | Unset = UNSET,
    table_name: str | Unset = UNSET,
    index_name: str | Unset = UNSET,
    size_bytes: str | Unset = UNSET,
    scans: str | Unset = UNSET,
    is_unique: str | Unset = UNSET,
    is_unused: str | Unset = UNSET,
    is_valid: str | Unset = UNSET,
    duplicate_of: str | Unset = UNSET,
    definition: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetIndexHealthPrefer | Unset = UNSET,
) -> Any | list[IndexHealth] | None:
    """Every index of the database: size, scans, and whether it is unused (never scanned and enforcing no
    constraint), invalid, or a duplicate of another index of its table. For platform administrators and
    organization owners/admins (42501 otherwise).

    Args:
        schema_name (str | Unset):
        table_name (str | Unset):
        index_name (str | Unset):
        size_bytes (str | Unset):
        scans (str | Unset):
        is_unique (str | Unset):
        is_unused (str | Unset):
        is_valid (str | Unset):
        duplicate_of (str | Unset):
        definition (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetIndexHealthPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[IndexHealth]
    """

    return sync_detailed(
        client=client,
        schema_name=schema_name,
        table_name=table_name,
        index_name=index_name,
        size_bytes=size_bytes,
        scans=scans,
        is_unique=is_unique,
        is_unused=is_unused,
        is_valid=is_valid,
        duplicate_of=duplicate_of,
        definition=definition,
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
    schema_name: str | Unset = UNSET,
    table_name: str | Unset = UNSET,
    index_name: str | Unset = UNSET,
    size_bytes: str | Unset = UNSET,
    scans: str | Unset = UNSET,
    is_unique: str | Unset = UNSET,
    is_unused: str | Unset = UNSET,
    is_valid: str | Unset = UNSET,
    duplicate_of: str | Unset = UNSET,
    definition: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetIndexHealthPrefer | Unset = UNSET,
) -> Response[Any | list[IndexHealth]]:
    """Every index of the database: size, scans, and whether it is unused (never scanned and enforcing no
    constraint), invalid, or a duplicate of another index of its table. For platform administrators and
    organization owners/admins (42501 otherwise).

    Args:
        schema_name (str | Unset):
        table_name (str | Unset):
        index_name (str | Unset):
        size_bytes (str | Unset):
        scans (str | Unset):
        is_unique (str | Unset):
        is_unused (str | Unset):
        is_valid (str | Unset):
        duplicate_of (str | Unset):
        definition (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetIndexHealthPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[IndexHealth]]
    """

    kwargs = _get_kwargs(
        schema_name=schema_name,
        table_name=table_name,
        index_name=index_name,
        size_bytes=size_bytes,
        scans=scans,
        is_unique=is_unique,
        is_unused=is_unused,
        is_valid=is_valid,
        duplicate_of=duplicate_of,
        definition=definition,
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
    schema_name: str | Unset = UNSET,
    table_name: str | Unset = UNSET,
    index_name: str | Unset = UNSET,
    size_bytes: str | Unset = UNSET,
    scans: str | Unset = UNSET,
    is_unique: str | Unset = UNSET,
    is_unused: str | Unset = UNSET,
    is_valid: str | Unset = UNSET,
    duplicate_of: str | Unset = UNSET,
    definition: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetIndexHealthPrefer | Unset = UNSET,
) -> Any | list[IndexHealth] | None:
    """Every index of the database: size, scans, and whether it is unused (never scanned and enforcing no
    constraint), invalid, or a duplicate of another index of its table. For platform administrators and
    organization owners/admins (42501 otherwise).

    Args:
        schema_name (str | Unset):
        table_name (str | Unset):
        index_name (str | Unset):
        size_bytes (str | Unset):
        scans (str | Unset):
        is_unique (str | Unset):
        is_unused (str | Unset):
        is_valid (str | Unset):
        duplicate_of (str | Unset):
        definition (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetIndexHealthPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[IndexHealth]
    """

    return (
        await asyncio_detailed(
            client=client,
            schema_name=schema_name,
            table_name=table_name,
            index_name=index_name,
            size_bytes=size_bytes,
            scans=scans,
            is_unique=is_unique,
            is_unused=is_unused,
            is_valid=is_valid,
            duplicate_of=duplicate_of,
            definition=definition,
            select=select,
            order=order,
            offset=offset,
            limit=limit,
            range_=range_,
            range_unit=range_unit,
            prefer=prefer,
        )
    ).parsed
