from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PostRpcAuthorizeOnboardingProbeBody")


@_attrs_define
class PostRpcAuthorizeOnboardingProbeBody:
    """For the glue: may the caller have the glue test a connection (kind database or agent) to target (host:port or a URL
    without credentials)? Any authenticated, active principal may; each probe is audited. Returns {"principal_id"}.
    Errors: 28000 anonymous, 42501 disabled, 22023 bad kind or target.

        Attributes:
            kind (str):
            target (str):
    """

    kind: str
    target: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        target = d.pop("target")

        post_rpc_authorize_onboarding_probe_body = cls(
            kind=kind,
            target=target,
        )

        post_rpc_authorize_onboarding_probe_body.additional_properties = d
        return post_rpc_authorize_onboarding_probe_body

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
