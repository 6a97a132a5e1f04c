from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PostRpcDetailsBody")


@_attrs_define
class PostRpcDetailsBody:
    """What the worker decided while reading the job's source; ask for it with GET /ingest_jobs?select=*,details.
    {"restarts": [{"column", "from", "to", "reason"}]} when a value beyond the sample did not fit its column and the
    load started again with a wider type; {"missing_values": {"marker", "columns", "source"}} when a marker such as NA
    was read as NULL (source: detected or options.null); {"compression": "gzip"|"bzip2"|"xz"|"zstd"};
    {"byte_order_mark": true}; {"json_member": name} when a JSON object's one array member was read.

        Attributes:
            job (str):
    """

    job: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job = self.job

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job": job,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        job = d.pop("job")

        post_rpc_details_body = cls(
            job=job,
        )

        post_rpc_details_body.additional_properties = d
        return post_rpc_details_body

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
