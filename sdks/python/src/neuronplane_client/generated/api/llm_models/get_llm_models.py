from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_llm_models_prefer import GetLlmModelsPrefer
from ...models.llm_models import LlmModels
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    provider: str | Unset = UNSET,
    model_name: str | Unset = UNSET,
    display_name: str | Unset = UNSET,
    config: str | Unset = UNSET,
    has_key: str | Unset = UNSET,
    key_last4: str | Unset = UNSET,
    key_updated_at: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetLlmModelsPrefer | Unset = UNSET,
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

    params["provider"] = provider

    params["model_name"] = model_name

    params["display_name"] = display_name

    params["config"] = config

    params["has_key"] = has_key

    params["key_last4"] = key_last4

    params["key_updated_at"] = key_updated_at

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
        "url": "/llm_models",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[LlmModels] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = LlmModels.from_dict(response_200_item_data)

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
) -> Response[Any | list[LlmModels]]:
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
    provider: str | Unset = UNSET,
    model_name: str | Unset = UNSET,
    display_name: str | Unset = UNSET,
    config: str | Unset = UNSET,
    has_key: str | Unset = UNSET,
    key_last4: str | Unset = UNSET,
    key_updated_at: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetLlmModelsPrefer | Unset = UNSET,
) -> Response[Any | list[LlmModels]]:
    """LLM models of the projects (profiles) you may read; filter with ?project_id=eq.<id>. Add with POST
    /rpc/add_llm_model (or POST here with Prefer: return=minimal; needs write on the project); PATCH
    display_name or config and DELETE need write on the model. Keys are set with /rpc/set_llm_model_key
    and never shown, only their last four characters.

    Args:
        id (str | Unset):
        project_id (str | Unset):
        provider (str | Unset):
        model_name (str | Unset):
        display_name (str | Unset):
        config (str | Unset):
        has_key (str | Unset):
        key_last4 (str | Unset):
        key_updated_at (str | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetLlmModelsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[LlmModels]]
    """

    kwargs = _get_kwargs(
        id=id,
        project_id=project_id,
        provider=provider,
        model_name=model_name,
        display_name=display_name,
        config=config,
        has_key=has_key,
        key_last4=key_last4,
        key_updated_at=key_updated_at,
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
    provider: str | Unset = UNSET,
    model_name: str | Unset = UNSET,
    display_name: str | Unset = UNSET,
    config: str | Unset = UNSET,
    has_key: str | Unset = UNSET,
    key_last4: str | Unset = UNSET,
    key_updated_at: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetLlmModelsPrefer | Unset = UNSET,
) -> Any | list[LlmModels] | None:
    """LLM models of the projects (profiles) you may read; filter with ?project_id=eq.<id>. Add with POST
    /rpc/add_llm_model (or POST here with Prefer: return=minimal; needs write on the project); PATCH
    display_name or config and DELETE need write on the model. Keys are set with /rpc/set_llm_model_key
    and never shown, only their last four characters.

    Args:
        id (str | Unset):
        project_id (str | Unset):
        provider (str | Unset):
        model_name (str | Unset):
        display_name (str | Unset):
        config (str | Unset):
        has_key (str | Unset):
        key_last4 (str | Unset):
        key_updated_at (str | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetLlmModelsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[LlmModels]
    """

    return sync_detailed(
        client=client,
        id=id,
        project_id=project_id,
        provider=provider,
        model_name=model_name,
        display_name=display_name,
        config=config,
        has_key=has_key,
        key_last4=key_last4,
        key_updated_at=key_updated_at,
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
    provider: str | Unset = UNSET,
    model_name: str | Unset = UNSET,
    display_name: str | Unset = UNSET,
    config: str | Unset = UNSET,
    has_key: str | Unset = UNSET,
    key_last4: str | Unset = UNSET,
    key_updated_at: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetLlmModelsPrefer | Unset = UNSET,
) -> Response[Any | list[LlmModels]]:
    """LLM models of the projects (profiles) you may read; filter with ?project_id=eq.<id>. Add with POST
    /rpc/add_llm_model (or POST here with Prefer: return=minimal; needs write on the project); PATCH
    display_name or config and DELETE need write on the model. Keys are set with /rpc/set_llm_model_key
    and never shown, only their last four characters.

    Args:
        id (str | Unset):
        project_id (str | Unset):
        provider (str | Unset):
        model_name (str | Unset):
        display_name (str | Unset):
        config (str | Unset):
        has_key (str | Unset):
        key_last4 (str | Unset):
        key_updated_at (str | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetLlmModelsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[LlmModels]]
    """

    kwargs = _get_kwargs(
        id=id,
        project_id=project_id,
        provider=provider,
        model_name=model_name,
        display_name=display_name,
        config=config,
        has_key=has_key,
        key_last4=key_last4,
        key_updated_at=key_updated_at,
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
    provider: str | Unset = UNSET,
    model_name: str | Unset = UNSET,
    display_name: str | Unset = UNSET,
    config: str | Unset = UNSET,
    has_key: str | Unset = UNSET,
    key_last4: str | Unset = UNSET,
    key_updated_at: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetLlmModelsPrefer | Unset = UNSET,
) -> Any | list[LlmModels] | None:
    """LLM models of the projects (profiles) you may read; filter with ?project_id=eq.<id>. Add with POST
    /rpc/add_llm_model (or POST here with Prefer: return=minimal; needs write on the project); PATCH
    display_name or config and DELETE need write on the model. Keys are set with /rpc/set_llm_model_key
    and never shown, only their last four characters.

    Args:
        id (str | Unset):
        project_id (str | Unset):
        provider (str | Unset):
        model_name (str | Unset):
        display_name (str | Unset):
        config (str | Unset):
        has_key (str | Unset):
        key_last4 (str | Unset):
        key_updated_at (str | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetLlmModelsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[LlmModels]
    """

    return (
        await asyncio_detailed(
            client=client,
            id=id,
            project_id=project_id,
            provider=provider,
            model_name=model_name,
            display_name=display_name,
            config=config,
            has_key=has_key,
            key_last4=key_last4,
            key_updated_at=key_updated_at,
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
