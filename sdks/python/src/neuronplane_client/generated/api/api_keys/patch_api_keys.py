from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_keys import ApiKeys
from ...models.patch_api_keys_prefer import PatchApiKeysPrefer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ApiKeys | Unset = UNSET,
    id: str | Unset = UNSET,
    principal_id: str | Unset = UNSET,
    principal_type: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    prefix: str | Unset = UNSET,
    roles: str | Unset = UNSET,
    rate_limit_per_min: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    revoked_at: str | Unset = UNSET,
    last_used_at: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchApiKeysPrefer | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = str(prefer)

    params: dict[str, Any] = {}

    params["id"] = id

    params["principal_id"] = principal_id

    params["principal_type"] = principal_type

    params["project_id"] = project_id

    params["name"] = name

    params["prefix"] = prefix

    params["roles"] = roles

    params["rate_limit_per_min"] = rate_limit_per_min

    params["expires_at"] = expires_at

    params["revoked_at"] = revoked_at

    params["last_used_at"] = last_used_at

    params["created_by"] = created_by

    params["created_at"] = created_at

    params["updated_at"] = updated_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
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
    body: ApiKeys | Unset = UNSET,
    id: str | Unset = UNSET,
    principal_id: str | Unset = UNSET,
    principal_type: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    prefix: str | Unset = UNSET,
    roles: str | Unset = UNSET,
    rate_limit_per_min: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    revoked_at: str | Unset = UNSET,
    last_used_at: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchApiKeysPrefer | Unset = UNSET,
) -> Response[Any]:
    """API keys you may read: your own, and those of the organizations you administer. Never the secret or
    its hash. Create with /rpc/create_api_key (the key is shown once), /rpc/revoke_api_key,
    /rpc/rotate_api_key; PATCH renames.

    Args:
        id (str | Unset):
        principal_id (str | Unset):
        principal_type (str | Unset):
        project_id (str | Unset):
        name (str | Unset):
        prefix (str | Unset):
        roles (str | Unset):
        rate_limit_per_min (str | Unset):
        expires_at (str | Unset):
        revoked_at (str | Unset):
        last_used_at (str | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        prefer (PatchApiKeysPrefer | Unset):
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
        id=id,
        principal_id=principal_id,
        principal_type=principal_type,
        project_id=project_id,
        name=name,
        prefix=prefix,
        roles=roles,
        rate_limit_per_min=rate_limit_per_min,
        expires_at=expires_at,
        revoked_at=revoked_at,
        last_used_at=last_used_at,
        created_by=created_by,
        created_at=created_at,
        updated_at=updated_at,
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
    id: str | Unset = UNSET,
    principal_id: str | Unset = UNSET,
    principal_type: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    prefix: str | Unset = UNSET,
    roles: str | Unset = UNSET,
    rate_limit_per_min: str | Unset = UNSET,
    expires_at: str | Unset = UNSET,
    revoked_at: str | Unset = UNSET,
    last_used_at: str | Unset = UNSET,
    created_by: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    prefer: PatchApiKeysPrefer | Unset = UNSET,
) -> Response[Any]:
    """API keys you may read: your own, and those of the organizations you administer. Never the secret or
    its hash. Create with /rpc/create_api_key (the key is shown once), /rpc/revoke_api_key,
    /rpc/rotate_api_key; PATCH renames.

    Args:
        id (str | Unset):
        principal_id (str | Unset):
        principal_type (str | Unset):
        project_id (str | Unset):
        name (str | Unset):
        prefix (str | Unset):
        roles (str | Unset):
        rate_limit_per_min (str | Unset):
        expires_at (str | Unset):
        revoked_at (str | Unset):
        last_used_at (str | Unset):
        created_by (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        prefer (PatchApiKeysPrefer | Unset):
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
        id=id,
        principal_id=principal_id,
        principal_type=principal_type,
        project_id=project_id,
        name=name,
        prefix=prefix,
        roles=roles,
        rate_limit_per_min=rate_limit_per_min,
        expires_at=expires_at,
        revoked_at=revoked_at,
        last_used_at=last_used_at,
        created_by=created_by,
        created_at=created_at,
        updated_at=updated_at,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
