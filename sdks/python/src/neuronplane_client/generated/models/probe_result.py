from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProbeResult")


@_attrs_define
class ProbeResult:
    """An onboarding probe's outcome.

    Attributes:
        elapsed_ms (float | Unset):
        error (str | Unset):
        field (str | Unset):
        message (str | Unset):
        ok (bool | Unset):
    """

    elapsed_ms: float | Unset = UNSET
    error: str | Unset = UNSET
    field: str | Unset = UNSET
    message: str | Unset = UNSET
    ok: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        elapsed_ms = self.elapsed_ms

        error = self.error

        field = self.field

        message = self.message

        ok = self.ok

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if elapsed_ms is not UNSET:
            field_dict["elapsed_ms"] = elapsed_ms
        if error is not UNSET:
            field_dict["error"] = error
        if field is not UNSET:
            field_dict["field"] = field
        if message is not UNSET:
            field_dict["message"] = message
        if ok is not UNSET:
            field_dict["ok"] = ok

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        elapsed_ms = d.pop("elapsed_ms", UNSET)

        error = d.pop("error", UNSET)

        field = d.pop("field", UNSET)

        message = d.pop("message", UNSET)

        ok = d.pop("ok", UNSET)

        probe_result = cls(
            elapsed_ms=elapsed_ms,
            error=error,
            field=field,
            message=message,
            ok=ok,
        )

        probe_result.additional_properties = d
        return probe_result

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
