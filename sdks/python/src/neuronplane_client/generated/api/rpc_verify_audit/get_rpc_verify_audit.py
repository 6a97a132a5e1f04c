from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_time: str | Unset = UNSET,
    to_time: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from_time"] = from_time

    params["to_time"] = to_time

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/verify_audit",
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
    from_time: str | Unset = UNSET,
    to_time: str | Unset = UNSET,
) -> Response[Any]:
    """Platform administrators: verify the audit log's hash chains for the months overlapping [from_time,
    to_time) (default: everything). One row: ok = true, or the first event whose content or link does
    not match, with the problem. Events recorded in the last minute may not be sealed yet. GET
    /rpc/verify_audit?from_time=2026-11-01

    Args:
        from_time (str | Unset):
        to_time (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        from_time=from_time,
        to_time=to_time,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_time: str | Unset = UNSET,
    to_time: str | Unset = UNSET,
) -> Response[Any]:
    """Platform administrators: verify the audit log's hash chains for the months overlapping [from_time,
    to_time) (default: everything). One row: ok = true, or the first event whose content or link does
    not match, with the problem. Events recorded in the last minute may not be sealed yet. GET
    /rpc/verify_audit?from_time=2026-11-01

    Args:
        from_time (str | Unset):
        to_time (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        from_time=from_time,
        to_time=to_time,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
