"""Ingestion without a database: format detection, type inference, source URLs and the
refusal of private addresses."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from neuronplane.ingest import IngestError, IngestSettings
from neuronplane.ingest.formats import detect, text_type, value_type
from neuronplane.ingest.sources import (
    CountingReader,
    Opened,
    github_url,
    huggingface_url,
    open_source,
)


def _opened(data: bytes, name: str = "x") -> Opened:
    raw = CountingReader(file=io.BytesIO(data))
    return Opened(io.BufferedReader(raw), len(data), name, raw)


@pytest.mark.parametrize(("data", "name", "expected"), [
    (b"a,b\n1,2\n", "x.csv", "csv"),
    (b"anything", "x.PARQUET", "parquet"),
    (b"anything", "data.ndjson", "jsonl"),
    (b"PAR1\x00\x00", "blob", "parquet"),
    (b"\xef\xbb\xbf  [{\"a\": 1}]", "blob", "json"),
    (b"{\"a\": 1}\n", "blob", "jsonl"),
    (b"a;b\n", "blob", "csv"),
])
def test_detect(data, name, expected):
    assert detect(_opened(data, name), "auto") == expected
    assert detect(_opened(data, name), "csv") == "csv"  # asked for wins


@pytest.mark.parametrize(("values", "expected"), [
    (["1", "-2", ""], "bigint"),
    (["1", "2.5"], "double precision"),
    (["1e3", "nan"], "double precision"),
    (["true", "FALSE"], "boolean"),
    (["2024-01-02"], "date"),
    (["2024-01-02 03:04:05"], "timestamp"),
    (["2024-01-02T03:04:05Z", "2024-01-02T03:04:05+02:00"], "timestamptz"),
    (["1", "x"], "text"),
    (["99999999999999999999", "1"], "numeric"),  # beyond bigint: exact, not a double
    (["3.14159265358979323846"], "numeric"),
    ([""], "text"),
])
def test_text_type(values, expected):
    assert text_type(values) == expected


@pytest.mark.parametrize(("values", "expected"), [
    ([1, None, 2], "bigint"),
    ([1, 2.5], "double precision"),
    ([True, False], "boolean"),
    ([2**70], "numeric"),
    ([{"a": 1}], "jsonb"),
    ([[1, 2], None], "jsonb"),
    (["a", 1], "text"),
    ([None], "text"),
])
def test_value_type(values, expected):
    assert value_type(values) == expected


def test_source_urls_follow_the_hosts_layouts():
    assert github_url("https://gh", "o/r", "a b/c.csv", "v1") == "https://gh/o/r/v1/a%20b/c.csv"
    assert huggingface_url("https://hf", "org/ds", "train/x.parquet") == \
        "https://hf/datasets/org/ds/resolve/main/train/x.parquet"


def test_private_addresses_are_refused_unless_allowed(tmp_path: Path):
    settings = IngestSettings(upload_dir=tmp_path, max_upload_bytes=1, github_raw_url="",
                              huggingface_url="", allow_private_hosts=False, poll_seconds=1,
                              heartbeat_seconds=1)
    job = {"source_type": "url", "source": {"url": "http://127.0.0.1:9/x.csv"}}
    with pytest.raises(IngestError, match="private address"):
        open_source(job, settings, lambda n: None)
    job = {"source_type": "s3", "source": {"bucket": "b", "key": "k",
                                           "endpoint_url": "http://10.1.2.3:9000"}}
    with pytest.raises(IngestError, match="private address"):
        open_source(job, settings, lambda n: None)
