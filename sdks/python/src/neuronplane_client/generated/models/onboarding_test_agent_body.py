from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OnboardingTestAgentBody")


@_attrs_define
class OnboardingTestAgentBody:
    """
    Attributes:
        endpoint (str):
        api_key (str | Unset):
        health_path (str | Unset):
        timeout_seconds (float | Unset):
    """

    endpoint: str
    api_key: str | Unset = UNSET
    health_path: str | Unset = UNSET
    timeout_seconds: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        endpoint = self.endpoint

        api_key = self.api_key

        health_path = self.health_path

        timeout_seconds = self.timeout_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "endpoint": endpoint,
            }
        )
        if api_key is not UNSET:
            field_dict["api_key"] = api_key
        if health_path is not UNSET:
            field_dict["health_path"] = health_path
        if timeout_seconds is not UNSET:
            field_dict["timeout_seconds"] = timeout_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        endpoint = d.pop("endpoint")

        api_key = d.pop("api_key", UNSET)

        health_path = d.pop("health_path", UNSET)

        timeout_seconds = d.pop("timeout_seconds", UNSET)

        onboarding_test_agent_body = cls(
            endpoint=endpoint,
            api_key=api_key,
            health_path=health_path,
            timeout_seconds=timeout_seconds,
        )

        onboarding_test_agent_body.additional_properties = d
        return onboarding_test_agent_body

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
