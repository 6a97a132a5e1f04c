"""Compressed sources, read as they stream in, and what the first bytes of a source say.

gzip, bzip2, xz and zstd are recognised by the name's extension and by their magic bytes;
the stream is wrapped in a decompressor (nothing is decompressed to disk first). The
progress counts the compressed bytes read, against the compressed size.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
from typing import Any

from . import IngestError
from .sources import CHUNK, Opened

MAGIC = ((b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"),
         (b"\x28\xb5\x2f\xfd", "zstd"))
SUFFIXES = {".gz": "gzip", ".gzip": "gzip", ".bz2": "bzip2", ".xz": "xz", ".zst": "zstd",
            ".zstd": "zstd"}
BOM = b"\xef\xbb\xbf"


def sniff(head: bytes) -> str | None:
    """The compression the first bytes announce, or None."""
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    return None


def by_name(name: str) -> tuple[str | None, str]:
    """(compression the extension names, the name without that extension)."""
    base = name.split("?")[0]
    lower = base.lower()
    for suffix, kind in SUFFIXES.items():
        if lower.endswith(suffix):
            return kind, base[: -len(suffix)]
    return None, name


def _decompressor(kind: str, stream: io.BufferedReader) -> Any:
    if kind == "gzip":
        return gzip.GzipFile(fileobj=stream, mode="rb")
    if kind == "bzip2":
        return bz2.BZ2File(stream, mode="rb")
    if kind == "xz":
        return lzma.LZMAFile(stream, mode="rb")
    import zstandard
    return zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True)


class _Decompressed(io.RawIOBase):
    """A decompressor as a raw stream whose failures name the compression."""

    def __init__(self, kind: str, inner: Any) -> None:
        self.kind, self._inner = kind, inner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            data = self._inner.read(len(buffer))
        except IngestError:
            raise
        except (OSError, EOFError, ValueError, lzma.LZMAError) as exc:
            raise IngestError(f"the {self.kind} data is corrupt or cut short: {exc}") from None
        except Exception as exc:  # zstandard.ZstdError is no OSError
            raise IngestError(f"the {self.kind} data is corrupt or cut short: "
                              f"{type(exc).__name__}: {exc}") from None
        n = len(data)
        buffer[:n] = data
        return n


def decompress(opened: Opened) -> str | None:
    """Wrap opened's stream in a decompressor when its first bytes are those of a
    compression (the extension alone is not trusted: a name ending in .gz whose bytes are
    not gzip is refused); the name loses the compression's extension so that the format is
    still read from it. Returns the compression, or None."""
    named, inner_name = by_name(opened.name)
    kind = sniff(opened.stream.peek(8)[:8])
    if named is not None and kind != named:
        raise IngestError(f"{opened.name.rsplit('/', 1)[-1]} is named as {named} data, but "
                          f"its first bytes are not {named}'s")
    if kind is None:
        return None
    opened.stream = io.BufferedReader(_Decompressed(kind, _decompressor(kind, opened.stream)),
                                      CHUNK)
    opened.name = inner_name
    return kind


def strip_bom(opened: Opened) -> bool:
    """Skip a UTF-8 byte order mark (spreadsheets' "CSV UTF-8" writes one); True if there
    was one."""
    if opened.stream.peek(3)[:3] == BOM:
        opened.stream.read(3)
        return True
    return False


def not_text(head: bytes, fmt: str) -> str | None:
    """Why head cannot start a CSV, JSON or JSONL file (binary or compressed data), or None."""
    label = {"csv": "CSV", "json": "JSON", "jsonl": "JSONL"}[fmt]
    kind = sniff(head)
    if kind is not None:
        return f"this looks like {kind} data, not {label}"
    if head.startswith(b"PAR1"):
        return f"this looks like Parquet data, not {label} (use --format parquet)"
    if head.startswith(b"PK\x03\x04"):
        return f"this looks like a zip archive, not {label}; unpack it first"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return f"this looks like UTF-16 text, not UTF-8 {label}; save it as UTF-8"
    if b"\x00" in head:
        return f"this looks like binary data, not {label} (it holds NUL bytes)"
    return None
