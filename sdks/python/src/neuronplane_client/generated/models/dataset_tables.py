from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DatasetTables")


@_attrs_define
class DatasetTables:
    """Loaded datasets you may read and where their tables are (schema ds_<project>, readable by those with read on the
    dataset). Delete a dataset (and its table) through api.datasets.

        Attributes:
            columns (Any | Unset): Columns: [{"name", "type", "source"}].
            created_at (str | Unset): When it was first loaded.
            created_by (UUID | Unset): Who loaded it.

                Note:
                This is a Foreign Key to `principals.id`.<fk table='principals' column='id'/>
            embedding (Any | Unset): The embedding column's model, type and source columns, if any.
            id (UUID | Unset): Dataset id (as in api.datasets).

                Note:
                This is a Primary Key.<pk/>
            indexes (Any | Unset): Indexes created: [{"name", "kind", "column"}].
            name (str | Unset): Dataset name.
            project_id (UUID | Unset): The project.

                Note:
                This is a Foreign Key to `profiles.id`.<fk table='profiles' column='id'/>
            row_count (int | Unset): Rows loaded.
            target_schema (str | Unset): Schema of the table.
            target_table (str | Unset): Table name (sanitized from the dataset name).
            updated_at (str | Unset): When it was last loaded.
    """

    columns: Any | Unset = UNSET
    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    embedding: Any | Unset = UNSET
    id: UUID | Unset = UNSET
    indexes: Any | Unset = UNSET
    name: str | Unset = UNSET
    project_id: UUID | Unset = UNSET
    row_count: int | Unset = UNSET
    target_schema: str | Unset = UNSET
    target_table: str | Unset = UNSET
    updated_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        columns = self.columns

        created_at = self.created_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        embedding = self.embedding

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        indexes = self.indexes

        name = self.name

        project_id: str | Unset = UNSET
        if not isinstance(self.project_id, Unset):
            project_id = str(self.project_id)

        row_count = self.row_count

        target_schema = self.target_schema

        target_table = self.target_table

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if columns is not UNSET:
            field_dict["columns"] = columns
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if embedding is not UNSET:
            field_dict["embedding"] = embedding
        if id is not UNSET:
            field_dict["id"] = id
        if indexes is not UNSET:
            field_dict["indexes"] = indexes
        if name is not UNSET:
            field_dict["name"] = name
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if row_count is not UNSET:
            field_dict["row_count"] = row_count
        if target_schema is not UNSET:
            field_dict["target_schema"] = target_schema
        if target_table is not UNSET:
            field_dict["target_table"] = target_table
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        columns = d.pop("columns", UNSET)

        created_at = d.pop("created_at", UNSET)

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

        embedding = d.pop("embedding", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        indexes = d.pop("indexes", UNSET)

        name = d.pop("name", UNSET)

        _project_id = d.pop("project_id", UNSET)
        project_id: UUID | Unset
        if isinstance(_project_id, Unset):
            project_id = UNSET
        else:
            project_id = UUID(_project_id)

        row_count = d.pop("row_count", UNSET)

        target_schema = d.pop("target_schema", UNSET)

        target_table = d.pop("target_table", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        dataset_tables = cls(
            columns=columns,
            created_at=created_at,
            created_by=created_by,
            embedding=embedding,
            id=id,
            indexes=indexes,
            name=name,
            project_id=project_id,
            row_count=row_count,
            target_schema=target_schema,
            target_table=target_table,
            updated_at=updated_at,
        )

        dataset_tables.additional_properties = d
        return dataset_tables

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
