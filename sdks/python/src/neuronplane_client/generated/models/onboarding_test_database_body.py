from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OnboardingTestDatabaseBody")


@_attrs_define
class OnboardingTestDatabaseBody:
    """
    Attributes:
        dsn (str | Unset):
        profile_id (UUID | Unset):
        timeout_seconds (float | Unset):
    """

    dsn: str | Unset = UNSET
    profile_id: UUID | Unset = UNSET
    timeout_seconds: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dsn = self.dsn

        profile_id: str | Unset = UNSET
        if not isinstance(self.profile_id, Unset):
            profile_id = str(self.profile_id)

        timeout_seconds = self.timeout_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if dsn is not UNSET:
            field_dict["dsn"] = dsn
        if profile_id is not UNSET:
            field_dict["profile_id"] = profile_id
        if timeout_seconds is not UNSET:
            field_dict["timeout_seconds"] = timeout_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dsn = d.pop("dsn", UNSET)

        _profile_id = d.pop("profile_id", UNSET)
        profile_id: UUID | Unset
        if isinstance(_profile_id, Unset):
            profile_id = UNSET
        else:
            profile_id = UUID(_profile_id)

        timeout_seconds = d.pop("timeout_seconds", UNSET)

        onboarding_test_database_body = cls(
            dsn=dsn,
            profile_id=profile_id,
            timeout_seconds=timeout_seconds,
        )

        onboarding_test_database_body.additional_properties = d
        return onboarding_test_database_body

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
