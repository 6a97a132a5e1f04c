import pytest

from neuronplane import config


@pytest.fixture
def env(monkeypatch, tmp_path):
    for name in ("NEURONPLANE_PG_PORT", "NEURONPLANE_API_PORT", "NEURONPLANE_API_HOST",
                 "NEURONPLANE_ALLOW_NON_LOOPBACK", "NEURONPLANE_HOME", "NEURONPLANE_PG_DATABASE",
                 "NEURONPLANE_START_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_defaults(env):
    s = config.load()
    assert (s.pg_host, s.pg_port, s.api_port, s.api_admin_port, s.glue_port) == (
        "127.0.0.1", 55432, 3000, 3001, 8080)
    assert s.home == s.root / ".neuronplane"
    assert s.data_dir == s.home / "data"


def test_home_and_ports_from_environment(env, tmp_path):
    env.setenv("NEURONPLANE_HOME", str(tmp_path))
    env.setenv("NEURONPLANE_PG_PORT", "6543")
    s = config.load()
    assert s.home == tmp_path and s.pg_port == 6543


@pytest.mark.parametrize(("value", "message"), [
    ("abc", "NEURONPLANE_API_PORT='abc' is not a port number"),
    ("70000", "NEURONPLANE_API_PORT=70000 is outside 1..65535"),
])
def test_bad_port_is_named(env, value, message):
    env.setenv("NEURONPLANE_API_PORT", value)
    with pytest.raises(config.ConfigError, match=message):
        config.load()


def test_non_loopback_host_is_refused_unless_allowed(env):
    env.setenv("NEURONPLANE_API_HOST", "0.0.0.0")  # noqa: S104
    with pytest.raises(config.ConfigError, match="loopback only"):
        config.load()
    env.setenv("NEURONPLANE_ALLOW_NON_LOOPBACK", "1")
    assert config.load().api_host == "0.0.0.0"  # noqa: S104


def test_database_name_is_checked(env):
    env.setenv("NEURONPLANE_PG_DATABASE", 'x"; drop')
    with pytest.raises(config.ConfigError, match="letters, digits and underscores"):
        config.load()
