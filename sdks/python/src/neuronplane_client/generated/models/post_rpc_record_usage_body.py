from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostRpcRecordUsageBody")


@_attrs_define
class PostRpcRecordUsageBody:
    """Report LLM usage for a project (NeuronAgent, after each call or in batches): tokens in and out and the number of
    calls, added to today's (UTC) counters. Needs execute on the project. Errors: 42704 unknown project or model, 42501,
    22023 bad count (named).

        Attributes:
            project_id (UUID):
            tokens_in (int):
            tokens_out (int):
            llm_calls (int | Unset):
            model_id (UUID | Unset):
    """

    project_id: UUID
    tokens_in: int
    tokens_out: int
    llm_calls: int | Unset = UNSET
    model_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        tokens_in = self.tokens_in

        tokens_out = self.tokens_out

        llm_calls = self.llm_calls

        model_id: str | Unset = UNSET
        if not isinstance(self.model_id, Unset):
            model_id = str(self.model_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "tokens_in": tokens_in,
                "tokens_out": tokens_out,
            }
        )
        if llm_calls is not UNSET:
            field_dict["llm_calls"] = llm_calls
        if model_id is not UNSET:
            field_dict["model_id"] = model_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        tokens_in = d.pop("tokens_in")

        tokens_out = d.pop("tokens_out")

        llm_calls = d.pop("llm_calls", UNSET)

        _model_id = d.pop("model_id", UNSET)
        model_id: UUID | Unset
        if isinstance(_model_id, Unset):
            model_id = UNSET
        else:
            model_id = UUID(_model_id)

        post_rpc_record_usage_body = cls(
            project_id=project_id,
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            llm_calls=llm_calls,
            model_id=model_id,
        )

        post_rpc_record_usage_body.additional_properties = d
        return post_rpc_record_usage_body

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
