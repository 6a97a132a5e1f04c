from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostRpcCreateApiKeyBody")


@_attrs_define
class PostRpcCreateApiKeyBody:
    """Create an API key for yourself, or for a service account or agent you administer. Returns the key
    (npk_<prefix>_<secret>) once: it cannot be shown again. roles (admin, member, viewer, service) narrow what the key
    may do; project_id limits it to one project; name is 1 to 200 characters; rate_limit_per_min is 1 to 1000000
    (default when left out); expires_at is in the future. Errors: 42501, 22004 (no name), 22023.

        Attributes:
            name (str):
            expires_at (str | Unset):
            principal_id (UUID | Unset):
            project_id (UUID | Unset):
            rate_limit_per_min (int | Unset):
            roles (list[str] | Unset):
    """

    name: str
    expires_at: str | Unset = UNSET
    principal_id: UUID | Unset = UNSET
    project_id: UUID | Unset = UNSET
    rate_limit_per_min: int | Unset = UNSET
    roles: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        expires_at = self.expires_at

        principal_id: str | Unset = UNSET
        if not isinstance(self.principal_id, Unset):
            principal_id = str(self.principal_id)

        project_id: str | Unset = UNSET
        if not isinstance(self.project_id, Unset):
            project_id = str(self.project_id)

        rate_limit_per_min = self.rate_limit_per_min

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if principal_id is not UNSET:
            field_dict["principal_id"] = principal_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if rate_limit_per_min is not UNSET:
            field_dict["rate_limit_per_min"] = rate_limit_per_min
        if roles is not UNSET:
            field_dict["roles"] = roles

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        expires_at = d.pop("expires_at", UNSET)

        _principal_id = d.pop("principal_id", UNSET)
        principal_id: UUID | Unset
        if isinstance(_principal_id, Unset):
            principal_id = UNSET
        else:
            principal_id = UUID(_principal_id)

        _project_id = d.pop("project_id", UNSET)
        project_id: UUID | Unset
        if isinstance(_project_id, Unset):
            project_id = UNSET
        else:
            project_id = UUID(_project_id)

        rate_limit_per_min = d.pop("rate_limit_per_min", UNSET)

        roles = cast(list[str], d.pop("roles", UNSET))

        post_rpc_create_api_key_body = cls(
            name=name,
            expires_at=expires_at,
            principal_id=principal_id,
            project_id=project_id,
            rate_limit_per_min=rate_limit_per_min,
            roles=roles,
        )

        post_rpc_create_api_key_body.additional_properties = d
        return post_rpc_create_api_key_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
