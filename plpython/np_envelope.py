"""Envelope encryption of LLM provider keys (and other workspace secrets).

Each secret gets its own random 256-bit data key (DEK). The secret is sealed with the DEK
(AES-256-GCM), and the DEK is sealed ("wrapped") with the master key (the key-encryption
key, KEK), which is read from a key file outside the database. Only the wrapped DEK is
stored, next to the ciphertext, in one blob:

    version (1 byte, 2) | KEK id (8) | wrap nonce (12) | wrapped DEK + tag (48)
                        | data nonce (12) | ciphertext + tag

* The KEK id is an HMAC of a fixed label under the master key: it names the key without
  revealing it, so opening a blob under another master key fails with a clear error
  (WrongMasterKey) instead of a bare authentication failure.
* Both seals bind the blob to ``context`` (table, column and row), so a blob copied to
  another row does not open.
* A fresh DEK and fresh nonces per write (:func:`seal`) make two encryptions of one
  value differ; rotation opens each blob under the master key it names and seals it
  again under the current one.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VERSION = 2
_KEK_ID_LABEL = b"neuronplane envelope master key id v1"
_HEADER = 1 + 8 + 12 + 48  # version, KEK id, wrap nonce, wrapped DEK with tag
_MIN = _HEADER + 12 + 16


class EnvelopeError(Exception):
    """A blob that cannot be opened."""


class WrongMasterKey(EnvelopeError):
    """The blob was wrapped under another master key than the one given."""


class Tampered(EnvelopeError):
    """The blob is not an envelope, was altered, or belongs to another context."""


def kek_id(master_key: bytes) -> bytes:
    """The 8-byte id of a master key (an HMAC under it: reveals nothing of the key)."""
    return hmac.new(master_key, _KEK_ID_LABEL, hashlib.sha256).digest()[:8]


def _check_key(master_key: bytes) -> None:
    if len(master_key) != 32:
        raise ValueError("the master key must be 32 bytes")


def _wrap(master_key: bytes, dek: bytes, context: bytes) -> bytes:
    kid = kek_id(master_key)
    nonce = os.urandom(12)
    return kid + nonce + AESGCM(master_key).encrypt(nonce, dek, b"dek|" + kid + b"|" + context)


def seal(master_key: bytes, plaintext: str, context: str) -> bytes:
    """Seal plaintext under a fresh data key wrapped by master_key, bound to context."""
    _check_key(master_key)
    ctx = context.encode("utf-8")
    dek = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(12)
    body = AESGCM(dek).encrypt(nonce, plaintext.encode("utf-8"), b"data|" + ctx)
    return bytes([VERSION]) + _wrap(master_key, dek, ctx) + nonce + body


def blob_kek_id(blob: bytes) -> bytes:
    """The id of the master key a blob is wrapped under."""
    blob = bytes(blob)
    if len(blob) < _MIN or blob[0] != VERSION:
        raise Tampered("not an envelope-encrypted value")
    return blob[1:9]


def _unwrap(master_key: bytes, blob: bytes, ctx: bytes) -> bytes:
    kid = blob_kek_id(blob)
    if not hmac.compare_digest(kid, kek_id(master_key)):
        raise WrongMasterKey(
            f"the value was encrypted under master key {kid.hex()}, "
            f"but the server's master key is {kek_id(master_key).hex()}"
        )
    try:
        return AESGCM(master_key).decrypt(blob[9:21], blob[21:_HEADER], b"dek|" + kid + b"|" + ctx)
    except InvalidTag:
        raise Tampered("the wrapped data key does not open: altered or moved") from None


def open_(master_key: bytes, blob: bytes, context: str) -> str:
    """The plaintext of a blob sealed for context under master_key."""
    _check_key(master_key)
    blob = bytes(blob)
    ctx = context.encode("utf-8")
    dek = _unwrap(master_key, blob, ctx)
    try:
        plain = AESGCM(dek).decrypt(blob[_HEADER:_HEADER + 12], blob[_HEADER + 12:],
                                    b"data|" + ctx)
    except InvalidTag:
        raise Tampered("the value does not open: altered or moved to another row") from None
    return plain.decode("utf-8")

