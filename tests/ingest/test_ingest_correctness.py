"""Loads that must keep every value as it was written (leading zeros, numbers wider than the
sample's), missing-value markers, byte order marks, compressed sources, and errors that say
what is wrong with the data. A real worker; tables checked in the database."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
from decimal import Decimal

import psycopg
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

from .conftest import leftovers, table_rows, upload

pytestmark = pytest.mark.e2e


def column_types(superuser: psycopg.Connection, job: dict) -> dict[str, str]:
    [(cols,)] = superuser.execute("SELECT columns FROM workspace.datasets WHERE id = %s",
                                  (job["dataset_id"],)).fetchall()
    return {c["source"]: c["type"] for c in cols}


def load(glue, api, content: bytes, filename: str, **params) -> dict:
    api_, project = api
    r = upload(glue, api_, content, filename, project_id=project,
               dataset_name=filename.split(".")[0], **params)
    assert r.status_code == 201, r.text
    return api_.wait(r.json()["id"])


def test_zip_codes_phone_numbers_and_ids_keep_their_text(superuser, worker, glue, owner):
    body = (b"zip,phone,agent,count\n"
            b"00501,+14155550123,007,1\n"
            b"02134,+442071838750,042,2\n"
            b"10001,+33142685300,100,3\n")
    job = load(glue, owner, body, "people.csv")
    assert job["status"] == "succeeded", job["error"]
    assert column_types(superuser, job) == {"zip": "text", "phone": "text", "agent": "text",
                                            "count": "bigint"}
    assert table_rows(superuser, job)[:2] == [("00501", "+14155550123", "007", 1),
                                             ("02134", "+442071838750", "042", 2)]


def test_a_late_leading_zero_turns_the_column_to_text(superuser, worker, glue, owner):
    body = b"id,n\n" + b"".join(b"%d,%d\n" % (i, i) for i in range(1, 3001)) + b"3001,007\n"
    job = load(glue, owner, body, "late_zero.csv")
    assert job["status"] == "succeeded", job["error"]
    assert column_types(superuser, job) == {"id": "bigint", "n": "text"}
    assert table_rows(superuser, job)[-1] == (3001, "007")
    [restart] = job["details"]["restarts"]
    assert restart["column"] == "n" and (restart["from"], restart["to"]) == ("bigint", "text")
    assert restart["reason"] == "line 3002, column n: '007' has a leading zero that bigint drops"


def test_a_late_number_beyond_bigint_widens_to_numeric_not_text(superuser, worker, glue, owner):
    body = b"n\n" + b"".join(b"%d\n" % i for i in range(3000)) + b"99999999999999999999\n"
    job = load(glue, owner, body, "wide.csv")
    assert job["status"] == "succeeded", job["error"]
    assert column_types(superuser, job) == {"n": "numeric"}
    assert table_rows(superuser, job)[-1] == (Decimal("99999999999999999999"),)
    [restart] = job["details"]["restarts"]
    assert (restart["from"], restart["to"]) == ("bigint", "numeric")
    assert "line 3002" in restart["reason"] and "out of range" in restart["reason"]


def test_a_late_fraction_widens_bigint_to_numeric_through_copy(superuser, worker, glue, owner):
    # JSON rows go through COPY's row protocol: COPY itself refuses 2.5 for a bigint.
    rows = [{"n": i} for i in range(2000)] + [{"n": 2.5}]
    job = load(glue, owner, json.dumps(rows).encode(), "fraction.json")
    assert job["status"] == "succeeded", job["error"]
    assert column_types(superuser, job) == {"n": "numeric"}
    assert (Decimal("2.5"),) in table_rows(superuser, job)
    [restart] = job["details"]["restarts"]
    assert (restart["from"], restart["to"]) == ("bigint", "numeric")
    assert "line 2001, column n" in restart["reason"]


R_EXPORT = (b'"id","species","bill_length_mm","year"\n'
            b'1,"Adelie",39.1,2007\n'
            b'2,"Adelie",NA,2007\n'
            b'3,NA,40.3,NA\n')


def test_na_markers_are_nulls_in_typed_columns_and_recorded(superuser, worker, glue, owner):
    job = load(glue, owner, R_EXPORT, "penguins.csv")
    assert job["status"] == "succeeded", job["error"]
    assert column_types(superuser, job) == {"id": "bigint", "species": "text",
                                            "bill_length_mm": "double precision",
                                            "year": "bigint"}
    assert table_rows(superuser, job) == [(1, "Adelie", 39.1, 2007), (2, "Adelie", None, 2007),
                                          (3, None, 40.3, None)]
    assert job["details"]["missing_values"] == {
        "marker": "NA", "source": "detected", "columns": ["bill_length_mm", "year"]}


def test_options_null_overrides_the_detected_marker(superuser, worker, glue, owner):
    job = load(glue, owner, R_EXPORT, "penguins_raw.csv", options=json.dumps({"null": ""}))
    assert job["status"] == "succeeded", job["error"]
    assert column_types(superuser, job)["bill_length_mm"] == "text"
    assert table_rows(superuser, job)[1][2] == "NA"
    assert job["details"]["missing_values"] == {"marker": "", "source": "options.null"}


@pytest.mark.parametrize("header", [True, False])
def test_a_utf8_byte_order_mark_is_read(superuser, worker, glue, owner, header):
    body = "\ufeffname,city\nZoë,Zürich\n".encode() if header else \
        "\ufeffZoë,Zürich\n".encode()
    job = load(glue, owner, body, f"bom_{header}.csv", options=json.dumps({"header": header}))
    assert job["status"] == "succeeded", job["error"]
    assert table_rows(superuser, job) == [("Zoë", "Zürich")]
    assert list(column_types(superuser, job)) == (["name", "city"] if header
                                                  else ["column_1", "column_2"])
    assert job["details"]["byte_order_mark"] is True


CSV_BODY = b"id,name\n" + b"".join(b"%d,name %d\n" % (i, i) for i in range(5000))
JSONL_BODY = b"".join(json.dumps({"id": i, "name": f"name {i}"}).encode() + b"\n"
                      for i in range(5000))
COMPRESS = {"gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress,
            "zst": lambda b: zstandard.ZstdCompressor().compress(b)}
KIND = {"gz": "gzip", "bz2": "bzip2", "xz": "xz", "zst": "zstd"}


@pytest.mark.parametrize("suffix", sorted(COMPRESS))
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_compressed_uploads_by_extension(superuser, worker, glue, owner, suffix, fmt):
    body = CSV_BODY if fmt == "csv" else JSONL_BODY
    job = load(glue, owner, COMPRESS[suffix](body), f"data_{fmt}.{fmt}.{suffix}")
    assert job["status"] == "succeeded", job["error"]
    assert job["detected_format"] == fmt and job["rows_done"] == 5000
    assert job["details"]["compression"] == KIND[suffix]
    rows = table_rows(superuser, job)
    assert len(rows) == 5000 and rows[4999] == (4999, "name 4999")


@pytest.mark.parametrize("suffix", sorted(COMPRESS))
def test_compressed_urls_by_magic_bytes(superuser, worker, files, owner, suffix):
    api, project = owner
    root, base = files
    (root / f"noext_{suffix}").write_bytes(COMPRESS[suffix](JSONL_BODY))
    r = api.rpc("start_ingest", project_id=project, dataset_name=f"magic {suffix}",
                source_type="url", source={"url": f"{base}/noext_{suffix}"})
    assert r.status_code == 200, r.text
    job = api.wait(r.json()["id"])
    assert job["status"] == "succeeded", job["error"]
    assert job["detected_format"] == "jsonl" and job["rows_done"] == 5000
    assert job["details"]["compression"] == KIND[suffix]
    assert job["bytes_done"] == job["bytes_total"] < len(JSONL_BODY)  # compressed bytes


def test_compressed_parquet_upload(superuser, worker, glue, owner):
    buf = io.BytesIO()
    pq.write_table(pa.table({"id": [1, 2, 3]}), buf)
    job = load(glue, owner, gzip.compress(buf.getvalue()), "p.parquet.gz")
    assert job["status"] == "succeeded", job["error"]
    assert table_rows(superuser, job) == [(1,), (2,), (3,)]


def _parquet_bytes() -> bytes:
    buf = io.BytesIO()
    pq.write_table(pa.table({"a": [1, 2]}), buf)
    return buf.getvalue()


@pytest.mark.parametrize(("name", "content", "params", "message"), [
    ("p.csv", _parquet_bytes(), {}, "this looks like Parquet data, not CSV"),
    ("data", _parquet_bytes(), {"format": "csv"}, "this looks like Parquet data, not CSV"),
    ("img.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", {}, "this looks like binary data"),
    ("cut.csv.gz", gzip.compress(CSV_BODY)[:300], {}, "the gzip data is corrupt or cut short"),
    ("bad.jsonl", b'{"a": "ok"}\n{"a": "caf\xe9"}\n', {},
     "line 2 is not UTF-8 (byte 0xE9 at column 11)"),
    ("graph.json", json.dumps({"nodes": {"a": 1}, "directed": True}).encode(), {},
     "must hold an array of objects, or an object with one array member: "
     "found members nodes, directed"),
    ("syntax.json", b'[{"a": 1},\n {"a": 2,,}]', {}, "invalid JSON at byte 20 "),
])
def test_data_errors_say_what_is_wrong(superuser, worker, glue, owner, name, content, params,
                                       message):
    _, project = owner
    job = load(glue, owner, content, name, **params)
    assert job["status"] == "failed" and message in job["error"], job["error"]
    assert leftovers(superuser, project) == []


def test_a_json_object_with_one_array_member_loads_it(superuser, worker, glue, owner):
    doc = {"meta": {"source": "x"}, "data": [{"a": 1}, {"a": 2}]}
    job = load(glue, owner, json.dumps(doc).encode(), "wrapped.json")
    assert job["status"] == "succeeded", job["error"]
    assert table_rows(superuser, job) == [(1,), (2,)]
    assert job["details"]["json_member"] == "data"


def test_upload_to_a_project_that_is_not_a_uuid_says_so(glue, owner):
    api, _ = owner
    r = upload(glue, api, b"a\n1\n", "a.csv", project_id="my-project", dataset_name="x")
    assert r.status_code == 400, r.text
    assert r.json()["message"] == "project must be a uuid" and r.json()["code"] == "22P02"
