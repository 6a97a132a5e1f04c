"""Formats: detection, column type inference and streaming rows into a COPY.

CSV goes to PostgreSQL as it is (COPY ... FORMAT csv parses it, as fast as psql's \\copy);
JSON and JSONL are parsed here, one object at a time, and sent with COPY's row protocol;
Parquet is read batch by batch with pyarrow and sent as CSV that pyarrow writes.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import Any

from . import IngestError, jsondoc
from .csvcheck import RowChecker
from .sources import CHUNK, Opened
from .types import Widen, missing_marker, text_type, value_type

__all__ = ["CsvFormat", "JsonRowsFormat", "NewKey", "ParquetFormat", "Widen", "detect",
           "text_type", "value_type"]

SAMPLE_ROWS = 1000
SAMPLE_BYTES = 1 << 20

EXTENSIONS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".json": "json", ".jsonl": "jsonl",
              ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}

# PostgreSQL encoding names → Python codecs, for reading the sample (COPY decodes the rest).
PY_CODECS = {"utf8": "utf-8", "latin1": "latin-1", "win1252": "cp1252", "sql_ascii": "latin-1",
             "latin9": "iso8859-15", "win1251": "cp1251", "euc_jp": "euc_jp", "sjis": "shift_jis",
             "gbk": "gbk", "big5": "big5", "utf-8": "utf-8"}


def detect(opened: Opened, requested: str) -> str:
    """The format: as requested, else by the name's extension, else by the first bytes."""
    if requested != "auto":
        return requested
    name = opened.name.lower().split("?")[0]
    for ext, fmt in EXTENSIONS.items():
        if name.endswith(ext):
            return fmt
    head = opened.stream.peek(64)[:64]
    if head.startswith(b"PAR1"):
        return "parquet"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"["):
        return "json"
    if text.startswith(b"{"):
        return "jsonl"
    return "csv"


def apply_mapping(names: list[str], options: dict[str, Any]) -> list[str]:
    mapping = options.get("column_mapping") or {}
    return [mapping.get(n, n) for n in names]


# -- CSV ------------------------------------------------------------------------------------

class CsvFormat:
    """CSV through COPY FORMAT csv: the bytes go to the server unchanged."""

    name = "csv"

    def __init__(self, opened: Opened, options: dict[str, Any], overrides: dict[int, str]):
        self.opened, self.options, self.overrides = opened, options, overrides
        self.delimiter = options.get("delimiter") or (
            "\t" if opened.name.lower().endswith(".tsv") else ",")
        self.quote = options.get("quote", '"')
        self.header = options.get("header", True)
        self.encoding = options.get("encoding", "UTF8")
        self.null = options.get("null", "")
        self.codec = PY_CODECS.get(self.encoding.lower().replace("-", "").replace("_", ""),
                                   "utf-8")
        self.missing: dict[str, Any] | None = None
        self.names: list[str] = []
        self.types: list[str] = []
        self.rows_total: int | None = None

    def columns(self) -> list[tuple[str, str]]:
        """(source name, type) of each column, from a sample at the head of the stream
        (peeked, so the COPY still gets every byte). Without options.null, a missing-value
        marker (NA, N/A, null) that the sample's typed columns hold becomes COPY's NULL."""
        head = self._peek_head()
        text = codecs.decode(head, self.codec, errors="replace")
        lines = text.splitlines(keepends=True)
        if len(lines) > 1 and not head.endswith(b"\n"):
            lines = lines[:-1]  # the last line may be cut
        reader = csv.reader(io.StringIO("".join(lines)), delimiter=self.delimiter,
                            quotechar=self.quote, strict=False)
        rows: list[list[str]] = []
        try:
            for row in reader:
                rows.append(row)
                if len(rows) > SAMPLE_ROWS:
                    break
        except csv.Error:
            pass  # COPY reports malformed input with its line number
        if not rows:
            raise IngestError("the CSV file is empty")
        if self.header:
            names, data = rows[0], rows[1:]
        else:
            names, data = [f"column_{i + 1}" for i in range(len(rows[0]))], rows
        names = apply_mapping(names, self.options)
        values = [[r[i] for r in data if i < len(r)] for i in range(len(names))]
        if "null" in self.options:
            self.missing = {"marker": self.null, "source": "options.null"}
        else:
            marker, typed, seen = missing_marker(values)
            if marker is not None:
                self.null = marker
                self.missing = {"marker": marker, "source": "detected",
                                "columns": [names[i] for i in typed]}
            elif seen:
                self.missing = {"marker": None, "seen": seen,
                                "why": "the typed columns do not agree on one marker (or "
                                       "also hold empty fields); set options.null"}
        cols = []
        for i, n in enumerate(names):
            column = values[i]
            if self.null != "":
                column = [v for v in column if v != self.null]
            cols.append((n, self.overrides.get(i) or text_type(column)))
        self.names = [n for n, _ in cols]
        self.types = [t for _, t in cols]
        return cols

    def _peek_head(self) -> bytes:
        # BufferedReader.peek returns at most its buffer; read a larger head into a new
        # buffer that is then replayed before the rest of the stream.
        head = self.opened.stream.read(SAMPLE_BYTES)
        rest = self.opened.stream
        replay = io.BufferedReader(_Replay(head, rest), CHUNK)
        self.opened.stream = replay
        return head

    def copy_options(self) -> str:
        """The WITH (...) of the COPY; values quoted as literals by the caller."""
        return "FORMAT csv, HEADER {header}, DELIMITER {delimiter}, QUOTE {quote}, NULL {null}, " \
               "ENCODING {encoding}"

    def copy_params(self) -> dict[str, Any]:
        return {"header": bool(self.header), "delimiter": self.delimiter, "quote": self.quote,
                "null": self.null, "encoding": self.encoding}

    def feed(self, write: Callable[[bytes], None], count_rows: Callable[[int], None],
             check: Callable[[], None]) -> None:
        """The bytes to COPY as they are; the numeric columns' values also to a RowChecker,
        which raises Widen at the first one COPY would change."""
        checker = RowChecker(self.names, self.types, delimiter=self.delimiter,
                             quote=self.quote, null=self.null, header=bool(self.header),
                             codec=self.codec)
        stream = self.opened.stream
        lines = -1 if self.header else 0
        while True:
            chunk = stream.read(CHUNK)
            if not chunk:
                break
            if checker.active:
                checker.feed(chunk)
            lines += chunk.count(b"\n")
            count_rows(max(lines, 0))
            write(chunk)
            check()
        if checker.active:
            checker.finish()


