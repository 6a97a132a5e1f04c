from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Principals")


@_attrs_define
class Principals:
    """Principals (users, organizations, service accounts, agents, tools, datasets) you can see. /rpc/resolve_principal
    describes one; /rpc/disable_principal disables one.

        Attributes:
            created_at (str | Unset): When it was created.
            disabled_at (str | Unset): When it was disabled.
            expires_at (str | Unset): When it stops being valid, if ever.
            id (UUID | Unset): Principal id (the id of the user, organization, ... it stands for).

                Note:
                This is a Primary Key.<pk/>
            name (str | Unset): Name of what it stands for.
            type_ (str | Unset): user, org, agent, tool, dataset or service_account.
            updated_at (str | Unset): When it last changed.
    """

    created_at: str | Unset = UNSET
    disabled_at: str | Unset = UNSET
    expires_at: str | Unset = UNSET
    id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    type_: str | Unset = UNSET
    updated_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        disabled_at = self.disabled_at

        expires_at = self.expires_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name = self.name

        type_ = self.type_

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if disabled_at is not UNSET:
            field_dict["disabled_at"] = disabled_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)

        disabled_at = d.pop("disabled_at", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        name = d.pop("name", UNSET)

        type_ = d.pop("type", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        principals = cls(
            created_at=created_at,
            disabled_at=disabled_at,
            expires_at=expires_at,
            id=id,
            name=name,
            type_=type_,
            updated_at=updated_at,
        )

        principals.additional_properties = d
        return principals

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
