"""The session-cookie settings of the glue (SESSION_COOKIE_* and SESSION_*_TTL)."""

import pytest

from neuronplane.config import ConfigError, CookieSettings, cookie_settings

VARS = ("SESSION_COOKIE_SECURE", "SESSION_COOKIE_SAME_SITE", "SESSION_ACCESS_TTL",
        "SESSION_REFRESH_TTL")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for name in VARS:
        monkeypatch.delenv(name, raising=False)


def test_production_defaults():
    assert cookie_settings() == CookieSettings(secure=True, same_site="lax", access_ttl=900,
                                               refresh_ttl=7 * 86400)


def test_values_as_the_seed_writes_them(monkeypatch):
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "true")
    monkeypatch.setenv("SESSION_COOKIE_SAME_SITE", "Strict")
    monkeypatch.setenv("SESSION_ACCESS_TTL", "10m")
    monkeypatch.setenv("SESSION_REFRESH_TTL", "2d")
    assert cookie_settings() == CookieSettings(secure=True, same_site="strict", access_ttl=600,
                                               refresh_ttl=2 * 86400)


def test_samesite_none_needs_secure(monkeypatch):
    monkeypatch.setenv("SESSION_COOKIE_SAME_SITE", "None")
    assert cookie_settings().same_site == "none"
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "false")
    with pytest.raises(ConfigError, match="SESSION_COOKIE_SAME_SITE=None needs"):
        cookie_settings()


@pytest.mark.parametrize(("name", "value"), [
    ("SESSION_COOKIE_SAME_SITE", "sometimes"), ("SESSION_COOKIE_SECURE", "maybe"),
    ("SESSION_ACCESS_TTL", "15 minutes"), ("SESSION_ACCESS_TTL", "0"),
    ("SESSION_REFRESH_TTL", "-1d"), ("SESSION_REFRESH_TTL", "7w"),
])
def test_bad_values_name_the_variable(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=name):
        cookie_settings()
