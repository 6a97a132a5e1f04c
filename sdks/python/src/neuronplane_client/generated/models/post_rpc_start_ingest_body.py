from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostRpcStartIngestBody")


@_attrs_define
class PostRpcStartIngestBody:
    """Queue the ingestion of a dataset into the project (needs write on it; replacing a dataset needs write on the
    dataset). source by source_type: upload {"upload_id"} (from the glue's POST /ingest/upload), url {"url"}, s3
    {"bucket", "key", "region"?, "endpoint_url"?}, github {"repo": "owner/name", "path", "ref"?}, huggingface
    {"dataset", "path" or "split", "revision"?}. credentials (stored encrypted, never shown): s3 {"access_key_id",
    "secret_access_key", "session_token"?}; github, huggingface, url {"token"}. options: delimiter, header, encoding,
    quote, null, column_mapping. embedding: {"model", "text_columns", "batch_size"?}. index_config: {"btree": [...],
    "fulltext": [...], "hnsw": bool}. Errors: 28000, 42501, 42704 project or upload missing, 22023 invalid field
    (named), 23505 dataset exists.

        Attributes:
            dataset_name (str):
            project_id (UUID):
            source (Any):
            source_type (str):
            credentials (Any | Unset):
            embedding (Any | Unset):
            format_ (str | Unset):
            if_exists (str | Unset):
            index_config (Any | Unset):
            options (Any | Unset):
    """

    dataset_name: str
    project_id: UUID
    source: Any
    source_type: str
    credentials: Any | Unset = UNSET
    embedding: Any | Unset = UNSET
    format_: str | Unset = UNSET
    if_exists: str | Unset = UNSET
    index_config: Any | Unset = UNSET
    options: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_name = self.dataset_name

        project_id = str(self.project_id)

        source = self.source

        source_type = self.source_type

        credentials = self.credentials

        embedding = self.embedding

        format_ = self.format_

        if_exists = self.if_exists

        index_config = self.index_config

        options = self.options

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_name": dataset_name,
                "project_id": project_id,
                "source": source,
                "source_type": source_type,
            }
        )
        if credentials is not UNSET:
            field_dict["credentials"] = credentials
        if embedding is not UNSET:
            field_dict["embedding"] = embedding
        if format_ is not UNSET:
            field_dict["format"] = format_
        if if_exists is not UNSET:
            field_dict["if_exists"] = if_exists
        if index_config is not UNSET:
            field_dict["index_config"] = index_config
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dataset_name = d.pop("dataset_name")

        project_id = UUID(d.pop("project_id"))

        source = d.pop("source")

        source_type = d.pop("source_type")

        credentials = d.pop("credentials", UNSET)

        embedding = d.pop("embedding", UNSET)

        format_ = d.pop("format", UNSET)

        if_exists = d.pop("if_exists", UNSET)

        index_config = d.pop("index_config", UNSET)

        options = d.pop("options", UNSET)

        post_rpc_start_ingest_body = cls(
            dataset_name=dataset_name,
            project_id=project_id,
            source=source,
            source_type=source_type,
            credentials=credentials,
            embedding=embedding,
            format_=format_,
            if_exists=if_exists,
            index_config=index_config,
            options=options,
        )

        post_rpc_start_ingest_body.additional_properties = d
        return post_rpc_start_ingest_body

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
