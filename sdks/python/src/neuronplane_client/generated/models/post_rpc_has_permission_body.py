from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostRpcHasPermissionBody")


@_attrs_define
class PostRpcHasPermissionBody:
    """May you (or principal_id: for the service, platform administrators and administrators of the resource) exercise
    permission (read, write, execute, admin) on the resource? Your own question goes through your API key, if you use
    one. Errors: 22023, 42501.

        Attributes:
            permission (str):
            resource_id (UUID):
            resource_type (str):
            principal_id (UUID | Unset):
    """

    permission: str
    resource_id: UUID
    resource_type: str
    principal_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        permission = self.permission

        resource_id = str(self.resource_id)

        resource_type = self.resource_type

        principal_id: str | Unset = UNSET
        if not isinstance(self.principal_id, Unset):
            principal_id = str(self.principal_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "permission": permission,
                "resource_id": resource_id,
                "resource_type": resource_type,
            }
        )
        if principal_id is not UNSET:
            field_dict["principal_id"] = principal_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        permission = d.pop("permission")

        resource_id = UUID(d.pop("resource_id"))

        resource_type = d.pop("resource_type")

        _principal_id = d.pop("principal_id", UNSET)
        principal_id: UUID | Unset
        if isinstance(_principal_id, Unset):
            principal_id = UNSET
        else:
            principal_id = UUID(_principal_id)

        post_rpc_has_permission_body = cls(
            permission=permission,
            resource_id=resource_id,
            resource_type=resource_type,
            principal_id=principal_id,
        )

        post_rpc_has_permission_body.additional_properties = d
        return post_rpc_has_permission_body

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
