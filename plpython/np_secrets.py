"""The master key file, and the first scheme of stored secrets.

:func:`load_key` reads a key file (64 hexadecimal digits) for np_envelope, which seals every
stored secret. A backend keeps the key while the file stays the same file: a rotation that
puts a new file in its place is seen at the next use, without a reconnect.

:func:`encrypt` and :func:`decrypt` are the first scheme (AES-256-GCM straight under the key,
layout: version byte 1 | nonce (12) | ciphertext and tag). Only the revert of the sqitch
change internal/secrets uses them now.
"""

from __future__ import annotations

import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VERSION = 1
# path -> ((device, inode, mtime, size) of the file read, key)
_key_cache: dict[str, tuple[tuple[int, int, int, int], bytes]] = {}


class KeyError_(Exception):
    """The key file is missing, unreadable or malformed."""


def load_key(path: str) -> bytes:
    if not path:
        raise KeyError_("neuronplane.key_file is not set")
    try:
        st = os.stat(path)
        identity = (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)
        cached = _key_cache.get(path)
        if cached is not None and cached[0] == identity:
            return cached[1]
        with open(path, encoding="ascii") as f:
            text = f.read().strip()
    except OSError as exc:
        raise KeyError_(f"cannot read the data-encryption key file ({exc.strerror})") from None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise KeyError_("the data-encryption key file must hold 64 hexadecimal digits")
    _key_cache[path] = (identity, key)
    return key


def encrypt(key: bytes, plaintext: str, context: str) -> bytes:
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, plaintext.encode("utf-8"), context.encode("utf-8"))
    return bytes([VERSION]) + nonce + sealed


def decrypt(key: bytes, blob: bytes, context: str) -> str | None:
    """The plaintext, or None when the blob is not ours or was not sealed for context."""
    blob = bytes(blob)
    if len(blob) < 1 + 12 + 16 or blob[0] != VERSION:
        return None
    try:
        plain = AESGCM(key).decrypt(blob[1:13], blob[13:], context.encode("utf-8"))
    except Exception:  # cryptography raises InvalidTag; never echo the blob
        return None
    return plain.decode("utf-8")
