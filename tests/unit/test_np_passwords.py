from argon2 import PasswordHasher

import np_passwords


def test_hash_is_argon2id_with_our_parameters():
    h = np_passwords.hash("Correct horse battery staple")
    assert h.startswith(np_passwords.PREFIX)
    assert np_passwords.PREFIX == "$argon2id$v=19$m=19456,t=2,p=1$"
    assert h != np_passwords.hash("Correct horse battery staple")  # a fresh salt each time


def test_parameters_are_at_least_owasps_minimum():
    # OWASP: argon2id, m=19456 KiB with t=2 (or an equivalent trade), p=1.
    assert np_passwords.MEMORY_COST_KIB >= 19456
    assert np_passwords.TIME_COST >= 2
    assert np_passwords.SALT_LEN >= 16


def test_verify():
    h = np_passwords.hash("Correct horse battery staple")
    assert np_passwords.verify(h, "Correct horse battery staple") is True
    assert np_passwords.verify(h, "correct horse battery staple") is False


def test_verify_never_raises_on_bad_hashes():
    for bad in ("", "garbage", "$argon2id$v=19$m=19456,t=2,p=1$AAAA$BBBB", "$2b$12$abcdefghijk"):
        assert np_passwords.verify(bad, "x") is False


def test_needs_rehash():
    assert np_passwords.needs_rehash(np_passwords.hash("pw-pw-pw-pw-pw")) is False
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("pw-pw-pw-pw-pw")
    assert np_passwords.needs_rehash(weak) is True
    assert np_passwords.needs_rehash("not a hash") is True


def test_dummy_hash_has_the_current_parameters():
    # Regenerate DUMMY_HASH when the parameters change: unknown users must cost the same.
    assert np_passwords.DUMMY_HASH.startswith(np_passwords.PREFIX)
    assert np_passwords.needs_rehash(np_passwords.DUMMY_HASH) is False
    assert np_passwords.verify_dummy("anything") is False
