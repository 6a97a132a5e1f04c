"""np_tokens.verify(): what auth.verify_access_token() (the cookie path) relies on."""

import time

import jwt

import np_tokens


def _key_and_jwks():
    pem, jwk = np_tokens.generate_key()
    return np_tokens.load_private_key(pem), jwk, {"keys": [jwk]}


def _claims(**overrides):
    now = int(time.time())
    claims = {"iss": "neuronplane", "aud": "neuronplane", "sub": "u1", "iat": now,
              "exp": now + 60}
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def test_a_token_of_a_published_key_verifies():
    key, jwk, jwks = _key_and_jwks()
    token = np_tokens.sign(_claims(), jwk["kid"], key)
    assert np_tokens.verify(token, jwks, "neuronplane", "neuronplane")["sub"] == "u1"


def test_refusals_answer_none():
    key, jwk, jwks = _key_and_jwks()
    other_key, other_jwk, _ = _key_and_jwks()
    good = np_tokens.sign(_claims(), jwk["kid"], key)
    head, body, sig = good.split(".")
    cases = {
        "another issuer": np_tokens.sign(_claims(iss="elsewhere"), jwk["kid"], key),
        "another audience": np_tokens.sign(_claims(aud="elsewhere"), jwk["kid"], key),
        "expired": np_tokens.sign(_claims(exp=int(time.time()) - 10), jwk["kid"], key),
        "no exp": np_tokens.sign(_claims(exp=None), jwk["kid"], key),
        "unpublished key": np_tokens.sign(_claims(), other_jwk["kid"], other_key),
        "wrong key for the kid": np_tokens.sign(_claims(), jwk["kid"], other_key),
        "tampered": f"{head}.{body[:-2]}AA.{sig}",
        "HS256 with the public key": jwt.encode(_claims(), "x" * 32, algorithm="HS256",
                                                headers={"kid": jwk["kid"]}),
        "garbage": "not-a-token",
    }
    for name, token in cases.items():
        assert np_tokens.verify(token, jwks, "neuronplane", "neuronplane") is None, name


def test_an_expired_token_verifies_only_when_asked():
    key, jwk, jwks = _key_and_jwks()
    token = np_tokens.sign(_claims(exp=int(time.time()) - 10), jwk["kid"], key)
    assert np_tokens.verify(token, jwks, "neuronplane", "neuronplane", verify_exp=False)
