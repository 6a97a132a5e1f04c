from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostRpcGetOrCreateUserPrincipalBody")


@_attrs_define
class PostRpcGetOrCreateUserPrincipalBody:
    """The id of the user (and principal) with this username or e-mail (case-insensitive), created if missing. For the
    neuronplane service and platform administrators.

        Attributes:
            username (str):
            display_name (str | Unset):
            email (str | Unset):
    """

    username: str
    display_name: str | Unset = UNSET
    email: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        display_name = self.display_name

        email = self.email

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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        display_name = d.pop("display_name", UNSET)

        email = d.pop("email", UNSET)

        post_rpc_get_or_create_user_principal_body = cls(
            username=username,
            display_name=display_name,
            email=email,
        )

        post_rpc_get_or_create_user_principal_body.additional_properties = d
        return post_rpc_get_or_create_user_principal_body

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
