from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Policies")


@_attrs_define
class Policies:
    """Permission policies that name you, and those of the organizations you administer. Change with /rpc/grant_permission
    and /rpc/revoke_permission; ask with /rpc/has_permission and /rpc/explain_permission.

        Attributes:
            conditions (Any | Unset): Optional conditions: {"not_before": timestamp}.
            created_at (str | Unset): When it was granted.
            created_by (UUID | Unset): Principal that granted it.

                Note:
                This is a Foreign Key to `principals.id`.<fk table='principals' column='id'/>
            effect (str | Unset): allow or deny; a matching deny always wins.
            expires_at (str | Unset): When the policy stops counting, if ever.
            id (UUID | Unset): Policy id.

                Note:
                This is a Primary Key.<pk/>
            org_id (UUID | Unset): Scope of a wildcard: an organization.

                Note:
                This is a Foreign Key to `organizations.id`.<fk table='organizations' column='id'/>
            permission (str | Unset): read, write, execute or admin (admin implies the others).
            project_id (UUID | Unset): Scope of a wildcard: a project.

                Note:
                This is a Foreign Key to `profiles.id`.<fk table='profiles' column='id'/>
            resource_id (UUID | Unset): The resource; empty = every resource of the type in the scope.
            resource_type (str | Unset): org, project, agent, tool, dataset, model, service_account, api_key or audit.
            subject_id (UUID | Unset): The principal granted (or denied), or the organization whose role is.
            subject_role (str | Unset): If set: every member with this role in organization subject_id.
            subject_type (str | Unset): Type of the subject principal.
    """

    conditions: Any | Unset = UNSET
    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    effect: str | Unset = UNSET
    expires_at: str | Unset = UNSET
    id: UUID | Unset = UNSET
    org_id: UUID | Unset = UNSET
    permission: str | Unset = UNSET
    project_id: UUID | Unset = UNSET
    resource_id: UUID | Unset = UNSET
    resource_type: str | Unset = UNSET
    subject_id: UUID | Unset = UNSET
    subject_role: str | Unset = UNSET
    subject_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conditions = self.conditions

        created_at = self.created_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        effect = self.effect

        expires_at = self.expires_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        org_id: str | Unset = UNSET
        if not isinstance(self.org_id, Unset):
            org_id = str(self.org_id)

        permission = self.permission

        project_id: str | Unset = UNSET
        if not isinstance(self.project_id, Unset):
            project_id = str(self.project_id)

        resource_id: str | Unset = UNSET
        if not isinstance(self.resource_id, Unset):
            resource_id = str(self.resource_id)

        resource_type = self.resource_type

        subject_id: str | Unset = UNSET
        if not isinstance(self.subject_id, Unset):
            subject_id = str(self.subject_id)

        subject_role = self.subject_role

        subject_type = self.subject_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if effect is not UNSET:
            field_dict["effect"] = effect
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if id is not UNSET:
            field_dict["id"] = id
        if org_id is not UNSET:
            field_dict["org_id"] = org_id
        if permission is not UNSET:
            field_dict["permission"] = permission
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if resource_id is not UNSET:
            field_dict["resource_id"] = resource_id
        if resource_type is not UNSET:
            field_dict["resource_type"] = resource_type
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if subject_role is not UNSET:
            field_dict["subject_role"] = subject_role
        if subject_type is not UNSET:
            field_dict["subject_type"] = subject_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        conditions = d.pop("conditions", UNSET)

        created_at = d.pop("created_at", UNSET)

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

        effect = d.pop("effect", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _org_id = d.pop("org_id", UNSET)
        org_id: UUID | Unset
        if isinstance(_org_id, Unset):
            org_id = UNSET
        else:
            org_id = UUID(_org_id)

        permission = d.pop("permission", UNSET)

        _project_id = d.pop("project_id", UNSET)
        project_id: UUID | Unset
        if isinstance(_project_id, Unset):
            project_id = UNSET
        else:
            project_id = UUID(_project_id)

        _resource_id = d.pop("resource_id", UNSET)
        resource_id: UUID | Unset
        if isinstance(_resource_id, Unset):
            resource_id = UNSET
        else:
            resource_id = UUID(_resource_id)

        resource_type = d.pop("resource_type", UNSET)

        _subject_id = d.pop("subject_id", UNSET)
        subject_id: UUID | Unset
        if isinstance(_subject_id, Unset):
            subject_id = UNSET
        else:
            subject_id = UUID(_subject_id)

        subject_role = d.pop("subject_role", UNSET)

        subject_type = d.pop("subject_type", UNSET)

        policies = cls(
            conditions=conditions,
            created_at=created_at,
            created_by=created_by,
            effect=effect,
            expires_at=expires_at,
            id=id,
            org_id=org_id,
            permission=permission,
            project_id=project_id,
            resource_id=resource_id,
            resource_type=resource_type,
            subject_id=subject_id,
            subject_role=subject_role,
            subject_type=subject_type,
        )

        policies.additional_properties = d
        return policies

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
