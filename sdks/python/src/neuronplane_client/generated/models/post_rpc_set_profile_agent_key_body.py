from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PostRpcSetProfileAgentKeyBody")


@_attrs_define
class PostRpcSetProfileAgentKeyBody:
    """Store (or replace) a profile's NeuronAgent API key, envelope-encrypted; needs write on the project. Errors: 42704,
    42501, 22023.

        Attributes:
            agent_api_key (str):
            project_id (UUID):
    """

    agent_api_key: str
    project_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_api_key = self.agent_api_key

        project_id = str(self.project_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent_api_key": agent_api_key,
                "project_id": project_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agent_api_key = d.pop("agent_api_key")

        project_id = UUID(d.pop("project_id"))

        post_rpc_set_profile_agent_key_body = cls(
            agent_api_key=agent_api_key,
            project_id=project_id,
        )

        post_rpc_set_profile_agent_key_body.additional_properties = d
        return post_rpc_set_profile_agent_key_body

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
