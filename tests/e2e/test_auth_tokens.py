"""Access tokens over HTTP: PostgREST verifies the ES256 tokens the database issues with the
JWKS it reads from the database, refuses forged and misused ones, and keeps accepting every
valid token while the signing keys rotate.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import jwt
import psycopg
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

pytestmark = pytest.mark.e2e


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64json(value: dict[str, Any]) -> str:
    return b64url(json.dumps(value).encode())


def payload(token: str) -> dict[str, Any]:
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def hs256(secret: bytes, header: dict[str, Any], claims: dict[str, Any]) -> str:
    """An HS256 JWS made by hand: PyJWT refuses PEM-looking HMAC secrets, an attacker does not."""
    signing_input = f"{b64json(header)}.{b64json(claims)}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(signature)}"


@pytest.fixture
def user(superuser) -> str:
    name = f"tok-{uuid.uuid4().hex[:12]}"
    return str(superuser.execute(
        "INSERT INTO identity.users (username, email) VALUES (%s, %s) RETURNING id",
        (name, f"{name}@example.test")).fetchone()[0])


@pytest.fixture
def publish_delay(superuser) -> Iterator[Callable[[float], None]]:
    """publish_delay(seconds): set auth.settings.signing_key_publish_delay for this test."""
    [(before,)] = superuser.execute(
        "SELECT signing_key_publish_delay FROM auth.settings").fetchall()

    def set_delay(seconds: float) -> None:
        superuser.execute("UPDATE auth.settings SET signing_key_publish_delay = "
                          "make_interval(secs => %s)", (seconds,))

    yield set_delay
    superuser.execute("UPDATE auth.settings SET signing_key_publish_delay = %s", (before,))


def me(postgrest, token: str, sub: str) -> httpx.Response:
    """The caller's own row, which only an authenticated request as sub can read."""
    return httpx.get(f"{postgrest.url}/users", params={"id": f"eq.{sub}", "select": "id"},
                     headers={"Authorization": f"Bearer {token}"}, timeout=10)


def rotate(superuser) -> str:
    """Rotate once the next key may sign (the caller sets a short publish delay)."""
    deadline = time.monotonic() + 10
    while True:
        try:
            return superuser.execute("SELECT auth.rotate_signing_key()").fetchone()[0]
        except psycopg.errors.ObjectNotInPrerequisiteState:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


# Valid tokens and the JWKS ------------------------------------------------------------------

def test_a_token_from_the_database_is_accepted(postgrest, user):
    token = postgrest.token(sub=user)
    r = me(postgrest, token, user)
    assert (r.status_code, r.json()) == (200, [{"id": user}]), r.text

    header = jwt.get_unverified_header(token)
    kid, _ = postgrest.signing_key()
    assert (header["alg"], header["kid"]) == ("ES256", kid)
    keys = jwt.PyJWKSet.from_dict(httpx.get(f"{postgrest.url}/rpc/jwks").json())
    [key] = [k for k in keys.keys if k.key_id == kid]
    claims = jwt.decode(token, key.key, algorithms=["ES256"], audience="neuronplane",
                        issuer="neuronplane")
    assert (claims["sub"], claims["role"], claims["principal_type"]) == (
        user, "authenticated", "user")
    assert claims["exp"] - claims["iat"] == 900


def test_anyone_fetches_the_public_keys(postgrest, superuser):
    r = httpx.get(f"{postgrest.url}/rpc/jwks")
    assert r.status_code == 200, r.text
    assert r.json() == superuser.execute("SELECT auth.jwks()").fetchone()[0]
    kid, _ = postgrest.signing_key()
    assert kid in [k["kid"] for k in r.json()["keys"]]
    for key in r.json()["keys"]:
        assert set(key) == {"kty", "crv", "x", "y", "kid", "alg", "use"}, "no private part"


def test_an_api_key_claim_reaches_the_database(postgrest, user):
    key_id = str(uuid.uuid4())
    token = postgrest.token(sub=user, api_key_id=key_id)
    assert payload(token)["api_key_id"] == key_id
    assert me(postgrest, token, user).status_code == 200


# Attacks ---------------------------------------------------------------------------------

def alg_none(postgrest, user):
    claims = postgrest.claims(sub=user)
    return f"{b64json({'alg': 'none', 'typ': 'JWT'})}.{b64json(claims)}."


def alg_none_with_a_real_kid(postgrest, user):
    kid, _ = postgrest.signing_key()
    claims = postgrest.claims(sub=user)
    return f"{b64json({'alg': 'none', 'typ': 'JWT', 'kid': kid})}.{b64json(claims)}."


