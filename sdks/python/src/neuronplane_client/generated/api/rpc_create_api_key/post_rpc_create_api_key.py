from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.post_rpc_create_api_key_body import PostRpcCreateApiKeyBody
from ...models.post_rpc_create_api_key_prefer import PostRpcCreateApiKeyPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PostRpcCreateApiKeyBody,
    prefer: PostRpcCreateApiKeyPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rpc/create_api_key",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: PostRpcCreateApiKeyBody,
    prefer: PostRpcCreateApiKeyPrefer | Unset = UNSET,
) -> Response[Any]:
    """Create an API key for yourself, or for a service account or agent you administer. Returns the key
    (npk_<prefix>_<secret>) once: it cannot be shown again. roles (admin, member, viewer, service)
    narrow what the key may do; project_id limits it to one project; name is 1 to 200 characters;
    rate_limit_per_min is 1 to 1000000 (default when left out); expires_at is in the future. Errors:
    42501, 22004 (no name), 22023.

    Args:
        prefer (PostRpcCreateApiKeyPrefer | Unset):
        body (PostRpcCreateApiKeyBody): Create an API key for yourself, or for a service account
            or agent you administer. Returns the key (npk_<prefix>_<secret>) once: it cannot be shown
            again. roles (admin, member, viewer, service) narrow what the key may do; project_id
            limits it to one project; name is 1 to 200 characters; rate_limit_per_min is 1 to 1000000
            (default when left out); expires_at is in the future. Errors: 42501, 22004 (no name),
            22023.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        prefer=prefer,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PostRpcCreateApiKeyBody,
    prefer: PostRpcCreateApiKeyPrefer | Unset = UNSET,
) -> Response[Any]:
    """Create an API key for yourself, or for a service account or agent you administer. Returns the key
    (npk_<prefix>_<secret>) once: it cannot be shown again. roles (admin, member, viewer, service)
    narrow what the key may do; project_id limits it to one project; name is 1 to 200 characters;
    rate_limit_per_min is 1 to 1000000 (default when left out); expires_at is in the future. Errors:
    42501, 22004 (no name), 22023.

    Args:
        prefer (PostRpcCreateApiKeyPrefer | Unset):
        body (PostRpcCreateApiKeyBody): Create an API key for yourself, or for a service account
            or agent you administer. Returns the key (npk_<prefix>_<secret>) once: it cannot be shown
            again. roles (admin, member, viewer, service) narrow what the key may do; project_id
            limits it to one project; name is 1 to 200 characters; rate_limit_per_min is 1 to 1000000
            (default when left out); expires_at is in the future. Errors: 42501, 22004 (no name),
            22023.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
