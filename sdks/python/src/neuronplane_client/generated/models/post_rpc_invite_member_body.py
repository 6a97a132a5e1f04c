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
    """Invite a person to an organization by user_id or by email (one of them), with the role accepting gives (owners and
    admins; only owners invite owners). The invitation expires after valid_days (1 to 30, default 7). You see nothing of
    the person until they accept. Errors: 42501, 22023 bad role, both or neither of user_id and email, bad e-mail or
    valid_days, 23503 no such user id, 23505 already a member or already invited.

        Attributes:
            org_id (UUID):
            email (str | Unset):
            role (str | Unset):
            user_id (UUID | Unset):
            valid_days (int | Unset):
    """

    org_id: UUID
    email: str | Unset = UNSET
    role: str | Unset = UNSET
    user_id: UUID | Unset = UNSET
    valid_days: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org_id = str(self.org_id)

        email = self.email

        role = self.role

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        valid_days = self.valid_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_id": org_id,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if role is not UNSET:
            field_dict["role"] = role
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if valid_days is not UNSET:
            field_dict["valid_days"] = valid_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = UUID(d.pop("org_id"))

        email = d.pop("email", UNSET)

        role = d.pop("role", UNSET)

        _user_id = d.pop("user_id", UNSET)
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        valid_days = d.pop("valid_days", UNSET)

        post_rpc_invite_member_body = cls(
            org_id=org_id,
            email=email,
            role=role,
            user_id=user_id,
            valid_days=valid_days,
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
