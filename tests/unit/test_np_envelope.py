import os

import pytest

import np_envelope

KEY = bytes(range(32))
OTHER = bytes(range(1, 33))


def test_seal_open_round_trip_and_fresh_data_key_per_write():
    a = np_envelope.seal(KEY, "sk-secret-value", "ctx:1")
    b = np_envelope.seal(KEY, "sk-secret-value", "ctx:1")
    assert a != b
    assert a[9:21] != b[9:21]  # wrap nonces differ
    assert a[21:69] != b[21:69]  # so do the wrapped data keys
    assert b"sk-secret-value" not in a
    assert np_envelope.open_(KEY, a, "ctx:1") == "sk-secret-value"
    assert np_envelope.open_(KEY, b, "ctx:1") == "sk-secret-value"
    assert np_envelope.blob_kek_id(a) == np_envelope.kek_id(KEY)


def test_wrong_master_key_is_named():
    blob = np_envelope.seal(KEY, "x", "ctx")
    with pytest.raises(np_envelope.WrongMasterKey) as err:
        np_envelope.open_(OTHER, blob, "ctx")
    assert np_envelope.kek_id(KEY).hex() in str(err.value)
    assert KEY.hex() not in str(err.value)


def test_other_context_or_altered_blob_does_not_open():
    blob = np_envelope.seal(KEY, "x", "ctx:1")
    with pytest.raises(np_envelope.Tampered):
        np_envelope.open_(KEY, blob, "ctx:2")
    altered = bytearray(blob)
    altered[-1] ^= 1
    with pytest.raises(np_envelope.Tampered):
        np_envelope.open_(KEY, bytes(altered), "ctx:1")
    with pytest.raises(np_envelope.Tampered):
        np_envelope.open_(KEY, b"\x01" + os.urandom(100), "ctx:1")

