from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.probe_result import ProbeResult
from ...models.profile_health_response_200 import ProfileHealthResponse200
from ...models.profile_health_view import ProfileHealthView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    profile_id: UUID,
    view: ProfileHealthView,
    *,
    timeout_seconds: float | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["timeout_seconds"] = timeout_seconds

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/profiles/{profile_id}/{view}".format(
            profile_id=quote(str(profile_id), safe=""),
            view=quote(str(view), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProbeResult | ProfileHealthResponse200 | None:
    if response.status_code == 200:
        response_200 = ProfileHealthResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ProbeResult.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProbeResult.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProbeResult.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProbeResult.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ProbeResult | ProfileHealthResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    profile_id: UUID,
    view: ProfileHealthView,
    *,
    client: AuthenticatedClient | Client,
    timeout_seconds: float | Unset = UNSET,
) -> Response[ProbeResult | ProfileHealthResponse200]:
    """Health of a profile's own NeuronDB database, through its stored DSN: db-health, index-health,
    workers or usage (docs/observability.md).

    Args:
        profile_id (UUID):
        view (ProfileHealthView):
        timeout_seconds (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProbeResult | ProfileHealthResponse200]
    """

    kwargs = _get_kwargs(
        profile_id=profile_id,
        view=view,
        timeout_seconds=timeout_seconds,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    profile_id: UUID,
    view: ProfileHealthView,
    *,
    client: AuthenticatedClient | Client,
    timeout_seconds: float | Unset = UNSET,
) -> ProbeResult | ProfileHealthResponse200 | None:
    """Health of a profile's own NeuronDB database, through its stored DSN: db-health, index-health,
    workers or usage (docs/observability.md).

    Args:
        profile_id (UUID):
        view (ProfileHealthView):
        timeout_seconds (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProbeResult | ProfileHealthResponse200
    """

    return sync_detailed(
        profile_id=profile_id,
        view=view,
        client=client,
        timeout_seconds=timeout_seconds,
    ).parsed


async def asyncio_detailed(
    profile_id: UUID,
    view: ProfileHealthView,
    *,
    client: AuthenticatedClient | Client,
    timeout_seconds: float | Unset = UNSET,
) -> Response[ProbeResult | ProfileHealthResponse200]:
    """Health of a profile's own NeuronDB database, through its stored DSN: db-health, index-health,
    workers or usage (docs/observability.md).

    Args:
        profile_id (UUID):
        view (ProfileHealthView):
        timeout_seconds (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProbeResult | ProfileHealthResponse200]
    """

    kwargs = _get_kwargs(
        profile_id=profile_id,
        view=view,
        timeout_seconds=timeout_seconds,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    profile_id: UUID,
    view: ProfileHealthView,
    *,
    client: AuthenticatedClient | Client,
    timeout_seconds: float | Unset = UNSET,
) -> ProbeResult | ProfileHealthResponse200 | None:
    """Health of a profile's own NeuronDB database, through its stored DSN: db-health, index-health,
    workers or usage (docs/observability.md).

    Args:
        profile_id (UUID):
        view (ProfileHealthView):
        timeout_seconds (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProbeResult | ProfileHealthResponse200
    """

    return (
        await asyncio_detailed(
            profile_id=profile_id,
            view=view,
            client=client,
            timeout_seconds=timeout_seconds,
        )
    ).parsed
