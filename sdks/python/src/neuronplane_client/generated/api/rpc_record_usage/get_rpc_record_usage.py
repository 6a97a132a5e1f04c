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
    tokens_in: int,
    tokens_out: int,
    llm_calls: int | Unset = UNSET,
    model_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_project_id = str(project_id)
    params["project_id"] = json_project_id

    params["tokens_in"] = tokens_in

    params["tokens_out"] = tokens_out

    params["llm_calls"] = llm_calls

    json_model_id: str | Unset = UNSET
    if not isinstance(model_id, Unset):
        json_model_id = str(model_id)
    params["model_id"] = json_model_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/record_usage",
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
    tokens_in: int,
    tokens_out: int,
    llm_calls: int | Unset = UNSET,
    model_id: UUID | Unset = UNSET,
) -> Response[Any]:
    """Report LLM usage for a project (NeuronAgent, after each call or in batches): tokens in and out and
    the number of calls, added to today's (UTC) counters. Needs execute on the project. Errors: 42704
    unknown project or model, 42501, 22023 bad count (named).

    Args:
        project_id (UUID):
        tokens_in (int):
        tokens_out (int):
        llm_calls (int | Unset):
        model_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        tokens_in=tokens_in,
        tokens_out=tokens_out,
        llm_calls=llm_calls,
        model_id=model_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    project_id: UUID,
    tokens_in: int,
    tokens_out: int,
    llm_calls: int | Unset = UNSET,
    model_id: UUID | Unset = UNSET,
) -> Response[Any]:
    """Report LLM usage for a project (NeuronAgent, after each call or in batches): tokens in and out and
    the number of calls, added to today's (UTC) counters. Needs execute on the project. Errors: 42704
    unknown project or model, 42501, 22023 bad count (named).

    Args:
        project_id (UUID):
        tokens_in (int):
        tokens_out (int):
        llm_calls (int | Unset):
        model_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        tokens_in=tokens_in,
        tokens_out=tokens_out,
        llm_calls=llm_calls,
        model_id=model_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
