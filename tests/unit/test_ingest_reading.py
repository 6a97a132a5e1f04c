"""Reading sources without a database: values that must keep their text, widening, missing
values, compression, byte order marks, binary data given as text, JSON documents and their
errors."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma

import ijson.backends.python as ijson_python
import pytest
import zstandard

from neuronplane.ingest import IngestError
from neuronplane.ingest.compression import decompress, not_text, strip_bom
from neuronplane.ingest.csvcheck import RowChecker
from neuronplane.ingest.formats import CsvFormat, JsonRowsFormat
from neuronplane.ingest.jsondoc import items
from neuronplane.ingest.sources import CountingReader, Opened
from neuronplane.ingest.types import Widen, missing_marker, problem, text_type, widen


def _opened(data: bytes, name: str = "x") -> Opened:
    raw = CountingReader(file=io.BytesIO(data))
    return Opened(io.BufferedReader(raw), len(data), name, raw)


# -- values that would not survive the inferred type ----------------------------------------

@pytest.mark.parametrize(("values", "expected"), [
    (["00501", "02134", "10001"], "text"),          # US zip codes
    (["007", "008", "123"], "text"),                # ids
    (["+14155550123", "+442071838750"], "text"),    # phone numbers
    (["-0"], "double precision"),                   # a double keeps -0, a bigint not
    (["01.5", "2.5"], "text"),
    (["0", "10", "-3"], "bigint"),
    (["0.5", "-0.25", "10.0"], "double precision"),
    (["1.2345678901234567"], "numeric"),            # more digits than a double keeps
    (["9223372036854775808"], "numeric"),           # one beyond bigint
])
def test_text_type_keeps_values_that_a_number_would_change(values, expected):
    assert text_type(values) == expected


def test_problem_names_what_would_be_lost():
    assert "leading zero" in problem("00501", "bigint")
    assert "leading +" in problem("+1", "double precision")
    assert "significant digits" in problem("3.14159265358979323846", "double precision")
    assert problem("42", "bigint") is None


@pytest.mark.parametrize(("typ", "value", "expected"), [
    ("integer", "3000000000", "bigint"),
    ("integer", "99999999999999999999", "numeric"),
    ("bigint", "99999999999999999999", "numeric"),
    ("bigint", "2.5", "numeric"),
    ("bigint", "007", "text"),
    ("bigint", "n/a", "text"),
    ("double precision", "1.23456789012345678", "numeric"),
    ("double precision", "abc", "text"),
    ("date", "tomorrow", "text"),
])
def test_widen_takes_the_first_type_along_the_chain_that_fits(typ, value, expected):
    assert widen(typ, value) == expected


# -- missing-value markers ------------------------------------------------------------------

def test_missing_marker_is_chosen_when_typed_columns_agree():
    assert missing_marker([["1", "NA", "3"], ["a", "NA", "b"]]) == ("NA", [0], ["NA"])
    # Two markers, or a typed column that also holds empty fields: COPY has one NULL string.
    assert missing_marker([["1", "NA"], ["2", "N/A"]])[0] is None
    assert missing_marker([["1", "NA"], ["2", ""]])[0] is None
    # In a text column a marker may be a value: nothing is chosen.
    assert missing_marker([["x", "NA"]]) == (None, [], ["NA"])


def test_csv_sample_reads_na_as_null_unless_options_say_otherwise():
    data = b"id,score,name\n1,NA,ada\n2,3.5,NA\n3,NA,bob\n"
    fmt = CsvFormat(_opened(data, "r.csv"), {}, {})
    assert [t for _, t in fmt.columns()] == ["bigint", "double precision", "text"]
    assert fmt.copy_params()["null"] == "NA"
    assert fmt.missing == {"marker": "NA", "source": "detected", "columns": ["score"]}
    fmt = CsvFormat(_opened(data, "r.csv"), {"null": ""}, {})
    assert [t for _, t in fmt.columns()] == ["bigint", "text", "text"]
    assert fmt.missing == {"marker": "", "source": "options.null"}


# -- values beyond the sample ---------------------------------------------------------------

def _check(data: bytes, types: list[str], piece: int = 1 << 20) -> None:
    checker = RowChecker(["a", "b"], types, delimiter=",", quote='"', null="", header=True,
                         codec="utf-8")
    for i in range(0, len(data), piece):
        checker.feed(data[i:i + piece])
    checker.finish()


@pytest.mark.parametrize("piece", [1, 7, 1 << 20])
def test_row_checker_finds_the_first_value_a_number_would_change(piece):
    data = (b'a,b\n1,"x, with a comma"\n2,"a ""quoted""\nline"\n3,y\n007,z\n')
    with pytest.raises(Widen) as caught:
        _check(data, ["bigint", "text"], piece)
    assert (caught.value.index, caught.value.from_type, caught.value.type) == (0, "bigint",
                                                                               "text")
    assert caught.value.reason.startswith("line 6, column a: '007' has a leading zero")
    _check(data.replace(b"007", b"7"), ["bigint", "text"], piece)  # nothing to say


def test_row_checker_passes_null_markers_crlf_and_long_files():
    checker = RowChecker(["a", "b"], ["bigint", "double precision"], delimiter=";", quote='"',
                         null="NA", header=True, codec="utf-8")
    body = b"a;b\r\n" + b"".join(b"%d;%d.25\r\n" % (i, i) for i in range(100_000))
    for i in range(0, len(body), 1 << 20):
        checker.feed(body[i:i + (1 << 20)])
    checker.feed(b"NA;NA\r\n-5;1e-3\r\n")
    checker.finish()
    with pytest.raises(Widen, match=r"line 100004, column b: '1\.2345678901234567' has more"):
        checker.feed(b"7;1.2345678901234567\r\n")
        checker.finish()


def test_row_checker_widens_to_numeric_beyond_bigint():
    with pytest.raises(Widen) as caught:
        _check(b"a,b\n1,2\n99999999999999999999,3", ["bigint", "bigint"])
    assert caught.value.type == "numeric" and "out of range" in caught.value.reason


# -- compression, byte order marks, binary data ------------------------------------------

PLAIN = b"a,b\n1,2\n3,4\n"
COMPRESSORS = {"gzip": (gzip.compress, ".gz"), "bzip2": (bz2.compress, ".bz2"),
               "xz": (lzma.compress, ".xz"),
               "zstd": (lambda b: zstandard.ZstdCompressor().compress(b), ".zst")}


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
@pytest.mark.parametrize("named", [True, False])
def test_compressed_streams_are_read_by_extension_and_by_magic(kind, named):
    compress, suffix = COMPRESSORS[kind]
    opened = _opened(compress(PLAIN), f"data.csv{suffix}" if named else "blob")
    assert decompress(opened) == kind
    assert opened.name == ("data.csv" if named else "blob")
    assert opened.stream.read() == PLAIN


def test_plain_data_is_left_alone_and_a_lying_extension_refused():
    opened = _opened(PLAIN, "data.csv")
    assert decompress(opened) is None and opened.stream.read() == PLAIN
    with pytest.raises(IngestError, match=r"data\.csv\.gz is named as gzip data"):
        decompress(_opened(PLAIN, "data.csv.gz"))


def test_a_cut_short_gzip_stream_says_so():
    whole = gzip.compress(PLAIN * 1000)
    opened = _opened(whole[:len(whole) // 2], "x.csv.gz")
    decompress(opened)
    with pytest.raises(IngestError, match="the gzip data is corrupt or cut short"):
        opened.stream.read()


def test_byte_order_mark_is_skipped():
    opened = _opened(b"\xef\xbb\xbfid\n1\n")
    assert strip_bom(opened) is True and opened.stream.read() == b"id\n1\n"
    assert strip_bom(_opened(b"id\n")) is False


@pytest.mark.parametrize(("head", "fragment"), [
    (b"PAR1\x15\x04", "this looks like Parquet data, not CSV"),
    (b"PK\x03\x04rest", "zip archive"),
    (b"\xff\xfei\x00d\x00", "UTF-16"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary data, not CSV"),
])
def test_binary_data_given_as_csv_says_what_it_looks_like(head, fragment):
    assert fragment in not_text(head, "csv")
    assert not_text(b"a,b\n1,2\n", "csv") is None


# -- JSON documents -------------------------------------------------------------------------

def _items(data: bytes) -> tuple[list, dict]:
    found: dict = {}
    return [o for _, o in items(io.BufferedReader(io.BytesIO(data)), found)], found


def test_an_object_with_one_array_member_is_read_as_that_array():
    doc = {"meta": {"v": [1, 2]}, "rows": [{"a": 1}, {"a": 2, "b": [3]}], "n": 2}
    assert _items(json.dumps(doc).encode()) == ([{"a": 1}, {"a": 2, "b": [3]}],
                                               {"member": "rows"})


@pytest.mark.parametrize(("doc", "fragment"), [
    ({"nodes": {"a": 1}, "directed": True}, "found members nodes, directed"),
    ({"nodes": [1], "links": [2]}, "found two array members, nodes and links"),
    ({}, "found an empty object"),
    (5, "found a number"),
])
def test_a_json_document_that_is_no_array_names_what_was_expected(doc, fragment):
    with pytest.raises(IngestError) as caught:
        _items(json.dumps(doc).encode())
    assert "must hold an array of objects, or an object with one array member" in str(
        caught.value)
    assert fragment in str(caught.value)


@pytest.mark.parametrize("data", [
    b'[{"a": 1,,}]',
    b'[\n  {"a": 1},\n  {"a" 2}\n]',
    b"[" + b",".join(b'{"a": %d}' % i for i in range(20000)) + b', {"a": 1,,}]',
    b"[" + b",\n".join(b'  {"text": "%s"}' % (b"x" * (i % 50)) for i in range(9000))
    + b',\n  {"text": "y" "z"}]',
    b'[{"a": "x\\"y" "z"}]',
    b'[{"a":1}, 123abc]',
    b'[{"a": 1e}]',
    b'{"a" 22}',
])
def test_a_json_syntax_error_names_its_byte_offset(data):
    with pytest.raises(ijson_python.common.JSONError) as reference:
        list(ijson_python.items(io.BytesIO(data), "item"))
    offset = int(str(reference.value).rsplit(" at ", 1)[1])  # the pure-Python parser's
    with pytest.raises(IngestError, match=rf"^invalid JSON at byte {offset} "):
        _items(data)


def test_a_json_document_cut_short_is_named_at_its_end():
    with pytest.raises(IngestError, match=r"^invalid JSON at byte 9 .*premature EOF"):
        _items(b'[{"a": 1}')


def test_jsonl_line_that_is_not_utf8_is_named():
    data = b'{"a": "ok"}\n{"a": "fine"}\n{"a": "caf\xe9"}\n'
    fmt = JsonRowsFormat(_opened(data), {}, {}, lines=True)
    with pytest.raises(IngestError, match=r"^line 3 is not UTF-8 \(byte 0xE9 at column 11\)$"):
        fmt.columns()
