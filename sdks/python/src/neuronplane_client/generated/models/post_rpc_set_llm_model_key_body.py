from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PostRpcSetLlmModelKeyBody")


@_attrs_define
class PostRpcSetLlmModelKeyBody:
    """Store the provider key of the model named model_name in a project (as the desktop's POST .../llm-
    models/{model_name}/key). Errors: 42704, 42501, 22023 bad key.

        Attributes:
            key (str):
            model_name (str):
            project_id (UUID):
    """

    key: str
    model_name: str
    project_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        model_name = self.model_name

        project_id = str(self.project_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "model_name": model_name,
                "project_id": project_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        model_name = d.pop("model_name")

        project_id = UUID(d.pop("project_id"))

        post_rpc_set_llm_model_key_body = cls(
            key=key,
            model_name=model_name,
            project_id=project_id,
        )

        post_rpc_set_llm_model_key_body.additional_properties = d
        return post_rpc_set_llm_model_key_body

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
