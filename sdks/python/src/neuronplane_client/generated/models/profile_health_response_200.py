from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProfileHealthResponse200")


@_attrs_define
class ProfileHealthResponse200:
    """
    Attributes:
        error (str | Unset):
        message (str | Unset):
        ok (bool | Unset):
        profile_id (UUID | Unset):
        server (str | Unset):
    """

    error: str | Unset = UNSET
    message: str | Unset = UNSET
    ok: bool | Unset = UNSET
    profile_id: UUID | Unset = UNSET
    server: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        message = self.message

        ok = self.ok

        profile_id: str | Unset = UNSET
        if not isinstance(self.profile_id, Unset):
            profile_id = str(self.profile_id)

        server = self.server

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error is not UNSET:
            field_dict["error"] = error
        if message is not UNSET:
            field_dict["message"] = message
        if ok is not UNSET:
            field_dict["ok"] = ok
        if profile_id is not UNSET:
            field_dict["profile_id"] = profile_id
        if server is not UNSET:
            field_dict["server"] = server

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = d.pop("error", UNSET)

        message = d.pop("message", UNSET)

        ok = d.pop("ok", UNSET)

        _profile_id = d.pop("profile_id", UNSET)
        profile_id: UUID | Unset
        if isinstance(_profile_id, Unset):
            profile_id = UNSET
        else:
            profile_id = UUID(_profile_id)

        server = d.pop("server", UNSET)

        profile_health_response_200 = cls(
            error=error,
            message=message,
            ok=ok,
            profile_id=profile_id,
            server=server,
        )

        profile_health_response_200.additional_properties = d
        return profile_health_response_200

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
