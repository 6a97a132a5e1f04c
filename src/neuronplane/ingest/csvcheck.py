"""The CSV values beyond the sample, checked against their columns' types while COPY reads
the same bytes.

COPY fails on a value its column cannot read, and the worker widens that column. But it
reads "007" into a bigint as 7 without a word: so the columns whose type can change a
value (numbers) are read a second time here, and the first value that does not fit
(types.fits) stops the load with the wider type it needs.
"""

from __future__ import annotations

import csv
import io
import re

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from .types import CHECKED_TYPES, Widen, problem, widen

# Shapes of values that surely fit (a subset of types.fits(): no leading zero or +, few
# enough digits), as RE2 patterns, with the longest such value when it matters; a piece of
# the file with any other value is looked at value by value with types.problem().
FAST = {
    "integer": (r"-?(?:0|[1-9]\d{0,8})", None),
    "bigint": (r"-?(?:0|[1-9]\d{0,17})", None),
    "numeric": (r"-?(?:0|[1-9]\d*)(?:\.\d*)?", None),
    "double precision": (r"-?(?:0|[1-9]\d*)(?:\.\d*)?(?:[eE][+-]?\d+)?", 15),
}


class RowChecker:
    """Fed the CSV's bytes chunk by chunk; raises Widen at the first value that does not fit.

    Chunks are cut at the last line end outside a quoted field (with the quote doubled to
    escape it, an even count of quotes before a position means it is outside), so that each
    piece holds whole records. A piece is first read by pyarrow's CSV reader (C++, only the
    watched columns) and its values matched against FAST; only a piece with another value is
    parsed again with Python's csv module and looked at value by value."""

    def __init__(self, names: list[str], types: list[str], *, delimiter: str, quote: str,
                 null: str, header: bool, codec: str) -> None:
        self.names = names
        self.watch = [(i, t) for i, t in enumerate(types) if t in CHECKED_TYPES]
        self.delimiter, self.quote, self.null = delimiter, quote, null
        self.quote_byte = quote.encode(codec)
        self.skip_header = header
        self.codec = codec
        self.pending = b""
        self.line = 0  # lines before self.pending
        null_shape = f"|{re.escape(null)}" if null else ""
        self.patterns = {typ: (f"^(?:{shape}{null_shape})?$", longest)
                         for typ, (shape, longest) in FAST.items()}

    @property
    def active(self) -> bool:
        return bool(self.watch)

    def feed(self, chunk: bytes) -> None:
        data = self.pending + chunk
        cut = data.rfind(b"\n")
        while cut >= 0 and data.count(self.quote_byte, 0, cut) % 2:
            cut = data.rfind(b"\n", 0, cut)
        if cut < 0:
            self.pending = data
            return
        self.pending = data[cut + 1:]
        self._check(data[:cut + 1])

    def finish(self) -> None:
        data, self.pending = self.pending, b""
        if data:
            self._check(data)

    def _check(self, piece: bytes) -> None:
        base = self.line
        self.line = base + piece.count(b"\n")
        skip, self.skip_header = self.skip_header, False
        if not self._surely_fits(piece, skip):
            self._check_values(piece.decode(self.codec, errors="replace"), base, skip)

    def _surely_fits(self, piece: bytes, skip: bool) -> bool:
        """Whether every watched value of the piece has a FAST shape (False also when
        pyarrow cannot read the piece: the exact check decides)."""
        wanted = [f"f{i}" for i, _ in self.watch]
        try:
            table = pcsv.read_csv(
                io.BytesIO(piece),
                read_options=pcsv.ReadOptions(autogenerate_column_names=True,
                                              skip_rows=1 if skip else 0, use_threads=False,
                                              block_size=max(len(piece) + 1, 1 << 20)),
                parse_options=pcsv.ParseOptions(delimiter=self.delimiter,
                                                quote_char=self.quote,
                                                newlines_in_values=True),
                convert_options=pcsv.ConvertOptions(
                    include_columns=wanted, column_types=dict.fromkeys(wanted, pa.string()),
                    strings_can_be_null=False, quoted_strings_can_be_null=False,
                    check_utf8=False))
        except (pa.ArrowInvalid, KeyError):
            return False  # ragged rows, a piece holding only the header, ...
        for (_, typ), name in zip(self.watch, wanted, strict=True):
            column = table[name]
            pattern, longest = self.patterns[typ]
            ok = pc.match_substring_regex(column, pattern)
            if longest is not None:
                ok = pc.and_(ok, pc.less_equal(pc.binary_length(column), longest))
            if not pc.all(ok).as_py():
                return False
        return True

    def _check_values(self, text: str, base: int, skip: bool) -> None:
        reader = csv.reader(io.StringIO(text), delimiter=self.delimiter, quotechar=self.quote,
                            strict=False)
        try:
            for row in reader:
                if skip:
                    skip = False
                    continue
                for i, typ in self.watch:
                    v = row[i] if i < len(row) else ""
                    if v == "" or v == self.null:
                        continue
                    why = problem(v, typ)
                    if why is not None:
                        shown = v if len(v) <= 40 else v[:40] + "..."
                        raise Widen(i, typ, widen(typ, v), f"line {base + reader.line_num}, "
                                    f"column {self.names[i]}: {shown!r} {why}")
        except csv.Error:
            pass  # malformed CSV: COPY reports it with its line number
