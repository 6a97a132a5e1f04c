from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditEvents")


@_attrs_define
class AuditEvents:
    """The audit log, read-only. You see the events you performed; whoever may read an organization's audit log (its owners
    and admins, and any role or policy granting audit read) sees its events; platform administrators see all. Filter
    with PostgREST operators, e.g.
    ?occurred_at=gte.2026-11-01&action=eq.auth.login.failed&order=occurred_at.desc&limit=50.

        Attributes:
            action (str | Unset): What happened, from the action catalogue (e.g. auth.login.failed).
            details (Any | Unset): More about the event; never contains secrets.
            id (int | Unset): Event number, increasing with time of insertion.

                Note:
                This is a Primary Key.<pk/>
            ip (str | Unset): Client address, when known.
            occurred_at (str | Unset): When the event was recorded (server clock).

                Note:
                This is a Primary Key.<pk/>
            org_id (UUID | Unset): The organization the event belongs to, if any.
            outcome (str | Unset): success, failure or denied.
            principal_id (UUID | Unset): Who acted; null for anonymous callers.
            principal_type (str | Unset): user, org, agent, tool, dataset or service_account.
            project_id (UUID | Unset): The project (profile) the event belongs to, if any.
            request_id (str | Unset): The request's X-Request-Id, when given.
            resource_id (str | Unset): The object acted upon.
            resource_type (str | Unset): The kind of object acted upon (e.g. api_key, project).
            user_agent (str | Unset): Client user agent, when known.
    """

    action: str | Unset = UNSET
    details: Any | Unset = UNSET
    id: int | Unset = UNSET
    ip: str | Unset = UNSET
    occurred_at: str | Unset = UNSET
    org_id: UUID | Unset = UNSET
    outcome: str | Unset = UNSET
    principal_id: UUID | Unset = UNSET
    principal_type: str | Unset = UNSET
    project_id: UUID | Unset = UNSET
    request_id: str | Unset = UNSET
    resource_id: str | Unset = UNSET
    resource_type: str | Unset = UNSET
    user_agent: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        details = self.details

        id = self.id

        ip = self.ip

        occurred_at = self.occurred_at

        org_id: str | Unset = UNSET
        if not isinstance(self.org_id, Unset):
            org_id = str(self.org_id)

        outcome = self.outcome

        principal_id: str | Unset = UNSET
        if not isinstance(self.principal_id, Unset):
            principal_id = str(self.principal_id)

        principal_type = self.principal_type

        project_id: str | Unset = UNSET
        if not isinstance(self.project_id, Unset):
            project_id = str(self.project_id)

        request_id = self.request_id

        resource_id = self.resource_id

        resource_type = self.resource_type

        user_agent = self.user_agent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if action is not UNSET:
            field_dict["action"] = action
        if details is not UNSET:
            field_dict["details"] = details
        if id is not UNSET:
            field_dict["id"] = id
        if ip is not UNSET:
            field_dict["ip"] = ip
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if org_id is not UNSET:
            field_dict["org_id"] = org_id
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if principal_id is not UNSET:
            field_dict["principal_id"] = principal_id
        if principal_type is not UNSET:
            field_dict["principal_type"] = principal_type
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if resource_id is not UNSET:
            field_dict["resource_id"] = resource_id
        if resource_type is not UNSET:
            field_dict["resource_type"] = resource_type
        if user_agent is not UNSET:
            field_dict["user_agent"] = user_agent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action", UNSET)

        details = d.pop("details", UNSET)

        id = d.pop("id", UNSET)

        ip = d.pop("ip", UNSET)

        occurred_at = d.pop("occurred_at", UNSET)

        _org_id = d.pop("org_id", UNSET)
        org_id: UUID | Unset
        if isinstance(_org_id, Unset):
            org_id = UNSET
        else:
            org_id = UUID(_org_id)

        outcome = d.pop("outcome", UNSET)

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

        request_id = d.pop("request_id", UNSET)

        resource_id = d.pop("resource_id", UNSET)

        resource_type = d.pop("resource_type", UNSET)

        user_agent = d.pop("user_agent", UNSET)

        audit_events = cls(
            action=action,
            details=details,
            id=id,
            ip=ip,
            occurred_at=occurred_at,
            org_id=org_id,
            outcome=outcome,
            principal_id=principal_id,
            principal_type=principal_type,
            project_id=project_id,
            request_id=request_id,
            resource_id=resource_id,
            resource_type=resource_type,
            user_agent=user_agent,
        )

        audit_events.additional_properties = d
        return audit_events

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
