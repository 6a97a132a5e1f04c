from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Workers")


@_attrs_define
class Workers:
    """Background work: PostgreSQL background workers and neuronplane's processes (from pg_stat_activity, kind
    background_worker / application), pg_cron's scheduler jobs with their last run (kind scheduler_job), and the
    ingestion workers by their heartbeats (kind ingest_worker: busy, idle, stale or stopped in the last day). For
    platform administrators and organization owners/admins (42501 otherwise).

        Attributes:
            details (Any | Unset): pid, backend type, wait event; or the job's schedule, last run and failures in the last
                day.
            kind (str | Unset): background_worker, application, scheduler_job or ingest_worker.
            last_seen_at (str | Unset): Its last activity, or when the job last ended.
            name (str | Unset): Application name, backend type or job name.
            started_at (str | Unset): When the process started (NULL for jobs).
            state (str | Unset): Session state; the job's last status (succeeded, failed, running, inactive, not run yet);
                or an ingestion worker's busy, idle, stale or stopped.
    """

    details: Any | Unset = UNSET
    kind: str | Unset = UNSET
    last_seen_at: str | Unset = UNSET
    name: str | Unset = UNSET
    started_at: str | Unset = UNSET
    state: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        details = self.details

        kind = self.kind

        last_seen_at = self.last_seen_at

        name = self.name

        started_at = self.started_at

        state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if details is not UNSET:
            field_dict["details"] = details
        if kind is not UNSET:
            field_dict["kind"] = kind
        if last_seen_at is not UNSET:
            field_dict["last_seen_at"] = last_seen_at
        if name is not UNSET:
            field_dict["name"] = name
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if state is not UNSET:
            field_dict["state"] = state

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        details = d.pop("details", UNSET)

        kind = d.pop("kind", UNSET)

        last_seen_at = d.pop("last_seen_at", UNSET)

        name = d.pop("name", UNSET)

        started_at = d.pop("started_at", UNSET)

        state = d.pop("state", UNSET)

        workers = cls(
            details=details,
            kind=kind,
            last_seen_at=last_seen_at,
            name=name,
            started_at=started_at,
            state=state,
        )

        workers.additional_properties = d
        return workers

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
