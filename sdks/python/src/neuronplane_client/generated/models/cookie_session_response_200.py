from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CookieSessionResponse200")


@_attrs_define
class CookieSessionResponse200:
    """
    Attributes:
        access_expires_at (datetime.datetime | Unset):
        auth_method (str | Unset):
        display_name (None | str | Unset):
        email (None | str | Unset):
        principal_id (UUID | Unset):
        session_expires_at (datetime.datetime | Unset):
        session_id (UUID | Unset):
        username (str | Unset):
    """

    access_expires_at: datetime.datetime | Unset = UNSET
    auth_method: str | Unset = UNSET
    display_name: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    principal_id: UUID | Unset = UNSET
    session_expires_at: datetime.datetime | Unset = UNSET
    session_id: UUID | Unset = UNSET
    username: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_expires_at: str | Unset = UNSET
        if not isinstance(self.access_expires_at, Unset):
            access_expires_at = self.access_expires_at.isoformat()

        auth_method = self.auth_method

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        principal_id: str | Unset = UNSET
        if not isinstance(self.principal_id, Unset):
            principal_id = str(self.principal_id)

        session_expires_at: str | Unset = UNSET
        if not isinstance(self.session_expires_at, Unset):
            session_expires_at = self.session_expires_at.isoformat()

        session_id: str | Unset = UNSET
        if not isinstance(self.session_id, Unset):
            session_id = str(self.session_id)

        username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if access_expires_at is not UNSET:
            field_dict["access_expires_at"] = access_expires_at
        if auth_method is not UNSET:
            field_dict["auth_method"] = auth_method
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if email is not UNSET:
            field_dict["email"] = email
        if principal_id is not UNSET:
            field_dict["principal_id"] = principal_id
        if session_expires_at is not UNSET:
            field_dict["session_expires_at"] = session_expires_at
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _access_expires_at = d.pop("access_expires_at", UNSET)
        access_expires_at: datetime.datetime | Unset
        if isinstance(_access_expires_at, Unset):
            access_expires_at = UNSET
        else:
            access_expires_at = datetime.datetime.fromisoformat(_access_expires_at)

        auth_method = d.pop("auth_method", UNSET)

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        _principal_id = d.pop("principal_id", UNSET)
        principal_id: UUID | Unset
        if isinstance(_principal_id, Unset):
            principal_id = UNSET
        else:
            principal_id = UUID(_principal_id)

        _session_expires_at = d.pop("session_expires_at", UNSET)
        session_expires_at: datetime.datetime | Unset
        if isinstance(_session_expires_at, Unset):
            session_expires_at = UNSET
        else:
            session_expires_at = datetime.datetime.fromisoformat(_session_expires_at)

        _session_id = d.pop("session_id", UNSET)
        session_id: UUID | Unset
        if isinstance(_session_id, Unset):
            session_id = UNSET
        else:
            session_id = UUID(_session_id)

        username = d.pop("username", UNSET)

        cookie_session_response_200 = cls(
            access_expires_at=access_expires_at,
            auth_method=auth_method,
            display_name=display_name,
            email=email,
            principal_id=principal_id,
            session_expires_at=session_expires_at,
            session_id=session_id,
            username=username,
        )

        cookie_session_response_200.additional_properties = d
        return cookie_session_response_200

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
