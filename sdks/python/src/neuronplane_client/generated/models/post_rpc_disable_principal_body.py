from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostRpcDisablePrincipalBody")


@_attrs_define
class PostRpcDisablePrincipalBody:
    """Disable (or with disabled = false, enable) a principal: users and organizations by platform administrators, service
    accounts, agents, tools and datasets by their administrators. A disabled principal can do nothing. Errors: 42704,
    42501.

        Attributes:
            principal_id (UUID):
            disabled (bool | Unset):
    """

    principal_id: UUID
    disabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        principal_id = str(self.principal_id)

        disabled = self.disabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "principal_id": principal_id,
            }
        )
        if disabled is not UNSET:
            field_dict["disabled"] = disabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        principal_id = UUID(d.pop("principal_id"))

        disabled = d.pop("disabled", UNSET)

        post_rpc_disable_principal_body = cls(
            principal_id=principal_id,
            disabled=disabled,
        )

        post_rpc_disable_principal_body.additional_properties = d
        return post_rpc_disable_principal_body

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
