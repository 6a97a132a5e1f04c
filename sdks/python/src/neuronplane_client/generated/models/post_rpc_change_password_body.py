from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PostRpcChangePasswordBody")


@_attrs_define
class PostRpcChangePasswordBody:
    """Change your password; your other sessions end. The new password must follow the policy (length, not your username or
    e-mail, not a common password). A wrong current password counts towards the account's lockout and is audited
    (auth.password.change_failed). Errors: 28P01 wrong current password, PT429 (HTTP 429) while the account or address
    is locked, 22023 policy, 42501.

        Attributes:
            new_password (str):
            old_password (str):
    """

    new_password: str
    old_password: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        new_password = self.new_password

        old_password = self.old_password

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "new_password": new_password,
                "old_password": old_password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        new_password = d.pop("new_password")

        old_password = d.pop("old_password")

        post_rpc_change_password_body = cls(
            new_password=new_password,
            old_password=old_password,
        )

        post_rpc_change_password_body.additional_properties = d
        return post_rpc_change_password_body

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
