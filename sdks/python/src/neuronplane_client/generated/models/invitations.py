from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Invitations")


@_attrs_define
class Invitations:
    """Invitations to join an organization: those of the organizations you administer, and those addressed to you (your
    user id or your e-mail address). Invite with /rpc/invite_member (or /rpc/add_member), withdraw with
    /rpc/revoke_invitation; the invitee answers with /rpc/accept_invitation or /rpc/decline_invitation.

        Attributes:
            created_at (str | Unset): When it was sent.
            expires_at (str | Unset): After this it can no longer be accepted.
            id (UUID | Unset): Invitation id.

                Note:
                This is a Primary Key.<pk/>
            invited_by (UUID | Unset): Who invited.

                Note:
                This is a Foreign Key to `principals.id`.<fk table='principals' column='id'/>
            invitee_email (str | Unset): The e-mail address invited (NULL when invited by user id).
            invitee_user_id (UUID | Unset): The user invited by id (NULL when invited by e-mail).

                Note:
                This is a Foreign Key to `users.id`.<fk table='users' column='id'/>
            org_id (UUID | Unset): The organization.

                Note:
                This is a Foreign Key to `organizations.id`.<fk table='organizations' column='id'/>
            responded_at (str | Unset): When it was accepted, declined or revoked.
            role (str | Unset): The role accepting gives: owner, admin, member, viewer or another catalogue role.
            status (str | Unset): pending, accepted, declined, revoked or expired.
    """

    created_at: str | Unset = UNSET
    expires_at: str | Unset = UNSET
    id: UUID | Unset = UNSET
    invited_by: UUID | Unset = UNSET
    invitee_email: str | Unset = UNSET
    invitee_user_id: UUID | Unset = UNSET
    org_id: UUID | Unset = UNSET
    responded_at: str | Unset = UNSET
    role: str | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        expires_at = self.expires_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        invited_by: str | Unset = UNSET
        if not isinstance(self.invited_by, Unset):
            invited_by = str(self.invited_by)

        invitee_email = self.invitee_email

        invitee_user_id: str | Unset = UNSET
        if not isinstance(self.invitee_user_id, Unset):
            invitee_user_id = str(self.invitee_user_id)

        org_id: str | Unset = UNSET
        if not isinstance(self.org_id, Unset):
            org_id = str(self.org_id)

        responded_at = self.responded_at

        role = self.role

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if id is not UNSET:
            field_dict["id"] = id
        if invited_by is not UNSET:
            field_dict["invited_by"] = invited_by
        if invitee_email is not UNSET:
            field_dict["invitee_email"] = invitee_email
        if invitee_user_id is not UNSET:
            field_dict["invitee_user_id"] = invitee_user_id
        if org_id is not UNSET:
            field_dict["org_id"] = org_id
        if responded_at is not UNSET:
            field_dict["responded_at"] = responded_at
        if role is not UNSET:
            field_dict["role"] = role
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _invited_by = d.pop("invited_by", UNSET)
        invited_by: UUID | Unset
        if isinstance(_invited_by, Unset):
            invited_by = UNSET
        else:
            invited_by = UUID(_invited_by)

        invitee_email = d.pop("invitee_email", UNSET)

        _invitee_user_id = d.pop("invitee_user_id", UNSET)
        invitee_user_id: UUID | Unset
        if isinstance(_invitee_user_id, Unset):
            invitee_user_id = UNSET
        else:
            invitee_user_id = UUID(_invitee_user_id)

        _org_id = d.pop("org_id", UNSET)
        org_id: UUID | Unset
        if isinstance(_org_id, Unset):
            org_id = UNSET
        else:
            org_id = UUID(_org_id)

        responded_at = d.pop("responded_at", UNSET)

        role = d.pop("role", UNSET)

        status = d.pop("status", UNSET)

        invitations = cls(
            created_at=created_at,
            expires_at=expires_at,
            id=id,
            invited_by=invited_by,
            invitee_email=invitee_email,
            invitee_user_id=invitee_user_id,
            org_id=org_id,
            responded_at=responded_at,
            role=role,
            status=status,
        )

        invitations.additional_properties = d
        return invitations

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
