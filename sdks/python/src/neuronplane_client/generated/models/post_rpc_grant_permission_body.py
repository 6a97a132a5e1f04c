from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostRpcGrantPermissionBody")


@_attrs_define
class PostRpcGrantPermissionBody:
    """Allow (or with effect = deny, forbid) a permission to a principal, or with subject_role to every member of
    organization subject_id with that role, on a resource, or on every resource of the type in a project/org scope. You
    must administer what it covers. Granting the same again updates expires_at and conditions. Errors: 42501, 22023,
    23503.

        Attributes:
            permission (str):
            resource_type (str):
            subject_id (UUID):
            conditions (Any | Unset):
            effect (str | Unset):
            expires_at (str | Unset):
            org_id (UUID | Unset):
            project_id (UUID | Unset):
            resource_id (UUID | Unset):
            subject_role (str | Unset):
    """

    permission: str
    resource_type: str
    subject_id: UUID
    conditions: Any | Unset = UNSET
    effect: str | Unset = UNSET
    expires_at: str | Unset = UNSET
    org_id: UUID | Unset = UNSET
    project_id: UUID | Unset = UNSET
    resource_id: UUID | Unset = UNSET
    subject_role: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        permission = self.permission

        resource_type = self.resource_type

        subject_id = str(self.subject_id)

        conditions = self.conditions

        effect = self.effect

        expires_at = self.expires_at

        org_id: str | Unset = UNSET
        if not isinstance(self.org_id, Unset):
            org_id = str(self.org_id)

        project_id: str | Unset = UNSET
        if not isinstance(self.project_id, Unset):
            project_id = str(self.project_id)

        resource_id: str | Unset = UNSET
        if not isinstance(self.resource_id, Unset):
            resource_id = str(self.resource_id)

        subject_role = self.subject_role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "permission": permission,
                "resource_type": resource_type,
                "subject_id": subject_id,
            }
        )
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if effect is not UNSET:
            field_dict["effect"] = effect
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if org_id is not UNSET:
            field_dict["org_id"] = org_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if resource_id is not UNSET:
            field_dict["resource_id"] = resource_id
        if subject_role is not UNSET:
            field_dict["subject_role"] = subject_role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        permission = d.pop("permission")

        resource_type = d.pop("resource_type")

        subject_id = UUID(d.pop("subject_id"))

        conditions = d.pop("conditions", UNSET)

        effect = d.pop("effect", UNSET)

        expires_at = d.pop("expires_at", UNSET)

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

        _resource_id = d.pop("resource_id", UNSET)
        resource_id: UUID | Unset
        if isinstance(_resource_id, Unset):
            resource_id = UNSET
        else:
            resource_id = UUID(_resource_id)

        subject_role = d.pop("subject_role", UNSET)

        post_rpc_grant_permission_body = cls(
            permission=permission,
            resource_type=resource_type,
            subject_id=subject_id,
            conditions=conditions,
            effect=effect,
            expires_at=expires_at,
            org_id=org_id,
            project_id=project_id,
            resource_id=resource_id,
            subject_role=subject_role,
        )

        post_rpc_grant_permission_body.additional_properties = d
        return post_rpc_grant_permission_body

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
