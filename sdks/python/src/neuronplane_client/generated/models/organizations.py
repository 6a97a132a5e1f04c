from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Organizations")


@_attrs_define
class Organizations:
    """Organizations you belong to or were granted (platform administrators see all). Owners and admins may PATCH name and
    metadata. Create with POST /rpc/create_organization.

        Attributes:
            created_at (str | Unset): When it was created.
            id (UUID | Unset): Organization id (also its principal id).

                Note:
                This is a Primary Key.<pk/>
            metadata (Any | Unset): Free-form JSON object.
            name (str | Unset): Display name.
            slug (str | Unset): Unique short name, case-insensitive (letters, digits, hyphens).
            updated_at (str | Unset): When it last changed.
    """

    created_at: str | Unset = UNSET
    id: UUID | Unset = UNSET
    metadata: Any | Unset = UNSET
    name: str | Unset = UNSET
    slug: str | Unset = UNSET
    updated_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        metadata = self.metadata

        name = self.name

        slug = self.slug

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if id is not UNSET:
            field_dict["id"] = id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if name is not UNSET:
            field_dict["name"] = name
        if slug is not UNSET:
            field_dict["slug"] = slug
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        metadata = d.pop("metadata", UNSET)

        name = d.pop("name", UNSET)

        slug = d.pop("slug", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        organizations = cls(
            created_at=created_at,
            id=id,
            metadata=metadata,
            name=name,
            slug=slug,
            updated_at=updated_at,
        )

        organizations.additional_properties = d
        return organizations

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
