"""neuronplane rotate-master-key refuses a server without a master key file, and never
touches a key file then."""

from contextlib import contextmanager

import pytest

from neuronplane import masterkey


class _Conn:
    def execute(self, sql, params=()):
        assert "internal.master_key_file()" in sql, "nothing but the question is asked"
        return self

    def fetchone(self):
        return (None,)


class _Cluster:
    def __init__(self) -> None:
        self.written: list = []

    @contextmanager
    def connect(self, dbname, **kwargs):
        yield _Conn()

    def write_new_key(self, path):
        self.written.append(path)


def test_a_server_without_a_master_key_file_is_refused():
    cluster = _Cluster()
    with pytest.raises(masterkey.RotationError,
                       match=r"^the server has no master key file configured "
                             r"\(neuronplane.master_key_file or neuronplane.key_file\)$"):
        masterkey.rotate(cluster, "db", log=lambda *_: None)
    assert cluster.written == []
