from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_tools_prefer import DeleteToolsPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    disabled_at: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: DeleteToolsPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["id"] = id

    params["project_id"] = project_id

    params["name"] = name

    params["disabled_at"] = disabled_at

    params["created_at"] = created_at

    params["updated_at"] = updated_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/tools",
        "params": params,
    }

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
    id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    disabled_at: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: DeleteToolsPrefer | Unset = UNSET,
) -> Response[Any]:
    """Tools of the projects you may read. POST needs write on the project; PATCH write, DELETE admin on
    the tool.

    Args:
        id (str | Unset):
        project_id (str | Unset):
        name (str | Unset):
        disabled_at (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        prefer (DeleteToolsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        id=id,
        project_id=project_id,
        name=name,
        disabled_at=disabled_at,
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
    id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    disabled_at: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: DeleteToolsPrefer | Unset = UNSET,
) -> Response[Any]:
    """Tools of the projects you may read. POST needs write on the project; PATCH write, DELETE admin on
    the tool.

    Args:
        id (str | Unset):
        project_id (str | Unset):
        name (str | Unset):
        disabled_at (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        prefer (DeleteToolsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        id=id,
        project_id=project_id,
        name=name,
        disabled_at=disabled_at,
        created_at=created_at,
        updated_at=updated_at,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
