import base64
import hashlib
import json
import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

import np_tokens


def test_generated_key_is_a_p256_pem_and_a_public_jwk():
    pem, jwk = np_tokens.generate_key()
    assert pem.startswith("-----BEGIN PRIVATE KEY-----\n")
    assert set(jwk) == {"kty", "crv", "x", "y", "kid", "alg", "use"}
    assert (jwk["kty"], jwk["crv"], jwk["alg"], jwk["use"]) == ("EC", "P-256", "ES256", "sig")
    assert len(jwk["x"]) == len(jwk["y"]) == 43  # 32 bytes, base64url without padding
    public = np_tokens.load_private_key(pem).public_key()
    assert np_tokens.public_jwk(public) == jwk


def test_kid_is_the_rfc7638_thumbprint():
    _, jwk = np_tokens.generate_key()
    members = json.dumps({"crv": "P-256", "kty": "EC", "x": jwk["x"], "y": jwk["y"]},
                         separators=(",", ":"))
    expected = base64.urlsafe_b64encode(hashlib.sha256(members.encode()).digest()).rstrip(b"=")
    assert jwk["kid"] == expected.decode()
    # other members and their order do not change it
    assert np_tokens.thumbprint({**jwk, "kid": "x", "use": "enc"}) == jwk["kid"]


def test_two_keys_differ():
    assert np_tokens.generate_key()[1]["kid"] != np_tokens.generate_key()[1]["kid"]


def test_signed_token_verifies_with_the_public_jwk_only():
    pem, jwk = np_tokens.generate_key()
    claims = {"sub": "someone", "exp": int(time.time()) + 60}
    token = np_tokens.sign(claims, jwk["kid"], np_tokens.load_private_key(pem))
    assert jwt.get_unverified_header(token) == {"alg": "ES256", "typ": "JWT", "kid": jwk["kid"]}
    assert jwt.decode(token, jwt.PyJWK(jwk).key, algorithms=["ES256"]) == claims
    _, other = np_tokens.generate_key()
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, jwt.PyJWK(other).key, algorithms=["ES256"])


def test_other_curves_are_refused():
    p384 = ec.generate_private_key(ec.SECP384R1())
    pem = p384.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()
    with pytest.raises(ValueError, match="P-256"):
        np_tokens.load_private_key(pem)
    with pytest.raises(ValueError, match="P-256"):
        np_tokens.public_jwk(p384.public_key())


def test_signer_signs_the_payload_text_as_given():
    pem, jwk = np_tokens.generate_key()
    signer = np_tokens.Signer(jwk["kid"], np_tokens.load_private_key(pem))
    # the text of a jsonb, as the database hands it over (spaces, its own key order)
    payload = f'{{"exp": {int(time.time()) + 60}, "sub": "someone", "name": "Zo\u00eb"}}'
    token = signer.sign(payload)
    _, payload_b64, signature_b64 = token.split(".")
    assert base64.urlsafe_b64decode(payload_b64 + "=" * (-len(payload_b64) % 4)).decode() == payload
    assert len(base64.urlsafe_b64decode(signature_b64 + "=" * (-len(signature_b64) % 4))) == 64
    assert jwt.get_unverified_header(token) == {"alg": "ES256", "typ": "JWT", "kid": jwk["kid"]}
    assert jwt.decode(token, jwt.PyJWK(jwk).key, algorithms=["ES256"]) == json.loads(payload)
    # ECDSA signatures are randomized: two tokens of one payload differ, both verify
    again = signer.sign(payload)
    assert again != token
    assert jwt.decode(again, jwt.PyJWK(jwk).key, algorithms=["ES256"]) == json.loads(payload)


def test_signer_refuses_other_curves():
    with pytest.raises(ValueError, match="P-256"):
        np_tokens.Signer("k", ec.generate_private_key(ec.SECP384R1()))


def test_signer_pads_r_and_s_to_32_bytes():
    # About one signature in 128 has an r or s below 2**248, whose minimal big-endian form
    # is shorter than 32 bytes: each must still be padded, or half the tokens' signatures
    # would be misread. 2,000 signatures meet such a short value with a probability above
    # 1 - 10**-6; every one must verify with PyJWT and carry 64 signature bytes.
    pem, jwk = np_tokens.generate_key()
    signer = np_tokens.Signer(jwk["kid"], np_tokens.load_private_key(pem))
    public = jwt.PyJWK(jwk).key
    short = 0
    for n in range(2000):
        token = signer.sign(f'{{"n": {n}}}')
        raw = base64.urlsafe_b64decode(token.split(".")[2] + "==")
        assert len(raw) == 64
        short += raw[0] == 0 or raw[32] == 0
        assert jwt.decode(token, public, algorithms=["ES256"],
                          options={"verify_exp": False}) == {"n": n}
    assert short > 0, "no signature with a short r or s was met: the padding went untested"
