from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_keys import ApiKeys
from ...models.post_api_keys_prefer import PostApiKeysPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ApiKeys | Unset = UNSET,
    select: str | Unset = UNSET,
    prefer: PostApiKeysPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["select"] = select

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api_keys",
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
    body: ApiKeys | Unset = UNSET,
    select: str | Unset = UNSET,
    prefer: PostApiKeysPrefer | Unset = UNSET,
) -> Response[Any]:
    """API keys you may read: your own, and those of the organizations you administer. Never the secret or
    its hash. Create with /rpc/create_api_key (the key is shown once), /rpc/revoke_api_key,
    /rpc/rotate_api_key; PATCH renames.

    Args:
        select (str | Unset):
        prefer (PostApiKeysPrefer | Unset):
        body (ApiKeys | Unset): API keys you may read: your own, and those of the organizations
            you administer. Never the secret or its hash. Create with /rpc/create_api_key (the key is
            shown once), /rpc/revoke_api_key, /rpc/rotate_api_key; PATCH renames.

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
    body: ApiKeys | Unset = UNSET,
    select: str | Unset = UNSET,
    prefer: PostApiKeysPrefer | Unset = UNSET,
) -> Response[Any]:
    """API keys you may read: your own, and those of the organizations you administer. Never the secret or
    its hash. Create with /rpc/create_api_key (the key is shown once), /rpc/revoke_api_key,
    /rpc/rotate_api_key; PATCH renames.

    Args:
        select (str | Unset):
        prefer (PostApiKeysPrefer | Unset):
        body (ApiKeys | Unset): API keys you may read: your own, and those of the organizations
            you administer. Never the secret or its hash. Create with /rpc/create_api_key (the key is
            shown once), /rpc/revoke_api_key, /rpc/rotate_api_key; PATCH renames.

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
