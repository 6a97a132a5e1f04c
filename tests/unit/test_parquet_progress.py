"""Parquet progress: rows and bytes from the row groups of the footer."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from neuronplane.ingest.formats import ParquetFormat, _offset_at


def test_offset_interpolates_within_and_stops_at_group_ends():
    ends = [(100, 1000), (300, 5000)]
    assert _offset_at(ends, 0) == 0
    assert _offset_at(ends, 50) == 500
    assert _offset_at(ends, 100) == 1000
    assert _offset_at(ends, 200) == 3000
    assert _offset_at(ends, 300) == 5000


def test_feed_reports_rows_and_bytes_up_to_the_last_row_group(tmp_path: Path):
    path = tmp_path / "x.parquet"
    n = 200_000
    table = pa.table({"id": pa.array(range(n), pa.int64()),
                      "name": pa.array([f"name {i}" for i in range(n)])})
    pq.write_table(table, path, row_group_size=50_000)
    fmt = ParquetFormat(str(path), {})
    assert fmt.rows_total == n and fmt.path == str(path)
    ends = fmt.row_group_ends()
    assert [rows for rows, _ in ends] == [50_000, 100_000, 150_000, 200_000]
    size = os.path.getsize(path)
    # The last row group ends before the footer, and each ends after the previous one.
    assert all(a[1] < b[1] for a, b in itertools.pairwise(ends))
    assert size - 64 * 1024 < ends[-1][1] < size

    rows_seen: list[int] = []
    bytes_seen: list[int] = []
    written: list[bytes] = []
    fmt.feed(written.append, rows_seen.append, lambda: None, ["bigint", "text"],
             bytes_seen.append)
    assert rows_seen[-1] == n and len(rows_seen) >= 4
    assert bytes_seen == sorted(bytes_seen) and len(set(bytes_seen)) >= 4
    assert bytes_seen[-1] == ends[-1][1]
    assert b"".join(written).count(b"\n") == n
    # Without count_bytes, nothing else changes.
    rows_again: list[int] = []
    fmt.feed(lambda b: None, rows_again.append, lambda: None, ["bigint", "text"])
    assert rows_again == rows_seen
