from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.post_service_accounts_prefer import PostServiceAccountsPrefer
from ...models.service_accounts import ServiceAccounts
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ServiceAccounts | Unset = UNSET,
    select: str | Unset = UNSET,
    prefer: PostServiceAccountsPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["select"] = select

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/service_accounts",
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | None:
    if response.status_code == 201:
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
    body: ServiceAccounts | Unset = UNSET,
    select: str | Unset = UNSET,
    prefer: PostServiceAccountsPrefer | Unset = UNSET,
) -> Response[Any]:
    """Service accounts you may read (organization admins and those granted). Create with
    /rpc/create_service_account; PATCH or DELETE needs admin on the account.

    Args:
        select (str | Unset):
        prefer (PostServiceAccountsPrefer | Unset):
        body (ServiceAccounts | Unset): Service accounts you may read (organization admins and
            those granted). Create with /rpc/create_service_account; PATCH or DELETE needs admin on
            the account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        select=select,
        prefer=prefer,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServiceAccounts | Unset = UNSET,
    select: str | Unset = UNSET,
    prefer: PostServiceAccountsPrefer | Unset = UNSET,
) -> Response[Any]:
    """Service accounts you may read (organization admins and those granted). Create with
    /rpc/create_service_account; PATCH or DELETE needs admin on the account.

    Args:
        select (str | Unset):
        prefer (PostServiceAccountsPrefer | Unset):
        body (ServiceAccounts | Unset): Service accounts you may read (organization admins and
            those granted). Create with /rpc/create_service_account; PATCH or DELETE needs admin on
            the account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        select=select,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
