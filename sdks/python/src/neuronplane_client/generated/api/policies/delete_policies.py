from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_policies_prefer import DeletePoliciesPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    id: str | Unset = UNSET,
    subject_id: str | Unset = UNSET,
    subject_type: str | Unset = UNSET,
    subject_role: str | Unset = UNSET,
    resource_type: str | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    permission: str | Unset = UNSET,
    effect: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    conditions: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    prefer: DeletePoliciesPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["id"] = id

    params["subject_id"] = subject_id

    params["subject_type"] = subject_type

    params["subject_role"] = subject_role

    params["resource_type"] = resource_type

    params["resource_id"] = resource_id

    params["org_id"] = org_id

    params["project_id"] = project_id

    params["permission"] = permission

    params["effect"] = effect

    params["expires_at"] = expires_at

    params["conditions"] = conditions

    params["created_by"] = created_by

    params["created_at"] = created_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/policies",
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
    subject_id: str | Unset = UNSET,
    subject_type: str | Unset = UNSET,
    subject_role: str | Unset = UNSET,
    resource_type: str | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    permission: str | Unset = UNSET,
    effect: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    conditions: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    prefer: DeletePoliciesPrefer | Unset = UNSET,
) -> Response[Any]:
    """Permission policies that name you, and those of the organizations you administer. Change with
    /rpc/grant_permission and /rpc/revoke_permission; ask with /rpc/has_permission and
    /rpc/explain_permission.

    Args:
        id (str | Unset):
        subject_id (str | Unset):
        subject_type (str | Unset):
        subject_role (str | Unset):
        resource_type (str | Unset):
        resource_id (str | Unset):
        org_id (str | Unset):
        project_id (str | Unset):
        permission (str | Unset):
        effect (str | Unset):
        expires_at (str | Unset):
        conditions (str | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
        prefer (DeletePoliciesPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        id=id,
        subject_id=subject_id,
        subject_type=subject_type,
        subject_role=subject_role,
        resource_type=resource_type,
        resource_id=resource_id,
        org_id=org_id,
        project_id=project_id,
        permission=permission,
        effect=effect,
        expires_at=expires_at,
        conditions=conditions,
        created_by=created_by,
        created_at=created_at,
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
    subject_id: str | Unset = UNSET,
    subject_type: str | Unset = UNSET,
    subject_role: str | Unset = UNSET,
    resource_type: str | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    org_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    permission: str | Unset = UNSET,
    effect: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    conditions: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    prefer: DeletePoliciesPrefer | Unset = UNSET,
) -> Response[Any]:
    """Permission policies that name you, and those of the organizations you administer. Change with
    /rpc/grant_permission and /rpc/revoke_permission; ask with /rpc/has_permission and
    /rpc/explain_permission.

    Args:
        id (str | Unset):
        subject_id (str | Unset):
        subject_type (str | Unset):
        subject_role (str | Unset):
        resource_type (str | Unset):
        resource_id (str | Unset):
        org_id (str | Unset):
        project_id (str | Unset):
        permission (str | Unset):
        effect (str | Unset):
        expires_at (str | Unset):
        conditions (str | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
        prefer (DeletePoliciesPrefer | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        id=id,
        subject_id=subject_id,
        subject_type=subject_type,
        subject_role=subject_role,
        resource_type=resource_type,
        resource_id=resource_id,
        org_id=org_id,
        project_id=project_id,
        permission=permission,
        effect=effect,
        expires_at=expires_at,
        conditions=conditions,
        created_by=created_by,
        created_at=created_at,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
