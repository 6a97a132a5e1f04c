"""Password hashing for the auth schema: argon2id through argon2-cffi (python3-argon2).

Parameters: OWASP's Password Storage Cheat Sheet asks argon2id for at least one of
m=47104/t=1, m=19456/t=2, m=12288/t=3, m=9216/t=4 or m=7168/t=5 (memory in KiB), p=1.
We take m=19456 (19 MiB), t=2, p=1, with a 16-byte random salt and a 32-byte tag:
OWASP's minimum, and no more, because every login hashes inside a PostgreSQL backend.
Each concurrent login holds 19 MiB and one CPU core for about 50 ms (measured on the
development machine; docs/auth.md has the numbers), so a burst of logins costs the
database server what it costs; the per-address and per-account limits of
auth.attempt_password_login() bound that burst.

Raising the cost is a change of the constants below: stored hashes carry their own
parameters, keep verifying, and are rehashed with the new ones at the next successful
login (needs_rehash). DUMMY_HASH must then be regenerated (a unit test says so).
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHash, VerificationError

TIME_COST = 2
MEMORY_COST_KIB = 19456
PARALLELISM = 1
HASH_LEN = 32
SALT_LEN = 16

_hasher = PasswordHasher(time_cost=TIME_COST, memory_cost=MEMORY_COST_KIB,
                         parallelism=PARALLELISM, hash_len=HASH_LEN, salt_len=SALT_LEN,
                         type=Type.ID)

# What every hash made now starts with.
PREFIX = f"$argon2id$v=19$m={MEMORY_COST_KIB},t={TIME_COST},p={PARALLELISM}$"

# A hash, made with the parameters above, of a random string nobody kept: an unknown user
# (or one without a password) is checked against it, so that the answer costs the same
# argon2 work as for a known user, and never matches.
DUMMY_HASH = ("$argon2id$v=19$m=19456,t=2,p=1$LWSMeT6gRx/n51OlmCvF0A"
              "$X/mdLWquK3m+M1mmun3sOqFJEC+gfU1adhlYLlZrwXc")


def hash(password: str) -> str:
    """An argon2id hash of password, in the PHC string format, with a fresh salt."""
    return _hasher.hash(password)


def verify(password_hash: str, password: str) -> bool:
    """Does password match password_hash? False on a mismatch and on a hash that is not
    argon2 (nothing to match); never raises for either."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHash):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Was password_hash made with other parameters (or is it not ours at all)?"""
    try:
        return _hasher.check_needs_rehash(password_hash)
    except (InvalidHash, ValueError):
        return True


def verify_dummy(password: str) -> bool:
    """The work of verify() against DUMMY_HASH; always False."""
    verify(DUMMY_HASH, password)
    return False
