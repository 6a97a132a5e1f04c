from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_usage_prefer import GetUsagePrefer
from ...models.usage import Usage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    project_id: str | Unset = UNSET,
    day: str | Unset = UNSET,
    requests: str | Unset = UNSET,
    errors: str | Unset = UNSET,
    llm_calls: str | Unset = UNSET,
    tokens_in: str | Unset = UNSET,
    tokens_out: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetUsagePrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    if not isinstance(range_unit, Unset):
        headers["Range-Unit"] = range_unit

    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["project_id"] = project_id

    params["day"] = day

    params["requests"] = requests

    params["errors"] = errors

    params["llm_calls"] = llm_calls

    params["tokens_in"] = tokens_in

    params["tokens_out"] = tokens_out

    params["updated_at"] = updated_at

    params["select"] = select

    params["order"] = order

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/usage",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[Usage] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Usage.from_dict(response_200_item_data)

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
) -> Response[Any | list[Usage]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    project_id: str | Unset = UNSET,
    day: str | Unset = UNSET,
    requests: str | Unset = UNSET,
    errors: str | Unset = UNSET,
    llm_calls: str | Unset = UNSET,
    tokens_in: str | Unset = UNSET,
    tokens_out: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetUsagePrefer | Unset = UNSET,
) -> Response[Any | list[Usage]]:
    """Usage per project and UTC day: requests and errors of API-key requests made with keys bound to the
    project (JWT requests are not counted), LLM calls and tokens reported by NeuronAgent (POST
    /rpc/record_usage). Filter with ?project_id=eq.<id>&day=gte.<date>. For administrators of the
    project (organization owners/admins) and platform administrators.

    Args:
        project_id (str | Unset):
        day (str | Unset):
        requests (str | Unset):
        errors (str | Unset):
        llm_calls (str | Unset):
        tokens_in (str | Unset):
        tokens_out (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetUsagePrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[Usage]]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        day=day,
        requests=requests,
        errors=errors,
        llm_calls=llm_calls,
        tokens_in=tokens_in,
        tokens_out=tokens_out,
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
    project_id: str | Unset = UNSET,
    day: str | Unset = UNSET,
    requests: str | Unset = UNSET,
    errors: str | Unset = UNSET,
    llm_calls: str | Unset = UNSET,
    tokens_in: str | Unset = UNSET,
    tokens_out: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetUsagePrefer | Unset = UNSET,
) -> Any | list[Usage] | None:
    """Usage per project and UTC day: requests and errors of API-key requests made with keys bound to the
    project (JWT requests are not counted), LLM calls and tokens reported by NeuronAgent (POST
    /rpc/record_usage). Filter with ?project_id=eq.<id>&day=gte.<date>. For administrators of the
    project (organization owners/admins) and platform administrators.

    Args:
        project_id (str | Unset):
        day (str | Unset):
        requests (str | Unset):
        errors (str | Unset):
        llm_calls (str | Unset):
        tokens_in (str | Unset):
        tokens_out (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetUsagePrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[Usage]
    """

    return sync_detailed(
        client=client,
        project_id=project_id,
        day=day,
        requests=requests,
        errors=errors,
        llm_calls=llm_calls,
        tokens_in=tokens_in,
        tokens_out=tokens_out,
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
    project_id: str | Unset = UNSET,
    day: str | Unset = UNSET,
    requests: str | Unset = UNSET,
    errors: str | Unset = UNSET,
    llm_calls: str | Unset = UNSET,
    tokens_in: str | Unset = UNSET,
    tokens_out: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetUsagePrefer | Unset = UNSET,
) -> Response[Any | list[Usage]]:
    """Usage per project and UTC day: requests and errors of API-key requests made with keys bound to the
    project (JWT requests are not counted), LLM calls and tokens reported by NeuronAgent (POST
    /rpc/record_usage). Filter with ?project_id=eq.<id>&day=gte.<date>. For administrators of the
    project (organization owners/admins) and platform administrators.

    Args:
        project_id (str | Unset):
        day (str | Unset):
        requests (str | Unset):
        errors (str | Unset):
        llm_calls (str | Unset):
        tokens_in (str | Unset):
        tokens_out (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetUsagePrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[Usage]]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        day=day,
        requests=requests,
        errors=errors,
        llm_calls=llm_calls,
        tokens_in=tokens_in,
        tokens_out=tokens_out,
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
    project_id: str | Unset = UNSET,
    day: str | Unset = UNSET,
    requests: str | Unset = UNSET,
    errors: str | Unset = UNSET,
    llm_calls: str | Unset = UNSET,
    tokens_in: str | Unset = UNSET,
    tokens_out: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetUsagePrefer | Unset = UNSET,
) -> Any | list[Usage] | None:
    """Usage per project and UTC day: requests and errors of API-key requests made with keys bound to the
    project (JWT requests are not counted), LLM calls and tokens reported by NeuronAgent (POST
    /rpc/record_usage). Filter with ?project_id=eq.<id>&day=gte.<date>. For administrators of the
    project (organization owners/admins) and platform administrators.

    Args:
        project_id (str | Unset):
        day (str | Unset):
        requests (str | Unset):
        errors (str | Unset):
        llm_calls (str | Unset):
        tokens_in (str | Unset):
        tokens_out (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetUsagePrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[Usage]
    """

    return (
        await asyncio_detailed(
            client=client,
            project_id=project_id,
            day=day,
            requests=requests,
            errors=errors,
            llm_calls=llm_calls,
            tokens_in=tokens_in,
            tokens_out=tokens_out,
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
