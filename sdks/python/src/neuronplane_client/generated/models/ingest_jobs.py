from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IngestJobs")


@_attrs_define
class IngestJobs:
    """Dataset ingestion jobs of the projects you may read, newest first with ?order=created_at.desc; one job: ?id=eq.<id>.
    Start with /rpc/start_ingest, cancel with /rpc/cancel_ingest.

        Attributes:
            attempt (int | Unset): How many times a worker started it (more than 1 after a worker died).
            bytes_done (int | Unset): Bytes of the source read so far.
            bytes_total (int | Unset): Size of the source, when known.
            created_at (str | Unset): When it was queued.
            created_by (UUID | Unset): Who started it.

                Note:
                This is a Foreign Key to `principals.id`.<fk table='principals' column='id'/>
            dataset_id (UUID | Unset): The dataset, once the job succeeded (see api.dataset_tables).

                Note:
                This is a Foreign Key to `dataset_tables.id`.<fk table='dataset_tables' column='id'/>
            dataset_name (str | Unset): Name of the dataset to create or replace.
            detected_format (str | Unset): The format the worker read.
            embed_done (int | Unset): Rows embedded so far (embedding phase).
            embed_total (int | Unset): Rows to embed.
            embedding (Any | Unset): Auto-embedding: {"model", "text_columns"}, or null.
            error (str | Unset): Why the job failed, naming the line or column when the data was at fault.
            finished_at (str | Unset): When it succeeded, failed or was cancelled.
            format_ (str | Unset): Requested format: auto, csv, json, jsonl or parquet.
            has_credentials (bool | Unset): Whether credentials were given (they are stored encrypted and never shown).
            heartbeat_at (str | Unset): The worker's last progress report.
            id (UUID | Unset): Job id.

                Note:
                This is a Primary Key.<pk/>
            if_exists (str | Unset): fail (default) or replace, when a dataset of that name exists.
            index_config (Any | Unset): Indexes to create: {"btree": [columns], "fulltext": [columns], "hnsw": boolean}.
            options (Any | Unset): delimiter, header, encoding, quote, null, column_mapping.
            phase (str | Unset): While running: download, load, embed, index or publish.
            project_id (UUID | Unset): The project the dataset belongs to.

                Note:
                This is a Foreign Key to `profiles.id`.<fk table='profiles' column='id'/>
            rows_done (int | Unset): Rows read so far (exact once succeeded).
            rows_total (int | Unset): Rows in all, when known.
            source (Any | Unset): Where the data comes from (upload_id, url, bucket/key, repo/path, dataset/split); never
                credentials.
            source_type (str | Unset): upload, url, s3, github or huggingface.
            started_at (str | Unset): When a worker first took it.
            status (str | Unset): queued, running, succeeded, failed or cancelled.
            updated_at (str | Unset): When it last changed.
            worker_id (UUID | Unset): The worker running (or that last ran) the job.
    """

    attempt: int | Unset = UNSET
    bytes_done: int | Unset = UNSET
    bytes_total: int | Unset = UNSET
    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    dataset_id: UUID | Unset = UNSET
    dataset_name: str | Unset = UNSET
    detected_format: str | Unset = UNSET
    embed_done: int | Unset = UNSET
    embed_total: int | Unset = UNSET
    embedding: Any | Unset = UNSET
    error: str | Unset = UNSET
    finished_at: str | Unset = UNSET
    format_: str | Unset = UNSET
    has_credentials: bool | Unset = UNSET
    heartbeat_at: str | Unset = UNSET
    id: UUID | Unset = UNSET
    if_exists: str | Unset = UNSET
    index_config: Any | Unset = UNSET
    options: Any | Unset = UNSET
    phase: str | Unset = UNSET
    project_id: UUID | Unset = UNSET
    rows_done: int | Unset = UNSET
    rows_total: int | Unset = UNSET
    source: Any | Unset = UNSET
    source_type: str | Unset = UNSET
    started_at: str | Unset = UNSET
    status: str | Unset = UNSET
    updated_at: str | Unset = UNSET
    worker_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempt = self.attempt

        bytes_done = self.bytes_done

        bytes_total = self.bytes_total

        created_at = self.created_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        dataset_id: str | Unset = UNSET
        if not isinstance(self.dataset_id, Unset):
            dataset_id = str(self.dataset_id)

        dataset_name = self.dataset_name

        detected_format = self.detected_format

        embed_done = self.embed_done

        embed_total = self.embed_total

        embedding = self.embedding

        error = self.error

        finished_at = self.finished_at

        format_ = self.format_

        has_credentials = self.has_credentials

        heartbeat_at = self.heartbeat_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        if_exists = self.if_exists

        index_config = self.index_config

        options = self.options

        phase = self.phase

        project_id: str | Unset = UNSET
        if not isinstance(self.project_id, Unset):
            project_id = str(self.project_id)

        rows_done = self.rows_done

        rows_total = self.rows_total

        source = self.source

        source_type = self.source_type

        started_at = self.started_at

        status = self.status

        updated_at = self.updated_at

        worker_id: str | Unset = UNSET
        if not isinstance(self.worker_id, Unset):
            worker_id = str(self.worker_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if attempt is not UNSET:
            field_dict["attempt"] = attempt
        if bytes_done is not UNSET:
            field_dict["bytes_done"] = bytes_done
        if bytes_total is not UNSET:
            field_dict["bytes_total"] = bytes_total
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if dataset_id is not UNSET:
            field_dict["dataset_id"] = dataset_id
        if dataset_name is not UNSET:
            field_dict["dataset_name"] = dataset_name
        if detected_format is not UNSET:
            field_dict["detected_format"] = detected_format
        if embed_done is not UNSET:
            field_dict["embed_done"] = embed_done
        if embed_total is not UNSET:
            field_dict["embed_total"] = embed_total
        if embedding is not UNSET:
            field_dict["embedding"] = embedding
        if error is not UNSET:
            field_dict["error"] = error
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if format_ is not UNSET:
            field_dict["format"] = format_
        if has_credentials is not UNSET:
            field_dict["has_credentials"] = has_credentials
        if heartbeat_at is not UNSET:
            field_dict["heartbeat_at"] = heartbeat_at
        if id is not UNSET:
            field_dict["id"] = id
        if if_exists is not UNSET:
            field_dict["if_exists"] = if_exists
        if index_config is not UNSET:
            field_dict["index_config"] = index_config
        if options is not UNSET:
            field_dict["options"] = options
        if phase is not UNSET:
            field_dict["phase"] = phase
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if rows_done is not UNSET:
            field_dict["rows_done"] = rows_done
        if rows_total is not UNSET:
            field_dict["rows_total"] = rows_total
        if source is not UNSET:
            field_dict["source"] = source
        if source_type is not UNSET:
            field_dict["source_type"] = source_type
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if status is not UNSET:
            field_dict["status"] = status
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if worker_id is not UNSET:
            field_dict["worker_id"] = worker_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempt = d.pop("attempt", UNSET)

        bytes_done = d.pop("bytes_done", UNSET)

        bytes_total = d.pop("bytes_total", UNSET)

        created_at = d.pop("created_at", UNSET)

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

        _dataset_id = d.pop("dataset_id", UNSET)
        dataset_id: UUID | Unset
        if isinstance(_dataset_id, Unset):
            dataset_id = UNSET
        else:
            dataset_id = UUID(_dataset_id)

        dataset_name = d.pop("dataset_name", UNSET)

        detected_format = d.pop("detected_format", UNSET)

        embed_done = d.pop("embed_done", UNSET)

        embed_total = d.pop("embed_total", UNSET)

        embedding = d.pop("embedding", UNSET)

        error = d.pop("error", UNSET)

        finished_at = d.pop("finished_at", UNSET)

        format_ = d.pop("format", UNSET)

        has_credentials = d.pop("has_credentials", UNSET)

        heartbeat_at = d.pop("heartbeat_at", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        if_exists = d.pop("if_exists", UNSET)

        index_config = d.pop("index_config", UNSET)

        options = d.pop("options", UNSET)

        phase = d.pop("phase", UNSET)

        _project_id = d.pop("project_id", UNSET)
        project_id: UUID | Unset
        if isinstance(_project_id, Unset):
            project_id = UNSET
        else:
            project_id = UUID(_project_id)

        rows_done = d.pop("rows_done", UNSET)

        rows_total = d.pop("rows_total", UNSET)

        source = d.pop("source", UNSET)

        source_type = d.pop("source_type", UNSET)

        started_at = d.pop("started_at", UNSET)

        status = d.pop("status", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        _worker_id = d.pop("worker_id", UNSET)
        worker_id: UUID | Unset
        if isinstance(_worker_id, Unset):
            worker_id = UNSET
        else:
            worker_id = UUID(_worker_id)

        ingest_jobs = cls(
            attempt=attempt,
            bytes_done=bytes_done,
            bytes_total=bytes_total,
            created_at=created_at,
            created_by=created_by,
            dataset_id=dataset_id,
            dataset_name=dataset_name,
            detected_format=detected_format,
            embed_done=embed_done,
            embed_total=embed_total,
            embedding=embedding,
            error=error,
            finished_at=finished_at,
            format_=format_,
            has_credentials=has_credentials,
            heartbeat_at=heartbeat_at,
            id=id,
            if_exists=if_exists,
            index_config=index_config,
            options=options,
            phase=phase,
            project_id=project_id,
            rows_done=rows_done,
            rows_total=rows_total,
            source=source,
            source_type=source_type,
            started_at=started_at,
            status=status,
            updated_at=updated_at,
            worker_id=worker_id,
        )

        ingest_jobs.additional_properties = d
        return ingest_jobs

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
