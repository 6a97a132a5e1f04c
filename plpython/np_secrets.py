"""Encryption of stored secrets (DSN passwords, LLM provider keys) inside the server.

AES-256-GCM with a random 96-bit nonce. The associated data binds a ciphertext to where it
is stored (for example ``identity.projects.neurondb_dsn_password:<project id>``), so a
ciphertext copied into another row does not decrypt. The key is read once per backend from
the file named by the ``neuronplane.key_file`` setting; it lives outside the data folder,
so dumps and base backups never carry it.

Layout of a ciphertext: version byte (1) | nonce (12) | ciphertext and tag.
"""

from __future__ import annotations

import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VERSION = 1
_key_cache: dict[str, bytes] = {}


class KeyError_(Exception):
    """The key file is missing, unreadable or malformed."""


def load_key(path: str) -> bytes:
    if not path:
        raise KeyError_("neuronplane.key_file is not set")
    cached = _key_cache.get(path)
    if cached is not None:
        return cached
    try:
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
    _key_cache[path] = key
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
