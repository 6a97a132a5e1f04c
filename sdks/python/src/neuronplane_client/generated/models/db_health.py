from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DbHealth")


@_attrs_define
class DbHealth:
    """Database health, one row: server version, uptime, database size, client connections by state against
    max_connections, cache hit ratio, commits, rollbacks, deadlocks, the longest running transaction, replication lag
    (NULL without replicas), transaction-id wraparound headroom. For platform administrators and organization
    owners/admins (42501 otherwise).

        Attributes:
            cache_hit_ratio (float | Unset): Share of block reads served from shared buffers (0 to 1) in this database.
            checked_at (str | Unset): When these figures were taken.
            commits (int | Unset): Committed transactions in this database since statistics were reset.
            connections (int | Unset): Client connections to the server.
            connections_by_state (Any | Unset): Client connections per state (active, idle, idle in transaction, ...).
            database_name (str | Unset): This database.
            database_size_bytes (int | Unset): Size of this database on disk.
            deadlocks (int | Unset): Deadlocks detected since statistics were reset.
            is_replica (bool | Unset): True when this server is a standby.
            longest_transaction_seconds (float | Unset): Age of the oldest open transaction (other than this one), in
                seconds.
            max_connections (int | Unset): The server's max_connections.
            replicas (int | Unset): Standbys streaming from this server.
            replication_lag_seconds (float | Unset): The largest replay lag of the standbys, in seconds (NULL without
                replicas); on a standby, seconds since the last replayed commit.
            rollbacks (int | Unset): Rolled back transactions since statistics were reset.
            server_version (str | Unset): PostgreSQL version.
            started_at (str | Unset): When the server started.
            uptime (str | Unset): How long it has been running.
            xid_age (int | Unset): Age of this database's oldest unfrozen transaction id.
            xid_wraparound_headroom (int | Unset): Transaction ids left before the server refuses writes to prevent
                wraparound (over all databases).
    """

    cache_hit_ratio: float | Unset = UNSET
    checked_at: str | Unset = UNSET
    commits: int | Unset = UNSET
    connections: int | Unset = UNSET
    connections_by_state: Any | Unset = UNSET
    database_name: str | Unset = UNSET
    database_size_bytes: int | Unset = UNSET
    deadlocks: int | Unset = UNSET
    is_replica: bool | Unset = UNSET
    longest_transaction_seconds: float | Unset = UNSET
    max_connections: int | Unset = UNSET
    replicas: int | Unset = UNSET
    replication_lag_seconds: float | Unset = UNSET
    rollbacks: int | Unset = UNSET
    server_version: str | Unset = UNSET
    started_at: str | Unset = UNSET
    uptime: str | Unset = UNSET
    xid_age: int | Unset = UNSET
    xid_wraparound_headroom: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cache_hit_ratio = self.cache_hit_ratio

        checked_at = self.checked_at

        commits = self.commits

        connections = self.connections

        connections_by_state = self.connections_by_state

        database_name = self.database_name

        database_size_bytes = self.database_size_bytes

        deadlocks = self.deadlocks

        is_replica = self.is_replica

        longest_transaction_seconds = self.longest_transaction_seconds

        max_connections = self.max_connections

        replicas = self.replicas

        replication_lag_seconds = self.replication_lag_seconds

        rollbacks = self.rollbacks

        server_version = self.server_version

        started_at = self.started_at

        uptime = self.uptime

        xid_age = self.xid_age

        xid_wraparound_headroom = self.xid_wraparound_headroom

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cache_hit_ratio is not UNSET:
            field_dict["cache_hit_ratio"] = cache_hit_ratio
        if checked_at is not UNSET:
            field_dict["checked_at"] = checked_at
        if commits is not UNSET:
            field_dict["commits"] = commits
        if connections is not UNSET:
            field_dict["connections"] = connections
        if connections_by_state is not UNSET:
            field_dict["connections_by_state"] = connections_by_state
        if database_name is not UNSET:
            field_dict["database_name"] = database_name
        if database_size_bytes is not UNSET:
            field_dict["database_size_bytes"] = database_size_bytes
        if deadlocks is not UNSET:
            field_dict["deadlocks"] = deadlocks
        if is_replica is not UNSET:
            field_dict["is_replica"] = is_replica
        if longest_transaction_seconds is not UNSET:
            field_dict["longest_transaction_seconds"] = longest_transaction_seconds
        if max_connections is not UNSET:
            field_dict["max_connections"] = max_connections
        if replicas is not UNSET:
            field_dict["replicas"] = replicas
        if replication_lag_seconds is not UNSET:
            field_dict["replication_lag_seconds"] = replication_lag_seconds
        if rollbacks is not UNSET:
            field_dict["rollbacks"] = rollbacks
        if server_version is not UNSET:
            field_dict["server_version"] = server_version
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if uptime is not UNSET:
            field_dict["uptime"] = uptime
        if xid_age is not UNSET:
            field_dict["xid_age"] = xid_age
        if xid_wraparound_headroom is not UNSET:
            field_dict["xid_wraparound_headroom"] = xid_wraparound_headroom

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cache_hit_ratio = d.pop("cache_hit_ratio", UNSET)

        checked_at = d.pop("checked_at", UNSET)

        commits = d.pop("commits", UNSET)

        connections = d.pop("connections", UNSET)

        connections_by_state = d.pop("connections_by_state", UNSET)

        database_name = d.pop("database_name", UNSET)

        database_size_bytes = d.pop("database_size_bytes", UNSET)

        deadlocks = d.pop("deadlocks", UNSET)

        is_replica = d.pop("is_replica", UNSET)

        longest_transaction_seconds = d.pop("longest_transaction_seconds", UNSET)

        max_connections = d.pop("max_connections", UNSET)

        replicas = d.pop("replicas", UNSET)

        replication_lag_seconds = d.pop("replication_lag_seconds", UNSET)

        rollbacks = d.pop("rollbacks", UNSET)

        server_version = d.pop("server_version", UNSET)

        started_at = d.pop("started_at", UNSET)

        uptime = d.pop("uptime", UNSET)

        xid_age = d.pop("xid_age", UNSET)

        xid_wraparound_headroom = d.pop("xid_wraparound_headroom", UNSET)

        db_health = cls(
            cache_hit_ratio=cache_hit_ratio,
            checked_at=checked_at,
            commits=commits,
            connections=connections,
            connections_by_state=connections_by_state,
            database_name=database_name,
            database_size_bytes=database_size_bytes,
            deadlocks=deadlocks,
            is_replica=is_replica,
            longest_transaction_seconds=longest_transaction_seconds,
            max_connections=max_connections,
            replicas=replicas,
            replication_lag_seconds=replication_lag_seconds,
            rollbacks=rollbacks,
            server_version=server_version,
            started_at=started_at,
            uptime=uptime,
            xid_age=xid_age,
            xid_wraparound_headroom=xid_wraparound_headroom,
        )

        db_health.additional_properties = d
        return db_health

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