class _Replay(io.RawIOBase):
    """head, then whatever the stream has left."""

    def __init__(self, head: bytes, rest: io.BufferedReader) -> None:
        self._head, self._rest = memoryview(head), rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


# -- JSON and JSONL ---------------------------------------------------------------------------

class JsonRowsFormat:
    """JSON (an array of objects, streamed with ijson) or JSONL (one object per line)."""

    def __init__(self, opened: Opened, options: dict[str, Any], overrides: dict[int, str],
                 lines: bool, extra: list[str] | None = None):
        self.opened, self.options, self.overrides, self.lines = opened, options, overrides, lines
        self.name = "jsonl" if lines else "json"
        self.extra = extra or []
        self.found: dict[str, Any] = {}  # the member holding the array, if any
        self._iter = self._objects()
        self._sample: list[tuple[int, dict[str, Any]]] = []
        self.keys: list[str] = []
        self.rows_total: int | None = None

    def _objects(self) -> Iterator[tuple[int, Any]]:
        """(line or element number, object)."""
        if not self.lines:
            yield from jsondoc.items(self.opened.stream, self.found)
            return
        for n, raw in enumerate(self.opened.stream, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise IngestError(f"line {n} is not UTF-8 (byte 0x{raw[exc.start]:02X} at "
                                  f"column {exc.start + 1})") from None
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as exc:
                raise IngestError(f"invalid JSON on line {n}, column {exc.colno}: "
                                  f"{exc.msg}") from None

    def columns(self) -> list[tuple[str, str]]:
        for n, obj in self._iter:
            if not isinstance(obj, dict):
                raise IngestError(f"{'line' if self.lines else 'element'} {n} is not a JSON "
                                  "object")
            self._sample.append((n, obj))
            for k in obj:
                if k not in self.keys:
                    self.keys.append(k)
            if len(self._sample) >= SAMPLE_ROWS:
                break
        for k in self.extra:
            if k not in self.keys:
                self.keys.append(k)
        if not self.keys:
            raise IngestError("no JSON object with members found")
        names = apply_mapping(self.keys, self.options)
        return [(names[i], self.overrides.get(i) or value_type([o.get(k) for _, o in self._sample]))
                for i, k in enumerate(self.keys)]

    def rows(self, types: list[str]) -> Iterator[tuple[Any, ...]]:
        keys = self.keys
        index = {k: i for i, k in enumerate(keys)}
        as_json = [t == "jsonb" for t in types]
        as_text = [t == "text" for t in types]

        def convert(n: int, obj: Any) -> tuple[Any, ...]:
            if not isinstance(obj, dict):
                raise IngestError(f"{'line' if self.lines else 'element'} {n} is not a JSON "
                                  "object")
            for k in obj:
                if k not in index:
                    raise NewKey(k)
            row = []
            for i, k in enumerate(keys):
                v = obj.get(k)
                if v is not None and (as_json[i] or (as_text[i] and not isinstance(v, str))):
                    v = json.dumps(v)
                elif isinstance(v, dict | list):
                    raise Widen(i, types[i], "jsonb", f"{'line' if self.lines else 'element'} "
                                f"{n}, member {k}: an object or array")
                row.append(v)
            return tuple(row)

        for n, obj in self._sample:
            yield convert(n, obj)
        for n, obj in self._iter:
            yield convert(n, obj)


class NewKey(Exception):
    """A member that the sample did not have: the load starts again with it."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


# -- Parquet ---------------------------------------------------------------------------------

def parquet_type(field: Any) -> str | None:
    """The PostgreSQL type of an Arrow field, or None when unsupported."""
    import pyarrow as pa
    t = field.type
    if pa.types.is_dictionary(t):
        t = t.value_type
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_int8(t) or pa.types.is_int16(t) or pa.types.is_uint8(t):
        return "smallint"
    if pa.types.is_int32(t) or pa.types.is_uint16(t):
        return "integer"
    if pa.types.is_int64(t) or pa.types.is_uint32(t):
        return "bigint"
    if pa.types.is_uint64(t) or pa.types.is_decimal(t):
        return "numeric"
    if pa.types.is_float16(t) or pa.types.is_float32(t):
        return "real"
    if pa.types.is_float64(t):
        return "double precision"
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "text"
    if pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_fixed_size_binary(t):
        return "bytea"
    if pa.types.is_date(t):
        return "date"
    if pa.types.is_time(t):
        return "time"
    if pa.types.is_timestamp(t):
        return "timestamptz" if t.tz else "timestamp"
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_struct(t):
        return "jsonb"
    return None


class ParquetFormat:
    """Parquet, batch by batch through pyarrow; needs a seekable file."""

    name = "parquet"

    def __init__(self, file: Any, options: dict[str, Any]):
        import pyarrow.parquet as pq
        try:
            self.pf = pq.ParquetFile(file)
        except Exception as exc:
            raise IngestError(f"not a readable Parquet file: {exc}") from None
        self.options = options
        self.path = file if isinstance(file, str) else None
        self.rows_total: int | None = self.pf.metadata.num_rows

    def columns(self) -> list[tuple[str, str]]:
        schema = self.pf.schema_arrow
        cols = []
        names = apply_mapping(list(schema.names), self.options)
        for name, field in zip(names, schema, strict=True):
            typ = parquet_type(field)
            if typ is None:
                raise IngestError(f"column {field.name!r} has the Parquet/Arrow type "
                                  f"{field.type}, which cannot be loaded")
            cols.append((name, typ))
        return cols

    def row_group_ends(self) -> list[tuple[int, int]]:
        """For each row group: (rows up to its end, the file offset where it ends). The
        footer says both, so progress in rows and bytes needs no extra read."""
        md = self.pf.metadata
        ends, rows = [], 0
        for i in range(md.num_row_groups):
            rg = md.row_group(i)
            rows += rg.num_rows
            end = 0
            for c in range(rg.num_columns):
                col = rg.column(c)
                start = col.dictionary_page_offset or col.data_page_offset
                end = max(end, start + col.total_compressed_size)
            ends.append((rows, end))
        return ends

    def feed(self, write: Callable[[bytes], None], count_rows: Callable[[int], None],
             check: Callable[[], None], types: list[str],
             count_bytes: Callable[[int], None] | None = None) -> None:
        """Batch by batch; count_bytes (when given) gets the file offset read up to: the
        end of the last row group whose rows were all written, interpolated by rows
        within the current one."""
        import pyarrow as pa
        import pyarrow.csv as pcsv
        options = pcsv.WriteOptions(include_header=False)
        ends = self.row_group_ends() if count_bytes is not None else []
        done = 0
        for batch in self.pf.iter_batches(batch_size=65536):
            arrays = []
            for col, typ in zip(batch.columns, types, strict=True):
                if pa.types.is_dictionary(col.type):
                    col = col.dictionary_decode()
                if typ == "jsonb":
                    col = pa.array([None if v is None else json.dumps(v, default=str)
                                    for v in col.to_pylist()], pa.string())
                elif typ == "bytea":
                    col = pa.array([None if v is None else "\\x" + v.hex()
                                    for v in col.to_pylist()], pa.string())
                arrays.append(col)
            table = pa.Table.from_arrays(arrays, names=[f"c{i}" for i in range(len(arrays))])
            buf = io.BytesIO()
            pcsv.write_csv(table, buf, options)
            write(buf.getvalue())
            done += batch.num_rows
            count_rows(done)
            if count_bytes is not None:
                count_bytes(_offset_at(ends, done))
            check()


def _offset_at(ends: list[tuple[int, int]], rows: int) -> int:
    """The file offset reached after `rows` rows, from row_group_ends()."""
    prev_rows = prev_end = 0
    for group_rows, end in ends:
        if rows <= group_rows:
            span = group_rows - prev_rows
            return prev_end + (end - prev_end) * (rows - prev_rows) // span if span else end
        prev_rows, prev_end = group_rows, end
    return prev_end
