from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiKeys")


@_attrs_define
class ApiKeys:
    """API keys you may read: your own, and those of the organizations you administer. Never the secret or its hash. Create
    with /rpc/create_api_key (the key is shown once), /rpc/revoke_api_key, /rpc/rotate_api_key; PATCH renames.

        Attributes:
            created_at (str | Unset): When the key was created.
            created_by (UUID | Unset): Principal that created the key.

                Note:
                This is a Foreign Key to `principals.id`.<fk table='principals' column='id'/>
            expires_at (str | Unset): When the key stops working, if ever.
            id (UUID | Unset): Key id.

                Note:
                This is a Primary Key.<pk/>
            last_used_at (str | Unset): Last successful use.
            name (str | Unset): A name to recognise the key by.
            prefix (str | Unset): The visible part of the key: npk_<prefix>_...
            principal_id (UUID | Unset): Who the key acts as.
            principal_type (str | Unset): user, service_account or agent.
            project_id (UUID | Unset): If set, the key reaches only this project and what it holds.

                Note:
                This is a Foreign Key to `profiles.id`.<fk table='profiles' column='id'/>
            rate_limit_per_min (int | Unset): Requests per minute allowed with this key.
            revoked_at (str | Unset): When the key was revoked.
            roles (list[str] | Unset): admin, member, viewer, service: narrow what the principal may do through this key.
            updated_at (str | Unset): When the key last changed.
    """

    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    expires_at: str | Unset = UNSET
    id: UUID | Unset = UNSET
    last_used_at: str | Unset = UNSET
    name: str | Unset = UNSET
    prefix: str | Unset = UNSET
    principal_id: UUID | Unset = UNSET
    principal_type: str | Unset = UNSET
    project_id: UUID | Unset = UNSET
    rate_limit_per_min: int | Unset = UNSET
    revoked_at: str | Unset = UNSET
    roles: list[str] | Unset = UNSET
    updated_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        expires_at = self.expires_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        last_used_at = self.last_used_at

        name = self.name

        prefix = self.prefix

        principal_id: str | Unset = UNSET
        if not isinstance(self.principal_id, Unset):
            principal_id = str(self.principal_id)

        principal_type = self.principal_type

        project_id: str | Unset = UNSET
        if not isinstance(self.project_id, Unset):
            project_id = str(self.project_id)

        rate_limit_per_min = self.rate_limit_per_min

        revoked_at = self.revoked_at

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if id is not UNSET:
            field_dict["id"] = id
        if last_used_at is not UNSET:
            field_dict["last_used_at"] = last_used_at
        if name is not UNSET:
            field_dict["name"] = name
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if principal_id is not UNSET:
            field_dict["principal_id"] = principal_id
        if principal_type is not UNSET:
            field_dict["principal_type"] = principal_type
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if rate_limit_per_min is not UNSET:
            field_dict["rate_limit_per_min"] = rate_limit_per_min
        if revoked_at is not UNSET:
            field_dict["revoked_at"] = revoked_at
        if roles is not UNSET:
            field_dict["roles"] = roles
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

        expires_at = d.pop("expires_at", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        last_used_at = d.pop("last_used_at", UNSET)

        name = d.pop("name", UNSET)

        prefix = d.pop("prefix", UNSET)

        _principal_id = d.pop("principal_id", UNSET)
        principal_id: UUID | Unset
        if isinstance(_principal_id, Unset):
            principal_id = UNSET
        else:
            principal_id = UUID(_principal_id)

        principal_type = d.pop("principal_type", UNSET)

        _project_id = d.pop("project_id", UNSET)
        project_id: UUID | Unset
        if isinstance(_project_id, Unset):
            project_id = UNSET
        else:
            project_id = UUID(_project_id)

        rate_limit_per_min = d.pop("rate_limit_per_min", UNSET)

        revoked_at = d.pop("revoked_at", UNSET)

        roles = cast(list[str], d.pop("roles", UNSET))

        updated_at = d.pop("updated_at", UNSET)

        api_keys = cls(
            created_at=created_at,
            created_by=created_by,
            expires_at=expires_at,
            id=id,
            last_used_at=last_used_at,
            name=name,
            prefix=prefix,
            principal_id=principal_id,
            principal_type=principal_type,
            project_id=project_id,
            rate_limit_per_min=rate_limit_per_min,
            revoked_at=revoked_at,
            roles=roles,
            updated_at=updated_at,
        )

        api_keys.additional_properties = d
        return api_keys

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
