from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Usage")


@_attrs_define
class Usage:
    """Usage per project and UTC day: requests and errors of API-key requests made with keys bound to the project (JWT
    requests are not counted), LLM calls and tokens reported by NeuronAgent (POST /rpc/record_usage). Filter with
    ?project_id=eq.<id>&day=gte.<date>. For administrators of the project (organization owners/admins) and platform
    administrators.

        Attributes:
            day (datetime.date | Unset): UTC day.
            errors (int | Unset): Refused requests of the project's API keys (rate limited, revoked, expired, wrong secret).
            llm_calls (int | Unset): LLM calls reported by NeuronAgent.
            project_id (UUID | Unset): The project (profile).
            requests (int | Unset): API requests let through for the project's API keys.
            tokens_in (int | Unset): Prompt tokens reported.
            tokens_out (int | Unset): Completion tokens reported.
            updated_at (str | Unset): Last change of these counters.
    """

    day: datetime.date | Unset = UNSET
    errors: int | Unset = UNSET
    llm_calls: int | Unset = UNSET
    project_id: UUID | Unset = UNSET
    requests: int | Unset = UNSET
    tokens_in: int | Unset = UNSET
    tokens_out: int | Unset = UNSET
    updated_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        day: str | Unset = UNSET
        if not isinstance(self.day, Unset):
            day = self.day.isoformat()

        errors = self.errors

        llm_calls = self.llm_calls

        project_id: str | Unset = UNSET
        if not isinstance(self.project_id, Unset):
            project_id = str(self.project_id)

        requests = self.requests

        tokens_in = self.tokens_in

        tokens_out = self.tokens_out

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if day is not UNSET:
            field_dict["day"] = day
        if errors is not UNSET:
            field_dict["errors"] = errors
        if llm_calls is not UNSET:
            field_dict["llm_calls"] = llm_calls
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if requests is not UNSET:
            field_dict["requests"] = requests
        if tokens_in is not UNSET:
            field_dict["tokens_in"] = tokens_in
        if tokens_out is not UNSET:
            field_dict["tokens_out"] = tokens_out
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _day = d.pop("day", UNSET)
        day: datetime.date | Unset
        if isinstance(_day, Unset):
            day = UNSET
        else:
            day = datetime.date.fromisoformat(_day)

        errors = d.pop("errors", UNSET)

        llm_calls = d.pop("llm_calls", UNSET)

        _project_id = d.pop("project_id", UNSET)
        project_id: UUID | Unset
        if isinstance(_project_id, Unset):
            project_id = UNSET
        else:
            project_id = UUID(_project_id)

        requests = d.pop("requests", UNSET)

        tokens_in = d.pop("tokens_in", UNSET)

        tokens_out = d.pop("tokens_out", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        usage = cls(
            day=day,
            errors=errors,
            llm_calls=llm_calls,
            project_id=project_id,
            requests=requests,
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            updated_at=updated_at,
        )

        usage.additional_properties = d
        return usage

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
