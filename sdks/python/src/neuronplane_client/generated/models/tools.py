from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Tools")


@_attrs_define
class Tools:
    """Tools of the projects you may read. POST needs write on the project; PATCH write, DELETE admin on the tool.

    Attributes:
        created_at (str | Unset): When it was registered.
        disabled_at (str | Unset): When it was disabled (/rpc/disable_principal).
        id (UUID | Unset): Tool id (also its principal id).

            Note:
            This is a Primary Key.<pk/>
        name (str | Unset): Name, unique in the project.
        project_id (UUID | Unset): The project.

            Note:
            This is a Foreign Key to `profiles.id`.<fk table='profiles' column='id'/>
        updated_at (str | Unset): When it last changed.
    """

    created_at: str | Unset = UNSET
    disabled_at: str | Unset = UNSET
    id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    project_id: UUID | Unset = UNSET
    updated_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        disabled_at = self.disabled_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name = self.name

        project_id: str | Unset = UNSET
        if not isinstance(self.project_id, Unset):
            project_id = str(self.project_id)

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if disabled_at is not UNSET:
            field_dict["disabled_at"] = disabled_at
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)

        disabled_at = d.pop("disabled_at", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        name = d.pop("name", UNSET)

        _project_id = d.pop("project_id", UNSET)
        project_id: UUID | Unset
        if isinstance(_project_id, Unset):
            project_id = UNSET
        else:
            project_id = UUID(_project_id)

        updated_at = d.pop("updated_at", UNSET)

        tools = cls(
            created_at=created_at,
            disabled_at=disabled_at,
            id=id,
            name=name,
            project_id=project_id,
            updated_at=updated_at,
        )

        tools.additional_properties = d
        return tools

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
