from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostRpcCreateProjectBody")


@_attrs_define
class PostRpcCreateProjectBody:
    """Create a project (profile): in an organization (needs write on it) or, without org_id, your own. A password in
    neurondb_dsn is stored encrypted. Errors: 42501, 23505 name taken, 22023 bad mcp_config, 23514 invalid field.

        Attributes:
            name (str):
            agent_endpoint (str | Unset):
            description (str | Unset):
            mcp_config (Any | Unset):
            metadata (Any | Unset):
            neurondb_dsn (str | Unset):
            org_id (UUID | Unset):
    """

    name: str
    agent_endpoint: str | Unset = UNSET
    description: str | Unset = UNSET
    mcp_config: Any | Unset = UNSET
    metadata: Any | Unset = UNSET
    neurondb_dsn: str | Unset = UNSET
    org_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        agent_endpoint = self.agent_endpoint

        description = self.description

        mcp_config = self.mcp_config

        metadata = self.metadata

        neurondb_dsn = self.neurondb_dsn

        org_id: str | Unset = UNSET
        if not isinstance(self.org_id, Unset):
            org_id = str(self.org_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if agent_endpoint is not UNSET:
            field_dict["agent_endpoint"] = agent_endpoint
        if description is not UNSET:
            field_dict["description"] = description
        if mcp_config is not UNSET:
            field_dict["mcp_config"] = mcp_config
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if neurondb_dsn is not UNSET:
            field_dict["neurondb_dsn"] = neurondb_dsn
        if org_id is not UNSET:
            field_dict["org_id"] = org_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        agent_endpoint = d.pop("agent_endpoint", UNSET)

        description = d.pop("description", UNSET)

        mcp_config = d.pop("mcp_config", UNSET)

        metadata = d.pop("metadata", UNSET)

        neurondb_dsn = d.pop("neurondb_dsn", UNSET)

        _org_id = d.pop("org_id", UNSET)
        org_id: UUID | Unset
        if isinstance(_org_id, Unset):
            org_id = UNSET
        else:
            org_id = UUID(_org_id)

        post_rpc_create_project_body = cls(
            name=name,
            agent_endpoint=agent_endpoint,
            description=description,
            mcp_config=mcp_config,
            metadata=metadata,
            neurondb_dsn=neurondb_dsn,
            org_id=org_id,
        )

        post_rpc_create_project_body.additional_properties = d
        return post_rpc_create_project_body

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
