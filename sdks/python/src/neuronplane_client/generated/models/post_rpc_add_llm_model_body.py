from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostRpcAddLlmModelBody")


@_attrs_define
class PostRpcAddLlmModelBody:
    """Add an LLM model to a project (needs write on it), optionally with its provider key (stored encrypted). Errors:
    42704 unknown project, 42501, 22023 invalid field (named), 23505 model_name taken.

        Attributes:
            model_name (str):
            project_id (UUID):
            provider (str):
            config (Any | Unset):
            display_name (str | Unset):
            key (str | Unset):
    """

    model_name: str
    project_id: UUID
    provider: str
    config: Any | Unset = UNSET
    display_name: str | Unset = UNSET
    key: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model_name = self.model_name

        project_id = str(self.project_id)

        provider = self.provider

        config = self.config

        display_name = self.display_name

        key = self.key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model_name": model_name,
                "project_id": project_id,
                "provider": provider,
            }
        )
        if config is not UNSET:
            field_dict["config"] = config
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if key is not UNSET:
            field_dict["key"] = key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model_name = d.pop("model_name")

        project_id = UUID(d.pop("project_id"))

        provider = d.pop("provider")

        config = d.pop("config", UNSET)

        display_name = d.pop("display_name", UNSET)

        key = d.pop("key", UNSET)

        post_rpc_add_llm_model_body = cls(
            model_name=model_name,
            project_id=project_id,
            provider=provider,
            config=config,
            display_name=display_name,
            key=key,
        )

        post_rpc_add_llm_model_body.additional_properties = d
        return post_rpc_add_llm_model_body

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
