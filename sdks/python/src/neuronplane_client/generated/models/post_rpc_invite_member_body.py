from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostRpcInviteMemberBody")


@_attrs_define
class PostRpcInviteMemberBody:
    """Add the user with this username or e-mail to the organization with a role (owner, admin, member, viewer); the caller
    must be allowed to manage members (only owners make owners). 23503 when no user has that name, 23505 when already a
    member. Audited as identity.membership.changed.

        Attributes:
            org_id (UUID):
            username_or_email (str):
            role (str | Unset):
    """

    org_id: UUID
    username_or_email: str
    role: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org_id = str(self.org_id)

        username_or_email = self.username_or_email

        role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_id": org_id,
                "username_or_email": username_or_email,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = UUID(d.pop("org_id"))

        username_or_email = d.pop("username_or_email")

        role = d.pop("role", UNSET)

        post_rpc_invite_member_body = cls(
            org_id=org_id,
            username_or_email=username_or_email,
            role=role,
        )

        post_rpc_invite_member_body.additional_properties = d
        return post_rpc_invite_member_body

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
