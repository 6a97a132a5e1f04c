"""The session-cookie settings of the glue (SESSION_COOKIE_* and SESSION_*_TTL)."""

import pytest

from neuronplane.config import ConfigError, CookieSettings, cookie_settings

VARS = ("SESSION_COOKIE_SECURE", "SESSION_COOKIE_SAME_SITE", "SESSION_ACCESS_TTL",
        "SESSION_REFRESH_TTL", "SESSION_COOKIE_DOMAIN")


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


# -- SESSION_COOKIE_DOMAIN (issue 19, item 19) -------------------------------------------------

def test_cookies_are_host_only_by_default():
    assert cookie_settings().domain is None


@pytest.mark.parametrize(("raw", "domain"), [("np.example.com", "np.example.com"),
                                             (".NP.example.com", "np.example.com"),
                                             ("", None)])
def test_cookie_domain(monkeypatch, raw, domain):
    monkeypatch.setenv("SESSION_COOKIE_DOMAIN", raw)
    assert cookie_settings().domain == domain


@pytest.mark.parametrize("raw", ["localhost", "127.0.0.1", "np.example.com:443",
                                 "http://np.example.com", "np..example.com", "-np.example.com"])
def test_cookie_domain_refuses_what_is_not_a_domain(monkeypatch, raw):
    monkeypatch.setenv("SESSION_COOKIE_DOMAIN", raw)
    with pytest.raises(ConfigError, match="SESSION_COOKIE_DOMAIN"):
        cookie_settings()


@pytest.mark.parametrize("domain", [None, "np.example.com"])
def test_the_glue_sets_and_clears_session_cookies_with_the_domain(monkeypatch, domain):
    from starlette.responses import Response

    from neuronplane.dbpool import GluePool
    from neuronplane.oidc import OIDCGlue

    if domain:
        monkeypatch.setenv("SESSION_COOKIE_DOMAIN", domain)
    glue = OIDCGlue(GluePool("dbname=unused", max_size=1))
    resp = Response()
    glue.set_session_cookies(resp, {"access_token": "a", "refresh_token": "r", "csrf_token": "c",
                                    "expires_in": 900, "refresh_expires_in": 3600})
    glue.clear_session_cookies(resp)
    headers = [v.decode() for k, v in resp.raw_headers if k == b"set-cookie"]
    assert len(headers) == 6
    for header in headers:
        assert (f"Domain={domain}" in header) == bool(domain), header
        assert ("domain=" in header.lower()) == bool(domain), header
