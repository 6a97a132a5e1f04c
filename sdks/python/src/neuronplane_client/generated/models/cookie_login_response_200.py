from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CookieLoginResponse200")


@_attrs_define
class CookieLoginResponse200:
    """
    Attributes:
        expires_at (int | Unset):
        expires_in (int | Unset):
        principal_id (UUID | Unset):
        session_id (UUID | Unset):
    """

    expires_at: int | Unset = UNSET
    expires_in: int | Unset = UNSET
    principal_id: UUID | Unset = UNSET
    session_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expires_at = self.expires_at

        expires_in = self.expires_in

        principal_id: str | Unset = UNSET
        if not isinstance(self.principal_id, Unset):
            principal_id = str(self.principal_id)

        session_id: str | Unset = UNSET
        if not isinstance(self.session_id, Unset):
            session_id = str(self.session_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if principal_id is not UNSET:
            field_dict["principal_id"] = principal_id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_at = d.pop("expires_at", UNSET)

        expires_in = d.pop("expires_in", UNSET)

        _principal_id = d.pop("principal_id", UNSET)
        principal_id: UUID | Unset
        if isinstance(_principal_id, Unset):
            principal_id = UNSET
        else:
            principal_id = UUID(_principal_id)

        _session_id = d.pop("session_id", UNSET)
        session_id: UUID | Unset
        if isinstance(_session_id, Unset):
            session_id = UNSET
        else:
            session_id = UUID(_session_id)

        cookie_login_response_200 = cls(
            expires_at=expires_at,
            expires_in=expires_in,
            principal_id=principal_id,
            session_id=session_id,
        )

        cookie_login_response_200.additional_properties = d
        return cookie_login_response_200

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
