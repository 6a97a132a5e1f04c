from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_events import AuditEvents
from ...models.get_audit_events_prefer import GetAuditEventsPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    id: str | Unset = UNSET,
    occurred_at: str | Unset = UNSET,
    principal_id: str | Unset = UNSET,
    principal_type: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    resource_type: str | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    outcome: str | Unset = UNSET,
    ip: str | Unset = UNSET,
    user_agent: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    details: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetAuditEventsPrefer | Unset = UNSET,
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

    params["occurred_at"] = occurred_at

    params["principal_id"] = principal_id

    params["principal_type"] = principal_type

    params["org_id"] = org_id

    params["project_id"] = project_id

    params["action"] = action

    params["resource_type"] = resource_type

    params["resource_id"] = resource_id

    params["outcome"] = outcome

    params["ip"] = ip

    params["user_agent"] = user_agent

    params["request_id"] = request_id

    params["details"] = details

    params["select"] = select

    params["order"] = order

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/audit_events",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[AuditEvents] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = AuditEvents.from_dict(response_200_item_data)

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
) -> Response[Any | list[AuditEvents]]:
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
    occurred_at: str | Unset = UNSET,
    principal_id: str | Unset = UNSET,
    principal_type: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    resource_type: str | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    outcome: str | Unset = UNSET,
    ip: str | Unset = UNSET,
    user_agent: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    details: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetAuditEventsPrefer | Unset = UNSET,
) -> Response[Any | list[AuditEvents]]:
    """The audit log, read-only. You see the events you performed; whoever may read an organization's audit
    log (its owners and admins, and any role or policy granting audit read) sees its events; platform
    administrators see all. Filter with PostgREST operators, e.g.
    ?occurred_at=gte.2026-11-01&action=eq.auth.login.failed&order=occurred_at.desc&limit=50.

    Args:
        id (str | Unset):
        occurred_at (str | Unset):
        principal_id (str | Unset):
        principal_type (str | Unset):
        org_id (str | Unset):
        project_id (str | Unset):
        action (str | Unset):
        resource_type (str | Unset):
        resource_id (str | Unset):
        outcome (str | Unset):
        ip (str | Unset):
        user_agent (str | Unset):
        request_id (str | Unset):
        details (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetAuditEventsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[AuditEvents]]
    """

    kwargs = _get_kwargs(
        id=id,
        occurred_at=occurred_at,
        principal_id=principal_id,
        principal_type=principal_type,
        org_id=org_id,
        project_id=project_id,
        action=action,
        resource_type=resource_type,
        resource_id=resource_id,
        outcome=outcome,
        ip=ip,
        user_agent=user_agent,
        request_id=request_id,
        details=details,
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
    occurred_at: str | Unset = UNSET,
    principal_id: str | Unset = UNSET,
    principal_type: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    resource_type: str | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    outcome: str | Unset = UNSET,
    ip: str | Unset = UNSET,
    user_agent: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    details: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetAuditEventsPrefer | Unset = UNSET,
) -> Any | list[AuditEvents] | None:
    """The audit log, read-only. You see the events you performed; whoever may read an organization's audit
    log (its owners and admins, and any role or policy granting audit read) sees its events; platform
    administrators see all. Filter with PostgREST operators, e.g.
    ?occurred_at=gte.2026-11-01&action=eq.auth.login.failed&order=occurred_at.desc&limit=50.

    Args:
        id (str | Unset):
        occurred_at (str | Unset):
        principal_id (str | Unset):
        principal_type (str | Unset):
        org_id (str | Unset):
        project_id (str | Unset):
        action (str | Unset):
        resource_type (str | Unset):
        resource_id (str | Unset):
        outcome (str | Unset):
        ip (str | Unset):
        user_agent (str | Unset):
        request_id (str | Unset):
        details (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetAuditEventsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[AuditEvents]
    """

    return sync_detailed(
        client=client,
        id=id,
        occurred_at=occurred_at,
        principal_id=principal_id,
        principal_type=principal_type,
        org_id=org_id,
        project_id=project_id,
        action=action,
        resource_type=resource_type,
        resource_id=resource_id,
        outcome=outcome,
        ip=ip,
        user_agent=user_agent,
        request_id=request_id,
        details=details,
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
    occurred_at: str | Unset = UNSET,
    principal_id: str | Unset = UNSET,
    principal_type: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    resource_type: str | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    outcome: str | Unset = UNSET,
    ip: str | Unset = UNSET,
    user_agent: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    details: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetAuditEventsPrefer | Unset = UNSET,
) -> Response[Any | list[AuditEvents]]:
    """The audit log, read-only. You see the events you performed; whoever may read an organization's audit
    log (its owners and admins, and any role or policy granting audit read) sees its events; platform
    administrators see all. Filter with PostgREST operators, e.g.
    ?occurred_at=gte.2026-11-01&action=eq.auth.login.failed&order=occurred_at.desc&limit=50.

    Args:
        id (str | Unset):
        occurred_at (str | Unset):
        principal_id (str | Unset):
        principal_type (str | Unset):
        org_id (str | Unset):
        project_id (str | Unset):
        action (str | Unset):
        resource_type (str | Unset):
        resource_id (str | Unset):
        outcome (str | Unset):
        ip (str | Unset):
        user_agent (str | Unset):
        request_id (str | Unset):
        details (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetAuditEventsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[AuditEvents]]
    """

    kwargs = _get_kwargs(
        id=id,
        occurred_at=occurred_at,
        principal_id=principal_id,
        principal_type=principal_type,
        org_id=org_id,
        project_id=project_id,
        action=action,
        resource_type=resource_type,
        resource_id=resource_id,
        outcome=outcome,
        ip=ip,
        user_agent=user_agent,
        request_id=request_id,
        details=details,
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
    occurred_at: str | Unset = UNSET,
    principal_id: str | Unset = UNSET,
    principal_type: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    resource_type: str | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    outcome: str | Unset = UNSET,
    ip: str | Unset = UNSET,
    user_agent: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    details: str | Unset = UNSET,
    select: str | Unset = UNSET,
    order: str | Unset = UNSET,
    offset: str | Unset = UNSET,
    limit: str | Unset = UNSET,
    range_: str | Unset = UNSET,
    range_unit: str | Unset = "items",
    prefer: GetAuditEventsPrefer | Unset = UNSET,
) -> Any | list[AuditEvents] | None:
    """The audit log, read-only. You see the events you performed; whoever may read an organization's audit
    log (its owners and admins, and any role or policy granting audit read) sees its events; platform
    administrators see all. Filter with PostgREST operators, e.g.
    ?occurred_at=gte.2026-11-01&action=eq.auth.login.failed&order=occurred_at.desc&limit=50.

    Args:
        id (str | Unset):
        occurred_at (str | Unset):
        principal_id (str | Unset):
        principal_type (str | Unset):
        org_id (str | Unset):
        project_id (str | Unset):
        action (str | Unset):
        resource_type (str | Unset):
        resource_id (str | Unset):
        outcome (str | Unset):
        ip (str | Unset):
        user_agent (str | Unset):
        request_id (str | Unset):
        details (str | Unset):
        select (str | Unset):
        order (str | Unset):
        offset (str | Unset):
        limit (str | Unset):
        range_ (str | Unset):
        range_unit (str | Unset):  Default: 'items'.
        prefer (GetAuditEventsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[AuditEvents]
    """

    return (
        await asyncio_detailed(
            client=client,
            id=id,
            occurred_at=occurred_at,
            principal_id=principal_id,
            principal_type=principal_type,
            org_id=org_id,
            project_id=project_id,
            action=action,
            resource_type=resource_type,
            resource_id=resource_id,
            outcome=outcome,
            ip=ip,
            user_agent=user_agent,
            request_id=request_id,
            details=details,
            select=select,
            order=order,
            offset=offset,
            limit=limit,
            range_=range_,
            range_unit=range_unit,
            prefer=prefer,
        )
    ).parsed
