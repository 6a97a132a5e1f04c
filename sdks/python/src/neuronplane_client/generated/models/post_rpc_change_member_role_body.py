from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PostRpcChangeMemberRoleBody")


@_attrs_define
class PostRpcChangeMemberRoleBody:
    """Change a member's role (owners and admins; the owner role only by owners). Errors: 42501, 42704 not a member, 23514
    last owner, 22023 bad role.

        Attributes:
            org_id (UUID):
            role (str):
            user_id (UUID):
    """

    org_id: UUID
    role: str
    user_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org_id = str(self.org_id)

        role = self.role

        user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_id": org_id,
                "role": role,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = UUID(d.pop("org_id"))

        role = d.pop("role")

        user_id = UUID(d.pop("user_id"))

        post_rpc_change_member_role_body = cls(
            org_id=org_id,
            role=role,
            user_id=user_id,
        )

        post_rpc_change_member_role_body.additional_properties = d
        return post_rpc_change_member_role_body

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
