"""JSON documents, streamed with ijson: an array of objects, or an object with one member
that is such an array ({"data": [...], "meta": {...}}); a syntax error is named by its byte
offset in the document."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from . import IngestError

EXPECTED = "a JSON file must hold an array of objects, or an object with one array member"
_EOF_MESSAGES = ("premature EOF", "Incomplete JSON content")


class _Tracking:
    """What ijson reads from: read() only (so that its C backend calls it), remembering the
    chunk it last handed out and where that chunk starts in the document."""

    def __init__(self, stream: io.BufferedReader) -> None:
        self.stream = stream
        self.offset = 0
        self.last = b""
        self.last_start = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.last, self.last_start = data, self.offset
        self.offset += len(data)
        return data


def error_offset(message: str, tracked: _Tracking) -> int:
    """The byte offset of a yajl parse error. yajl's message shows the text around the error
    with the offending byte in column 39 (newlines shown as spaces), taken from the chunk it
    was parsing, which is the chunk ijson read last: that text is looked up in the chunk.
    Falls back to the start of the chunk when the text is not found."""
    lines = message.split("\n")
    if any(m in message for m in _EOF_MESSAGES) or not tracked.last:
        return tracked.offset
    if len(lines) < 3 or "^" not in lines[2]:
        return tracked.last_start
    col = lines[2].index("^") - 1
    shown = lines[1]
    core, after = shown[:col + 1].lstrip(" "), shown[col + 1:]
    if not core:
        return tracked.last_start
    chunk = re.sub(rb"[\r\n]", b" ", tracked.last)
    at = chunk.find((core + after).encode())
    if at < 0:
        return tracked.last_start
    return tracked.last_start + _token_start(tracked.last, at + len(core.encode()) - 1)


_TOKEN = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+-")


def _token_start(chunk: bytes, at: int) -> int:
    """yajl points into the offending token (its offset is the bytes it consumed): at a
    string's closing quote or its first character, at a number's or literal's last one. The
    token starts at the string's opening quote, or where the run of letters and digits
    starts."""
    if chunk[at] == 0x22:  # '"'
        i = at - 1
        while i >= 0:
            if chunk[i] == 0x22:
                slashes = len(chunk[:i]) - len(chunk[:i].rstrip(b"\\"))
                if slashes % 2 == 0:
                    return i
            i -= 1
        return at
    while at > 0 and chunk[at] in _TOKEN and chunk[at - 1] in _TOKEN:
        at -= 1
    if at > 0 and chunk[at - 1] == 0x22:
        at -= 1
    return at


def _kind(event: str) -> str:
    return {"start_map": "an object", "start_array": "an array", "string": "a string",
            "number": "a number", "integer": "a number", "double": "a number",
            "boolean": "a boolean", "null": "null"}.get(event, event)


def _array_events(events: Iterator[tuple[str, str, Any]], found: dict[str, Any]
                  ) -> Iterator[tuple[str, str, Any]]:
    """The events of the document's array of objects: the document's own, or those of its one
    member that is an array, with prefixes rewritten as if it were the document."""
    first = next(events, None)
    if first is None:
        raise IngestError("the JSON file is empty")
    if first[1] == "start_array":
        yield first
        yield from events
        return
    if first[1] != "start_map":
        raise IngestError(f"{EXPECTED}: found {_kind(first[1])}")
    members: list[str] = []
    key = ""
    for prefix, event, value in events:
        if prefix == "" and event == "end_map":
            break
        if prefix == "" and event == "map_key":
            key = value
            members.append(key)
            continue
        if prefix != key:
            continue  # inside a member that is skipped
        if event == "start_array":
            if "member" in found:
                raise IngestError(f"{EXPECTED}: found two array members, "
                                  f"{found['member']} and {key}")
            found["member"] = key
            yield "", "start_array", None
            inner = key + "."
            for p, e, v in events:
                if p == key and e == "end_array":
                    break
                yield (p[len(inner):] if p.startswith(inner) else p), e, v
            yield "", "end_array", None
    if "member" not in found:
        listed = ", ".join(members[:10]) + (", ..." if len(members) > 10 else "")
        raise IngestError(f"{EXPECTED}: found " + (f"members {listed}" if members
                                                   else "an empty object")
                          + " (for one object per line, use the format jsonl)")


def items(stream: io.BufferedReader, found: dict[str, Any]) -> Iterator[tuple[int, Any]]:
    """(element number, element) of the document's array; found["member"] names the member
    the array was taken from, if it was one."""
    import ijson
    tracked = _Tracking(stream)
    n = 0
    try:
        for obj in ijson.items(_array_events(ijson.parse(tracked, use_float=True), found),
                               "item"):
            n += 1
            yield n, obj
    except ijson.JSONError as exc:
        message = str(exc)
        reason = message.split("\n", 1)[0].removeprefix("parse error: ")
        raise IngestError(f"invalid JSON at byte {error_offset(message, tracked)} "
                          f"(after element {n}): {reason}") from None