def hs256_public_pem(postgrest, user):
    kid, key = postgrest.signing_key()
    pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                        serialization.PublicFormat.SubjectPublicKeyInfo)
    return hs256(pem, {"alg": "HS256", "typ": "JWT", "kid": kid}, postgrest.claims(sub=user))


def hs256_public_jwk(postgrest, user):
    kid, _ = postgrest.signing_key()
    [jwk] = [k for k in httpx.get(f"{postgrest.url}/rpc/jwks").json()["keys"]
             if k["kid"] == kid]
    return hs256(json.dumps(jwk).encode(), {"alg": "HS256", "typ": "JWT", "kid": kid},
                 postgrest.claims(sub=user))


def hs256_jwks_text(postgrest, user):
    # The exact text PostgREST receives as its jwt-secret.
    [(secret,)] = postgrest.query("SELECT auth.jwks()::text")
    return hs256(secret.encode(), {"alg": "HS256", "typ": "JWT"}, postgrest.claims(sub=user))


def unknown_kid(postgrest, user):
    attacker = ec.generate_private_key(ec.SECP256R1())
    return jwt.encode(postgrest.claims(sub=user), attacker, algorithm="ES256",
                      headers={"kid": b64url(uuid.uuid4().bytes)})


def attacker_key_with_a_real_kid(postgrest, user):
    kid, _ = postgrest.signing_key()
    attacker = ec.generate_private_key(ec.SECP256R1())
    return jwt.encode(postgrest.claims(sub=user), attacker, algorithm="ES256",
                      headers={"kid": kid})


def real_key_with_a_wrong_kid(postgrest, user):
    return postgrest.sign(postgrest.claims(sub=user), headers={"kid": "not-a-published-key"})


def expired(postgrest, user):
    return postgrest.token(sub=user, ttl=-60)


def not_yet_valid(postgrest, user):
    return postgrest.sign(postgrest.claims(sub=user, nbf=int(time.time()) + 120))


def wrong_audience(postgrest, user):
    return postgrest.sign(postgrest.claims(sub=user, aud="another-api"))


def no_audience(postgrest, user):
    return postgrest.sign(postgrest.claims(sub=user, aud=None))


def wrong_issuer(postgrest, user):
    return postgrest.sign(postgrest.claims(sub=user, iss="https://issuer.example"))


def no_expiry(postgrest, user):
    return postgrest.sign(postgrest.claims(sub=user, exp=None))


def tampered_payload(postgrest, user):
    header, claims, signature = postgrest.token(sub=user).split(".")
    forged = {**payload(f"{header}.{claims}.{signature}"), "role": "service"}
    return f"{header}.{b64json(forged)}.{signature}"


def tampered_subject(postgrest, user):
    header, claims, signature = postgrest.token(sub=str(uuid.uuid4())).split(".")
    forged = {**payload(f"{header}.{claims}.{signature}"), "sub": user}
    return f"{header}.{b64json(forged)}.{signature}"


@pytest.mark.parametrize(("attack", "code", "message"), [
    (alg_none, "PGRST301", "JWSError JWSNoSignatures"),
    (alg_none_with_a_real_kid, "PGRST301", "JWSError JWSNoSignatures"),
    (hs256_public_pem, "PGRST301", "JWSError JWSInvalidSignature"),
    (hs256_public_jwk, "PGRST301", "JWSError JWSInvalidSignature"),
    (hs256_jwks_text, "PGRST301", "JWSError JWSInvalidSignature"),
    (unknown_kid, "PGRST301", "JWSError JWSInvalidSignature"),
    (attacker_key_with_a_real_kid, "PGRST301", "JWSError JWSInvalidSignature"),
    (real_key_with_a_wrong_kid, "28000", "the token names no published signing key"),
    (expired, "PGRST301", "JWT expired"),
    (not_yet_valid, "PGRST301", "JWTNotYetValid"),
    (wrong_audience, "PGRST301", "JWTNotInAudience"),
    (no_audience, "28000", "the token is not meant for this API"),
    (wrong_issuer, "28000", "the token was not issued by this server"),
    (no_expiry, "28000", "the token has no expiry"),
    (tampered_payload, "PGRST301", "JWSError JWSInvalidSignature"),
    (tampered_subject, "PGRST301", "JWSError JWSInvalidSignature"),
], ids=lambda v: v.__name__ if callable(v) else None)
def test_attacks_are_refused(postgrest, user, attack, code, message):
    # The same request with a genuine token goes through.
    assert me(postgrest, postgrest.token(sub=user), user).status_code == 200
    r = me(postgrest, attack(postgrest, user), user)
    body = r.json()
    assert (r.status_code, body.get("code"), body.get("message")) == (401, code, message), r.text
    assert r.headers["WWW-Authenticate"].startswith('Bearer error="invalid_token"')


