from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    subject_id: UUID,
    resource_type: str,
    permission: str,
    resource_id: UUID | Unset = UNSET,
    effect: str | Unset = UNSET,
    org_id: UUID | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    subject_role: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    conditions: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_subject_id = str(subject_id)
    params["subject_id"] = json_subject_id

    params["resource_type"] = resource_type

    params["permission"] = permission

    json_resource_id: str | Unset = UNSET
    if not isinstance(resource_id, Unset):
        json_resource_id = str(resource_id)
    params["resource_id"] = json_resource_id

    params["effect"] = effect

    json_org_id: str | Unset = UNSET
    if not isinstance(org_id, Unset):
        json_org_id = str(org_id)
    params["org_id"] = json_org_id

    json_project_id: str | Unset = UNSET
    if not isinstance(project_id, Unset):
        json_project_id = str(project_id)
    params["project_id"] = json_project_id

    params["subject_role"] = subject_role

    params["expires_at"] = expires_at

    params["conditions"] = conditions

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/grant_permission",
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
    subject_id: UUID,
    resource_type: str,
    permission: str,
    resource_id: UUID | Unset = UNSET,
    effect: str | Unset = UNSET,
    org_id: UUID | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    subject_role: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    conditions: str | Unset = UNSET,
) -> Response[Any]:
    """Allow (or with effect = deny, forbid) a permission to a principal, or with subject_role to every
    member of organization subject_id with that role, on a resource, or on every resource of the type in
    a project/org scope. You must administer what it covers. Granting the same again updates expires_at
    and conditions. Errors: 42501, 22023, 23503.

    Args:
        subject_id (UUID):
        resource_type (str):
        permission (str):
        resource_id (UUID | Unset):
        effect (str | Unset):
        org_id (UUID | Unset):
        project_id (UUID | Unset):
        subject_role (str | Unset):
        expires_at (str | Unset):
        conditions (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
        resource_type=resource_type,
        permission=permission,
        resource_id=resource_id,
        effect=effect,
        org_id=org_id,
        project_id=project_id,
        subject_role=subject_role,
        expires_at=expires_at,
        conditions=conditions,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    subject_id: UUID,
    resource_type: str,
    permission: str,
    resource_id: UUID | Unset = UNSET,
    effect: str | Unset = UNSET,
    org_id: UUID | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    subject_role: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    conditions: str | Unset = UNSET,
) -> Response[Any]:
    """Allow (or with effect = deny, forbid) a permission to a principal, or with subject_role to every
    member of organization subject_id with that role, on a resource, or on every resource of the type in
    a project/org scope. You must administer what it covers. Granting the same again updates expires_at
    and conditions. Errors: 42501, 22023, 23503.

    Args:
        subject_id (UUID):
        resource_type (str):
        permission (str):
        resource_id (UUID | Unset):
        effect (str | Unset):
        org_id (UUID | Unset):
        project_id (UUID | Unset):
        subject_role (str | Unset):
        expires_at (str | Unset):
        conditions (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
        resource_type=resource_type,
        permission=permission,
        resource_id=resource_id,
        effect=effect,
        org_id=org_id,
        project_id=project_id,
        subject_role=subject_role,
        expires_at=expires_at,
        conditions=conditions,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
