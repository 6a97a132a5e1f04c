"""The CSV values beyond the sample, checked against their columns' types while COPY reads
the same bytes.

COPY fails on a value its column cannot read, and the worker widens that column. But it
reads "007" into a bigint as 7 without a word: so the columns whose type can change a
value (numbers) are read a second time here, with Python's csv module, and the first value
that does not fit (types.fits) stops the load with the wider type it needs.
"""

from __future__ import annotations

import codecs
import csv
import io

from .types import CHECKED_TYPES, Widen, problem, widen


class RowChecker:
    """Fed the CSV's bytes chunk by chunk; raises Widen at the first value that does not fit.

    Chunks are cut at the last line end outside a quoted field (with the quote doubled to
    escape it, an even count of quotes before a position means it is outside), so that each
    piece given to csv.reader holds whole records."""

    def __init__(self, names: list[str], types: list[str], *, delimiter: str, quote: str,
                 null: str, header: bool, codec: str) -> None:
        self.names = names
        self.watch = [(i, t) for i, t in enumerate(types) if t in CHECKED_TYPES]
        self.delimiter, self.quote, self.null = delimiter, quote, null
        self.skip_header = header
        self.decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        self.pending = ""
        self.line = 0  # lines before self.pending

    @property
    def active(self) -> bool:
        return bool(self.watch)

    def feed(self, chunk: bytes) -> None:
        text = self.pending + self.decoder.decode(chunk)
        cut = text.rfind("\n")
        while cut >= 0 and text.count(self.quote, 0, cut) % 2:
            cut = text.rfind("\n", 0, cut)
        if cut < 0:
            self.pending = text
            return
        self.pending = text[cut + 1:]
        self._check(text[:cut + 1])

    def finish(self) -> None:
        text = self.pending + self.decoder.decode(b"", final=True)
        self.pending = ""
        if text:
            self._check(text)

    def _check(self, text: str) -> None:
        reader = csv.reader(io.StringIO(text), delimiter=self.delimiter, quotechar=self.quote,
                            strict=False)
        base, null, watch = self.line, self.null, self.watch
        try:
            for row in reader:
                if self.skip_header:
                    self.skip_header = False
                    continue
                for i, typ in watch:
                    if i < len(row):
                        v = row[i]
                        if v == "" or v == null:
                            continue
                        why = problem(v, typ)
                        if why is not None:
                            shown = v if len(v) <= 40 else v[:40] + "..."
                            raise Widen(i, typ, widen(typ, v),
                                        f"line {base + reader.line_num}, column "
                                        f"{self.names[i]}: {shown!r} {why}")
        except csv.Error:
            pass  # malformed CSV: COPY reports it with its line number
        self.line = base + text.count("\n")
