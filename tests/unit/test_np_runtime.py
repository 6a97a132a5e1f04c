import sys

import np_runtime


def test_required_libraries_are_importable():
    assert np_runtime.missing_libraries() == []


def test_missing_library_is_named(monkeypatch):
    monkeypatch.setitem(np_runtime.REQUIRED, "no_such_module_xyz", "python3-no-such")
    monkeypatch.setitem(sys.modules, "no_such_module_xyz", None)
    assert np_runtime.missing_libraries() == ["python3-no-such"]


def test_describe():
    info = np_runtime.describe()
    assert info["python"].startswith("3.")
    assert set(info["libraries"]) == {"argon2", "jwt", "cryptography"}
    assert all(info["libraries"].values())
