"""ES256 access tokens, signed inside the server.

Signing keys are NIST P-256 key pairs. The private key leaves this module only as PKCS#8
PEM, which the database stores encrypted (internal.encrypt_secret); the public key as a
JSON Web Key (RFC 7517) that PostgREST and other verifiers read from the JWKS. A key's
``kid`` is its RFC 7638 thumbprint, so the same key always has the same name and two keys
never share one.

Written against Debian 12's python3-jwt (PyJWT 2.6) and python3-cryptography (38).
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

import jwt
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed, decode_dss_signature
from jwt.utils import base64url_encode

ALGORITHM = "ES256"
CURVE = "P-256"
_COORDINATE_BYTES = 32


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def thumbprint(jwk: dict[str, Any]) -> str:
    """The RFC 7638 SHA-256 thumbprint of an EC public JWK, base64url-encoded."""
    members = {name: jwk[name] for name in ("crv", "kty", "x", "y")}
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True)
    return _b64url(hashlib.sha256(canonical.encode("ascii")).digest())


def public_jwk(public_key: ec.EllipticCurvePublicKey) -> dict[str, str]:
    """The public JWK of a P-256 key, with its kid, alg and use; never a private part."""
    if not isinstance(public_key.curve, ec.SECP256R1):
        raise ValueError(f"signing keys are P-256, not {public_key.curve.name}")
    numbers = public_key.public_numbers()
    jwk = {
        "kty": "EC",
        "crv": CURVE,
        "x": _b64url(numbers.x.to_bytes(_COORDINATE_BYTES, "big")),
        "y": _b64url(numbers.y.to_bytes(_COORDINATE_BYTES, "big")),
    }
    return {**jwk, "kid": thumbprint(jwk), "alg": ALGORITHM, "use": "sig"}


def generate_key() -> tuple[str, dict[str, str]]:
    """A new signing key: (private key as unencrypted PKCS#8 PEM, public JWK)."""
    private_key = ec.generate_private_key(ec.SECP256R1())
    pem = private_key.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    ).decode("ascii")
    return pem, public_jwk(private_key.public_key())


def load_private_key(pem: str) -> ec.EllipticCurvePrivateKey:
    """The private key of a PEM made by generate_key(); anything else is refused."""
    return _p256_private_key(serialization.load_pem_private_key(pem.encode("ascii"),
                                                                password=None))


def _p256_private_key(key: object) -> ec.EllipticCurvePrivateKey:
    """key, if it is a P-256 private key; anything else is refused."""
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve,
                                                                          ec.SECP256R1):
        raise ValueError("a signing key must be a P-256 private key")
    return key


class Signer:
    """Signs ES256 tokens with one key: a compact JWS whose header names the key.

    The header is encoded once and the payload taken as the JSON text the database already
    has, so a token costs one SHA-256, one ECDSA signature of the digest (Prehashed), the DER
    signature turned into raw r || s (RFC 7518 3.4) and base64url: jwt.encode() redoes the
    rest on every call, which inside the server costs more than the signature itself
    (figures in bench/README.md). The tokens are the same: PyJWT verifies them."""

    __slots__ = ("_digest", "_prefix", "_sign", "_signature_algorithm")

    def __init__(self, kid: str, private_key: ec.EllipticCurvePrivateKey) -> None:
        header = json.dumps({"alg": ALGORITHM, "kid": kid, "typ": "JWT"}, separators=(",", ":"))
        self._sign = _p256_private_key(private_key).sign
        self._signature_algorithm = ec.ECDSA(Prehashed(hashes.SHA256()))
        self._digest = hashlib.sha256
        self._prefix = base64url_encode(header.encode("ascii")) + b"."

    def sign(self, payload_json: str) -> str:
        """The token of a JSON object's text (the claims), as it is."""
        signing_input = self._prefix + base64url_encode(payload_json.encode("utf-8"))
        r, s = decode_dss_signature(self._sign(self._digest(signing_input).digest(),
                                               self._signature_algorithm))
        signature = base64url_encode(r.to_bytes(_COORDINATE_BYTES, "big")
                                     + s.to_bytes(_COORDINATE_BYTES, "big"))
        return (signing_input + b"." + signature).decode("ascii")


def sign(claims: dict[str, Any], kid: str, private_key: ec.EllipticCurvePrivateKey) -> str:
    """A compact JWS (ES256) of claims, its header naming the key."""
    return Signer(kid, private_key).sign(json.dumps(claims, separators=(",", ":")))


def verify(token: str, jwks: dict[str, Any], issuer: str, audience: str,
           verify_exp: bool = True) -> dict[str, Any] | None:
    """The claims of an ES256 token signed by one of jwks's keys (chosen by the token's kid),
    with this issuer and audience and, when verify_exp, not expired; None otherwise."""
    try:
        kid = jwt.get_unverified_header(token).get("kid")
    except jwt.PyJWTError:
        return None
    for jwk in jwks.get("keys", []):
        if isinstance(jwk, dict) and jwk.get("kid") == kid and jwk.get("kty") == "EC":
            key = jwt.PyJWK(jwk, algorithm=ALGORITHM).key
            break
    else:
        return None
    try:
        return jwt.decode(token, key, algorithms=[ALGORITHM], audience=audience, issuer=issuer,
                          options={"require": ["iss", "aud", "sub", "exp", "iat"],
                                   "verify_exp": verify_exp})
    except jwt.PyJWTError:
        return None
