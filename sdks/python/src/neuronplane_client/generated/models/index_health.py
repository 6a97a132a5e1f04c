from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IndexHealth")


@_attrs_define
class IndexHealth:
    """Every index of the database: size, scans, and whether it is unused (never scanned and enforcing no constraint),
    invalid, or a duplicate of another index of its table. For platform administrators and organization owners/admins
    (42501 otherwise).

        Attributes:
            definition (str | Unset): CREATE INDEX statement.
            duplicate_of (list[str] | Unset): Other indexes of the table with the same definition.
            index_name (str | Unset): Index name.
            is_unique (bool | Unset): A unique index.
            is_unused (bool | Unset): Never scanned and enforcing no constraint: a candidate for dropping.
            is_valid (bool | Unset): False for an index left invalid (e.g. by a failed CREATE INDEX CONCURRENTLY).
            scans (int | Unset): Index scans since statistics were reset.
            schema_name (str | Unset): Schema of the index.
            size_bytes (int | Unset): Size on disk.
            table_name (str | Unset): Table it indexes.
    """

    definition: str | Unset = UNSET
    duplicate_of: list[str] | Unset = UNSET
    index_name: str | Unset = UNSET
    is_unique: bool | Unset = UNSET
    is_unused: bool | Unset = UNSET
    is_valid: bool | Unset = UNSET
    scans: int | Unset = UNSET
    schema_name: str | Unset = UNSET
    size_bytes: int | Unset = UNSET
    table_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        definition = self.definition

        duplicate_of: list[str] | Unset = UNSET
        if not isinstance(self.duplicate_of, Unset):
            duplicate_of = self.duplicate_of

        index_name = self.index_name

        is_unique = self.is_unique

        is_unused = self.is_unused

        is_valid = self.is_valid

        scans = self.scans

        schema_name = self.schema_name

        size_bytes = self.size_bytes

        table_name = self.table_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if definition is not UNSET:
            field_dict["definition"] = definition
        if duplicate_of is not UNSET:
            field_dict["duplicate_of"] = duplicate_of
        if index_name is not UNSET:
            field_dict["index_name"] = index_name
        if is_unique is not UNSET:
            field_dict["is_unique"] = is_unique
        if is_unused is not UNSET:
            field_dict["is_unused"] = is_unused
        if is_valid is not UNSET:
            field_dict["is_valid"] = is_valid
        if scans is not UNSET:
            field_dict["scans"] = scans
        if schema_name is not UNSET:
            field_dict["schema_name"] = schema_name
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes
        if table_name is not UNSET:
            field_dict["table_name"] = table_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        definition = d.pop("definition", UNSET)

        duplicate_of = cast(list[str], d.pop("duplicate_of", UNSET))

        index_name = d.pop("index_name", UNSET)

        is_unique = d.pop("is_unique", UNSET)

        is_unused = d.pop("is_unused", UNSET)

        is_valid = d.pop("is_valid", UNSET)

        scans = d.pop("scans", UNSET)

        schema_name = d.pop("schema_name", UNSET)

        size_bytes = d.pop("size_bytes", UNSET)

        table_name = d.pop("table_name", UNSET)

        index_health = cls(
            definition=definition,
            duplicate_of=duplicate_of,
            index_name=index_name,
            is_unique=is_unique,
            is_unused=is_unused,
            is_valid=is_valid,
            scans=scans,
            schema_name=schema_name,
            size_bytes=size_bytes,
            table_name=table_name,
        )

        index_health.additional_properties = d
        return index_health

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
