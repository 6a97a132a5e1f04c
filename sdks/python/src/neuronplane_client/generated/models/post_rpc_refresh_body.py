from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PostRpcRefreshBody")


@_attrs_define
class PostRpcRefreshBody:
    """Exchange a refresh token for a new access token and a new refresh token (the old one is spent). A duplicate within
    the reuse grace interval gets the same successor; a spent token presented later revokes the whole session. Answers
    like login; failures with HTTP 401 {error: "invalid_grant", code: "28000", message}.

        Attributes:
            refresh_token (str):
    """

    refresh_token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        refresh_token = self.refresh_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "refresh_token": refresh_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        refresh_token = d.pop("refresh_token")

        post_rpc_refresh_body = cls(
            refresh_token=refresh_token,
        )

        post_rpc_refresh_body.additional_properties = d
        return post_rpc_refresh_body

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