# Rotation ----------------------------------------------------------------------------------

def test_rotation_notifies_postgrest_and_is_audited(database, superuser, publish_delay):
    publish_delay(0)
    with psycopg.connect(database.superuser_conninfo(), autocommit=True) as listener:
        listener.execute("LISTEN pgrst")
        kid = rotate(superuser)
        notes = [n.payload for n in listener.notifies(timeout=5, stop_after=1)]
    assert notes == ["reload config"]
    [(details,)] = superuser.execute(
        "SELECT details FROM audit.events WHERE action = 'auth.signing_key.rotated'"
        " AND resource_id = %s", (kid,)).fetchall()
    assert details["kid"] == kid and {"retired_kid", "next_kid"} <= set(details)


def test_no_valid_token_is_refused_while_keys_rotate(postgrest, superuser, user, publish_delay):
    """A client keeps calling with tokens issued before, between and after two rotations; a
    next key is published (and PostgREST reloaded) before it signs, and a retired key stays
    published while its tokens live, so every request succeeds."""
    publish_delay(1)
    failures: list[str] = []
    accepted_kids: set[str] = set()
    first_tokens: list[str] = []
    stop = threading.Event()

    def client() -> None:
        tokens: list[str] = []
        with httpx.Client(timeout=10) as http:
            while not stop.is_set():
                tokens.append(postgrest.token(sub=user))
                if not first_tokens:
                    first_tokens.append(tokens[0])
                for token in {tokens[0], tokens[-1], random.choice(tokens)}:
                    r = http.get(f"{postgrest.url}/users",
                                 params={"id": f"eq.{user}", "select": "id"},
                                 headers={"Authorization": f"Bearer {token}"})
                    kid = jwt.get_unverified_header(token)["kid"]
                    if r.status_code == 200 and r.json() == [{"id": user}]:
                        accepted_kids.add(kid)
                    else:
                        failures.append(f"{kid}: {r.status_code} {r.text}")
                time.sleep(0.01)

    def next_key_is_loaded() -> None:
        # What makes rotation safe: PostgREST already verifies with the key to be promoted.
        probe = postgrest.sign(postgrest.claims(sub=user), status="next")
        assert me(postgrest, probe, user).status_code == 200, "the next key is not loaded"

    thread = threading.Thread(target=client)
    thread.start()
    try:
        time.sleep(0.5)
        before, _ = postgrest.signing_key()
        next_key_is_loaded()
        second = rotate(superuser)
        time.sleep(0.5)
        next_key_is_loaded()
        third = rotate(superuser)  # waits until the key published by the first has aged
        time.sleep(1)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not failures, failures[:5]
    assert {before, second, third} <= accepted_kids
    # the very first token, signed by a key now retired, still works
    assert jwt.get_unverified_header(first_tokens[0])["kid"] == before
    assert me(postgrest, first_tokens[0], user).status_code == 200
    statuses = dict(superuser.execute(
        "SELECT kid, status FROM auth.signing_keys WHERE kid IN (%s, %s, %s)",
        (before, second, third)).fetchall())
    assert statuses == {before: "retired", second: "retired", third: "active"}


def test_a_token_of_a_removed_key_is_refused(postgrest, superuser, user, publish_delay):
    publish_delay(0)
    token = postgrest.token(sub=user)
    kid = jwt.get_unverified_header(token)["kid"]
    rotate(superuser)
    assert me(postgrest, token, user).status_code == 200, "a retired key still verifies"

    # Its tokens have all expired: maintenance deletes it and PostgREST reloads the JWKS.
    superuser.execute("UPDATE auth.signing_keys SET activated_at = now() - interval '2 days',"
                      " retired_at = now() - interval '1 day' WHERE kid = %s", (kid,))
    assert superuser.execute("SELECT auth.maintain_signing_keys()").fetchone()[0] >= 1
    # PostgREST caches a validated token's claims (jwt-cache-max-lifetime), so it may not
    # look at the signature again; the pre-request check refuses the key all the same.
    r = me(postgrest, token, user)
    assert r.status_code == 401, r.text
    assert r.json()["code"] in ("PGRST301", "28000"), r.text
