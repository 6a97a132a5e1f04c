from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.glue_error import GlueError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    provider: str,
    *,
    redirect_to: str,
    login_hint: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["redirect_to"] = redirect_to

    params["login_hint"] = login_hint

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/auth/oidc/{provider}/login".format(
            provider=quote(str(provider), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GlueError | None:
    if response.status_code == 302:
        response_302 = cast(Any, None)
        return response_302

    if response.status_code == 400:
        response_400 = GlueError.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = GlueError.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | GlueError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    provider: str,
    *,
    client: AuthenticatedClient | Client,
    redirect_to: str,
    login_hint: str | Unset = UNSET,
) -> Response[Any | GlueError]:
    """Start an OIDC login: redirects the browser to the provider and sets the np_oidc_binding cookie.

    Args:
        provider (str):
        redirect_to (str):
        login_hint (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GlueError]
    """

    kwargs = _get_kwargs(
        provider=provider,
        redirect_to=redirect_to,
        login_hint=login_hint,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    provider: str,
    *,
    client: AuthenticatedClient | Client,
    redirect_to: str,
    login_hint: str | Unset = UNSET,
) -> Any | GlueError | None:
    """Start an OIDC login: redirects the browser to the provider and sets the np_oidc_binding cookie.

    Args:
        provider (str):
        redirect_to (str):
        login_hint (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GlueError
    """

    return sync_detailed(
        provider=provider,
        client=client,
        redirect_to=redirect_to,
        login_hint=login_hint,
    ).parsed


async def asyncio_detailed(
    provider: str,
    *,
    client: AuthenticatedClient | Client,
    redirect_to: str,
    login_hint: str | Unset = UNSET,
) -> Response[Any | GlueError]:
    """Start an OIDC login: redirects the browser to the provider and sets the np_oidc_binding cookie.

    Args:
        provider (str):
        redirect_to (str):
        login_hint (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GlueError]
    """

    kwargs = _get_kwargs(
        provider=provider,
        redirect_to=redirect_to,
        login_hint=login_hint,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    provider: str,
    *,
    client: AuthenticatedClient | Client,
    redirect_to: str,
    login_hint: str | Unset = UNSET,
) -> Any | GlueError | None:
    """Start an OIDC login: redirects the browser to the provider and sets the np_oidc_binding cookie.

    Args:
        provider (str):
        redirect_to (str):
        login_hint (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GlueError
    """

    return (
        await asyncio_detailed(
            provider=provider,
            client=client,
            redirect_to=redirect_to,
            login_hint=login_hint,
        )
    ).parsed
