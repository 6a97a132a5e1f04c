from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostRpcAddMemberBody")


@_attrs_define
class PostRpcAddMemberBody:
    """Invite a user, by id, to an organization: the same as /rpc/invite_member with user_id (7 days). The user becomes a
    member only by accepting (/rpc/accept_invitation); until then you see nothing of them. Answers the invitation.
    Errors: 42501, 23503 no such user, 23505 already a member or already invited, 22023 bad role.

        Attributes:
            org_id (UUID):
            user_id (UUID):
            role (str | Unset):
    """

    org_id: UUID
    user_id: UUID
    role: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org_id = str(self.org_id)

        user_id = str(self.user_id)

        role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_id": org_id,
                "user_id": user_id,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = UUID(d.pop("org_id"))

        user_id = UUID(d.pop("user_id"))

        role = d.pop("role", UNSET)

        post_rpc_add_member_body = cls(
            org_id=org_id,
            user_id=user_id,
            role=role,
        )

        post_rpc_add_member_body.additional_properties = d
        return post_rpc_add_member_body

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
