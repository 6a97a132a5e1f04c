from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_principals_prefer import DeletePrincipalsPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    id: str | Unset = UNSET,
    type_: str | Unset = UNSET,
    name: str | Unset = UNSET,
    disabled_at: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: DeletePrincipalsPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["id"] = id

    params["type"] = type_

    params["name"] = name

    params["disabled_at"] = disabled_at

    params["expires_at"] = expires_at

    params["created_at"] = created_at

    params["updated_at"] = updated_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/principals",
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
    type_: str | Unset = UNSET,
    name: str | Unset = UNSET,
    disabled_at: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: DeletePrincipalsPrefer | Unset = UNSET,
) -> Response[Any]:
    """Principals (users, organizations, service accounts, agents, tools, datasets) you can see.
    /rpc/resolve_principal describes one; /rpc/disable_principal disables one.

    Args:
        id (str | Unset):
        type_ (str | Unset):
        name (str | Unset):
        disabled_at (str | Unset):
        expires_at (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        prefer (DeletePrincipalsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        id=id,
        type_=type_,
        name=name,
        disabled_at=disabled_at,
        expires_at=expires_at,
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
    type_: str | Unset = UNSET,
    name: str | Unset = UNSET,
    disabled_at: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: DeletePrincipalsPrefer | Unset = UNSET,
) -> Response[Any]:
    """Principals (users, organizations, service accounts, agents, tools, datasets) you can see.
    /rpc/resolve_principal describes one; /rpc/disable_principal disables one.

    Args:
        id (str | Unset):
        type_ (str | Unset):
        name (str | Unset):
        disabled_at (str | Unset):
        expires_at (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        prefer (DeletePrincipalsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        id=id,
        type_=type_,
        name=name,
        disabled_at=disabled_at,
        expires_at=expires_at,
        created_at=created_at,
        updated_at=updated_at,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
