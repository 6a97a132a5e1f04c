from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_audit_events_prefer import DeleteAuditEventsPrefer
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
    prefer: DeleteAuditEventsPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/audit_events",
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
    prefer: DeleteAuditEventsPrefer | Unset = UNSET,
) -> Response[Any]:
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
        prefer (DeleteAuditEventsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
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
    prefer: DeleteAuditEventsPrefer | Unset = UNSET,
) -> Response[Any]:
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
        prefer (DeleteAuditEventsPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
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
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
