from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.glue_healthz_response_200_database import (
        GlueHealthzResponse200Database,
    )


T = TypeVar("T", bound="GlueHealthzResponse200")


@_attrs_define
class GlueHealthzResponse200:
    """
    Attributes:
        database (GlueHealthzResponse200Database | Unset):
        status (str | Unset):
    """

    database: GlueHealthzResponse200Database | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        database: dict[str, Any] | Unset = UNSET
        if not isinstance(self.database, Unset):
            database = self.database.to_dict()

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if database is not UNSET:
            field_dict["database"] = database
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.glue_healthz_response_200_database import (
            GlueHealthzResponse200Database,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _database = d.pop("database", UNSET)
        database: GlueHealthzResponse200Database | Unset
        if isinstance(_database, Unset):
            database = UNSET
        else:
            database = GlueHealthzResponse200Database.from_dict(_database)

        status = d.pop("status", UNSET)

        glue_healthz_response_200 = cls(
            database=database,
            status=status,
        )

        glue_healthz_response_200.additional_properties = d
        return glue_healthz_response_200

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
