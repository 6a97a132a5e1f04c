from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Memberships")


@_attrs_define
class Memberships:
    """Members of the organizations you can read. Invite with /rpc/invite_member (a person becomes a member by accepting);
    change with /rpc/change_member_role and /rpc/remove_member.

        Attributes:
            created_at (str | Unset): When the user joined.
            org_id (UUID | Unset): The organization.

                Note:
                This is a Primary Key.<pk/>
                This is a Foreign Key to `organizations.id`.<fk table='organizations' column='id'/>
            role (str | Unset): owner, admin, member or viewer.
            updated_at (str | Unset): When the role last changed.
            user_id (UUID | Unset): The member.

                Note:
                This is a Primary Key.<pk/>
                This is a Foreign Key to `users.id`.<fk table='users' column='id'/>
    """

    created_at: str | Unset = UNSET
    org_id: UUID | Unset = UNSET
    role: str | Unset = UNSET
    updated_at: str | Unset = UNSET
    user_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        org_id: str | Unset = UNSET
        if not isinstance(self.org_id, Unset):
            org_id = str(self.org_id)

        role = self.role

        updated_at = self.updated_at

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if org_id is not UNSET:
            field_dict["org_id"] = org_id
        if role is not UNSET:
            field_dict["role"] = role
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)

        _org_id = d.pop("org_id", UNSET)
        org_id: UUID | Unset
        if isinstance(_org_id, Unset):
            org_id = UNSET
        else:
            org_id = UUID(_org_id)

        role = d.pop("role", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        _user_id = d.pop("user_id", UNSET)
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        memberships = cls(
            created_at=created_at,
            org_id=org_id,
            role=role,
            updated_at=updated_at,
            user_id=user_id,
        )

        memberships.additional_properties = d
        return memberships

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
