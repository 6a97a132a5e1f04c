from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Profiles")


@_attrs_define
class Profiles:
    """The desktop's profiles: the projects you may read with their NeuronDB connection, MCP server and agent, and whether
    an agent API key is stored (only its last four characters are shown). Create with POST /rpc/create_profile; change
    the project through /projects.

        Attributes:
            agent_api_key_last4 (str | Unset): The last four characters of the stored agent API key.
            agent_endpoint (str | Unset): NeuronAgent base URL (http or https).
            created_at (str | Unset): When it was created.
            description (str | Unset): Free text.
            has_agent_api_key (bool | Unset): True when a NeuronAgent API key is stored (encrypted).
            has_dsn_password (bool | Unset): True when a password for the DSN is stored (encrypted).
            id (UUID | Unset): Project (profile) id.

                Note:
                This is a Primary Key.<pk/>
            mcp_config (Any | Unset): MCP server: {"command": "...", "args": [...], "env": {...}}.
            metadata (Any | Unset): Free-form JSON object.
            name (str | Unset): Name, unique per owner (case-insensitive).
            neurondb_dsn (str | Unset): NeuronDB connection string, without its password.
            org_id (UUID | Unset): Owning organization, if any.

                Note:
                This is a Foreign Key to `organizations.id`.<fk table='organizations' column='id'/>
            updated_at (str | Unset): When it last changed.
            user_id (UUID | Unset): Owning user, if any (a personal profile).

                Note:
                This is a Foreign Key to `users.id`.<fk table='users' column='id'/>
    """

    agent_api_key_last4: str | Unset = UNSET
    agent_endpoint: str | Unset = UNSET
    created_at: str | Unset = UNSET
    description: str | Unset = UNSET
    has_agent_api_key: bool | Unset = UNSET
    has_dsn_password: bool | Unset = UNSET
    id: UUID | Unset = UNSET
    mcp_config: Any | Unset = UNSET
    metadata: Any | Unset = UNSET
    name: str | Unset = UNSET
    neurondb_dsn: str | Unset = UNSET
    org_id: UUID | Unset = UNSET
    updated_at: str | Unset = UNSET
    user_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_api_key_last4 = self.agent_api_key_last4

        agent_endpoint = self.agent_endpoint

        created_at = self.created_at

        description = self.description

        has_agent_api_key = self.has_agent_api_key

        has_dsn_password = self.has_dsn_password

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        mcp_config = self.mcp_config

        metadata = self.metadata

        name = self.name

        neurondb_dsn = self.neurondb_dsn

        org_id: str | Unset = UNSET
        if not isinstance(self.org_id, Unset):
            org_id = str(self.org_id)

        updated_at = self.updated_at

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if agent_api_key_last4 is not UNSET:
            field_dict["agent_api_key_last4"] = agent_api_key_last4
        if agent_endpoint is not UNSET:
            field_dict["agent_endpoint"] = agent_endpoint
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if description is not UNSET:
            field_dict["description"] = description
        if has_agent_api_key is not UNSET:
            field_dict["has_agent_api_key"] = has_agent_api_key
        if has_dsn_password is not UNSET:
            field_dict["has_dsn_password"] = has_dsn_password
        if id is not UNSET:
            field_dict["id"] = id
        if mcp_config is not UNSET:
            field_dict["mcp_config"] = mcp_config
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if name is not UNSET:
            field_dict["name"] = name
        if neurondb_dsn is not UNSET:
            field_dict["neurondb_dsn"] = neurondb_dsn
        if org_id is not UNSET:
            field_dict["org_id"] = org_id
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agent_api_key_last4 = d.pop("agent_api_key_last4", UNSET)

        agent_endpoint = d.pop("agent_endpoint", UNSET)

        created_at = d.pop("created_at", UNSET)

        description = d.pop("description", UNSET)

        has_agent_api_key = d.pop("has_agent_api_key", UNSET)

        has_dsn_password = d.pop("has_dsn_password", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        mcp_config = d.pop("mcp_config", UNSET)

        metadata = d.pop("metadata", UNSET)

        name = d.pop("name", UNSET)

        neurondb_dsn = d.pop("neurondb_dsn", UNSET)

        _org_id = d.pop("org_id", UNSET)
        org_id: UUID | Unset
        if isinstance(_org_id, Unset):
            org_id = UNSET
        else:
            org_id = UUID(_org_id)

        updated_at = d.pop("updated_at", UNSET)

        _user_id = d.pop("user_id", UNSET)
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        profiles = cls(
            agent_api_key_last4=agent_api_key_last4,
            agent_endpoint=agent_endpoint,
            created_at=created_at,
            description=description,
            has_agent_api_key=has_agent_api_key,
            has_dsn_password=has_dsn_password,
            id=id,
            mcp_config=mcp_config,
            metadata=metadata,
            name=name,
            neurondb_dsn=neurondb_dsn,
            org_id=org_id,
            updated_at=updated_at,
            user_id=user_id,
        )

        profiles.additional_properties = d
        return profiles

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
