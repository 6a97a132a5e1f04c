from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PostRpcRevokeInvitationBody")


@_attrs_define
class PostRpcRevokeInvitationBody:
    """Withdraw a pending invitation (the organization's owners and admins; only owners withdraw an invitation to the owner
    role). Errors: 42501, 42704 no such invitation, PT409 (HTTP 409) no longer pending.

        Attributes:
            invitation_id (UUID):
    """

    invitation_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invitation_id = str(self.invitation_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invitation_id": invitation_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        invitation_id = UUID(d.pop("invitation_id"))

        post_rpc_revoke_invitation_body = cls(
            invitation_id=invitation_id,
        )

        post_rpc_revoke_invitation_body.additional_properties = d
        return post_rpc_revoke_invitation_body

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
