from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LlmModels")


@_attrs_define
class LlmModels:
    """LLM models of the projects (profiles) you may read; filter with ?project_id=eq.<id>. Add with POST
    /rpc/add_llm_model (or POST here with Prefer: return=minimal; needs write on the project); PATCH display_name or
    config and DELETE need write on the model. Keys are set with /rpc/set_llm_model_key and never shown, only their last
    four characters.

        Attributes:
            config (Any | Unset): Free-form JSON object (base URL, temperature, ...); no secrets.
            created_at (str | Unset): When it was added.
            created_by (UUID | Unset): The principal that added the model.
            display_name (str | Unset): Name shown to people.
            has_key (bool | Unset): True when a provider key is stored.
            id (UUID | Unset): Model id.

                Note:
                This is a Primary Key.<pk/>
            key_last4 (str | Unset): The last four characters of the stored key.
            key_updated_at (str | Unset): When the key was last set.
            model_name (str | Unset): The provider's model name, unique in the project (e.g. gpt-4o).
            project_id (UUID | Unset): The project (profile) it belongs to.

                Note:
                This is a Foreign Key to `profiles.id`.<fk table='profiles' column='id'/>
            provider (str | Unset): openai, anthropic, huggingface or local.
            updated_at (str | Unset): When it last changed.
    """

    config: Any | Unset = UNSET
    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    display_name: str | Unset = UNSET
    has_key: bool | Unset = UNSET
    id: UUID | Unset = UNSET
    key_last4: str | Unset = UNSET
    key_updated_at: str | Unset = UNSET
    model_name: str | Unset = UNSET
    project_id: UUID | Unset = UNSET
    provider: str | Unset = UNSET
    updated_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        config = self.config

        created_at = self.created_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        display_name = self.display_name

        has_key = self.has_key

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        key_last4 = self.key_last4

        key_updated_at = self.key_updated_at

        model_name = self.model_name

        project_id: str | Unset = UNSET
        if not isinstance(self.project_id, Unset):
            project_id = str(self.project_id)

        provider = self.provider

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if config is not UNSET:
            field_dict["config"] = config
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if has_key is not UNSET:
            field_dict["has_key"] = has_key
        if id is not UNSET:
            field_dict["id"] = id
        if key_last4 is not UNSET:
            field_dict["key_last4"] = key_last4
        if key_updated_at is not UNSET:
            field_dict["key_updated_at"] = key_updated_at
        if model_name is not UNSET:
            field_dict["model_name"] = model_name
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if provider is not UNSET:
            field_dict["provider"] = provider
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        config = d.pop("config", UNSET)

        created_at = d.pop("created_at", UNSET)

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

        display_name = d.pop("display_name", UNSET)

        has_key = d.pop("has_key", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        key_last4 = d.pop("key_last4", UNSET)

        key_updated_at = d.pop("key_updated_at", UNSET)

        model_name = d.pop("model_name", UNSET)

        _project_id = d.pop("project_id", UNSET)
        project_id: UUID | Unset
        if isinstance(_project_id, Unset):
            project_id = UNSET
        else:
            project_id = UUID(_project_id)

        provider = d.pop("provider", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        llm_models = cls(
            config=config,
            created_at=created_at,
            created_by=created_by,
            display_name=display_name,
            has_key=has_key,
            id=id,
            key_last4=key_last4,
            key_updated_at=key_updated_at,
            model_name=model_name,
            project_id=project_id,
            provider=provider,
            updated_at=updated_at,
        )

        llm_models.additional_properties = d
        return llm_models

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
