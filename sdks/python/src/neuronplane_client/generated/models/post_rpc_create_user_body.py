from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostRpcCreateUserBody")


@_attrs_define
class PostRpcCreateUserBody:
    """Platform administrators: create a user. Errors: 42501, 23505 username or e-mail taken (case-insensitive), 23514
    invalid username or e-mail.

        Attributes:
            username (str):
            display_name (str | Unset):
            email (str | Unset):
            is_admin (bool | Unset):
    """

    username: str
    display_name: str | Unset = UNSET
    email: str | Unset = UNSET
    is_admin: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        display_name = self.display_name

        email = self.email

        is_admin = self.is_admin

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "username": username,
            }
        )
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if email is not UNSET:
            field_dict["email"] = email
        if is_admin is not UNSET:
            field_dict["is_admin"] = is_admin

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        display_name = d.pop("display_name", UNSET)

        email = d.pop("email", UNSET)

        is_admin = d.pop("is_admin", UNSET)

        post_rpc_create_user_body = cls(
            username=username,
            display_name=display_name,
            email=email,
            is_admin=is_admin,
        )

        post_rpc_create_user_body.additional_properties = d
        return post_rpc_create_user_body

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
