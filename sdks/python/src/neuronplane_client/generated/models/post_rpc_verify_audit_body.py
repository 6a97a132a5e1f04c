from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostRpcVerifyAuditBody")


@_attrs_define
class PostRpcVerifyAuditBody:
    """Platform administrators: verify the audit log's hash chains for the months overlapping [from_time, to_time)
    (default: everything). One row: ok = true, or the first event whose content or link does not match, with the
    problem. Events recorded in the last minute may not be sealed yet. GET /rpc/verify_audit?from_time=2026-11-01

        Attributes:
            from_time (str | Unset):
            to_time (str | Unset):
    """

    from_time: str | Unset = UNSET
    to_time: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_time = self.from_time

        to_time = self.to_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if from_time is not UNSET:
            field_dict["from_time"] = from_time
        if to_time is not UNSET:
            field_dict["to_time"] = to_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_time = d.pop("from_time", UNSET)

        to_time = d.pop("to_time", UNSET)

        post_rpc_verify_audit_body = cls(
            from_time=from_time,
            to_time=to_time,
        )

        post_rpc_verify_audit_body.additional_properties = d
        return post_rpc_verify_audit_body

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
