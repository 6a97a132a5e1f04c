from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceAccounts")


@_attrs_define
class ServiceAccounts:
    """Service accounts you may read (organization admins and those granted). Create with /rpc/create_service_account;
    PATCH or DELETE needs admin on the account.

        Attributes:
            created_at (str | Unset): When it was created.
            description (str | Unset): Free text.
            disabled_at (str | Unset): When it was disabled; a disabled account can do nothing.
            id (UUID | Unset): Service account id (also its principal id).

                Note:
                This is a Primary Key.<pk/>
            metadata (Any | Unset): Free-form JSON object.
            name (str | Unset): Name, unique in its project or organization.
            org_id (UUID | Unset): Organization, if any.

                Note:
                This is a Foreign Key to `organizations.id`.<fk table='organizations' column='id'/>
            project_id (UUID | Unset): Project, if any.

                Note:
                This is a Foreign Key to `profiles.id`.<fk table='profiles' column='id'/>
            updated_at (str | Unset): When it last changed.
    """

    created_at: str | Unset = UNSET
    description: str | Unset = UNSET
    disabled_at: str | Unset = UNSET
    id: UUID | Unset = UNSET
    metadata: Any | Unset = UNSET
    name: str | Unset = UNSET
    org_id: UUID | Unset = UNSET
    project_id: UUID | Unset = UNSET
    updated_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        description = self.description

        disabled_at = self.disabled_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        metadata = self.metadata

        name = self.name

        org_id: str | Unset = UNSET
        if not isinstance(self.org_id, Unset):
            org_id = str(self.org_id)

        project_id: str | Unset = UNSET
        if not isinstance(self.project_id, Unset):
            project_id = str(self.project_id)

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if description is not UNSET:
            field_dict["description"] = description
        if disabled_at is not UNSET:
            field_dict["disabled_at"] = disabled_at
        if id is not UNSET:
            field_dict["id"] = id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if name is not UNSET:
            field_dict["name"] = name
        if org_id is not UNSET:
            field_dict["org_id"] = org_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)

        description = d.pop("description", UNSET)

        disabled_at = d.pop("disabled_at", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        metadata = d.pop("metadata", UNSET)

        name = d.pop("name", UNSET)

        _org_id = d.pop("org_id", UNSET)
        org_id: UUID | Unset
        if isinstance(_org_id, Unset):
            org_id = UNSET
        else:
            org_id = UUID(_org_id)

        _project_id = d.pop("project_id", UNSET)
        project_id: UUID | Unset
        if isinstance(_project_id, Unset):
            project_id = UNSET
        else:
            project_id = UUID(_project_id)

        updated_at = d.pop("updated_at", UNSET)

        service_accounts = cls(
            created_at=created_at,
            description=description,
            disabled_at=disabled_at,
            id=id,
            metadata=metadata,
            name=name,
            org_id=org_id,
            project_id=project_id,
            updated_at=updated_at,
        )

        service_accounts.additional_properties = d
        return service_accounts

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
