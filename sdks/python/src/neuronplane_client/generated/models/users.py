from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Users")


@_attrs_define
class Users:
    """Yourself and the users who share an organization with you (platform administrators see all). You may PATCH your own
    display_name and metadata.

        Attributes:
            created_at (str | Unset): When the user was created.
            disabled_at (str | Unset): When the user was disabled; a disabled user can do nothing.
            display_name (str | Unset): Name shown to people.
            email (str | Unset): Unique e-mail address, case-insensitive.
            id (UUID | Unset): User id (also its principal id).

                Note:
                This is a Primary Key.<pk/>
            is_admin (bool | Unset): Platform administrator.
            metadata (Any | Unset): Free-form JSON object.
            updated_at (str | Unset): When the user last changed.
            username (str | Unset): Unique login name, case-insensitive.
    """

    created_at: str | Unset = UNSET
    disabled_at: str | Unset = UNSET
    display_name: str | Unset = UNSET
    email: str | Unset = UNSET
    id: UUID | Unset = UNSET
    is_admin: bool | Unset = UNSET
    metadata: Any | Unset = UNSET
    updated_at: str | Unset = UNSET
    username: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        disabled_at = self.disabled_at

        display_name = self.display_name

        email = self.email

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        is_admin = self.is_admin

        metadata = self.metadata

        updated_at = self.updated_at

        username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if disabled_at is not UNSET:
            field_dict["disabled_at"] = disabled_at
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if email is not UNSET:
            field_dict["email"] = email
        if id is not UNSET:
            field_dict["id"] = id
        if is_admin is not UNSET:
            field_dict["is_admin"] = is_admin
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)

        disabled_at = d.pop("disabled_at", UNSET)

        display_name = d.pop("display_name", UNSET)

        email = d.pop("email", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        is_admin = d.pop("is_admin", UNSET)

        metadata = d.pop("metadata", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        username = d.pop("username", UNSET)

        users = cls(
            created_at=created_at,
            disabled_at=disabled_at,
            display_name=display_name,
            email=email,
            id=id,
            is_admin=is_admin,
            metadata=metadata,
            updated_at=updated_at,
            username=username,
        )

        users.additional_properties = d
        return users

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
