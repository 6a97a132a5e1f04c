"""The HA topology's pure parts: ports, the files it renders, the master key's wrap, the
choice of a backup for a target time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from neuronplane import backup, ha
from neuronplane.config import ConfigError, Settings


def _ha(tmp_path: Path) -> ha.HA:
    settings = Settings(root=Path(__file__).resolve().parents[2], home=tmp_path,
                        pg_host="127.0.0.1", pg_port=55432, pg_database="neuronplane",
                        pg_os_user=None, api_host="127.0.0.1", api_port=3000,
                        api_admin_port=3001, glue_host="127.0.0.1", glue_port=8080,
                        start_timeout=60)
    return ha.HA(settings, ha.Ports(26000), None)


@pytest.mark.parametrize("raw", ["x", "80", "65500"])
def test_port_base_is_checked(monkeypatch, raw):
    monkeypatch.setenv("NEURONPLANE_HA_PORT_BASE", raw)
    with pytest.raises(ConfigError, match="NEURONPLANE_HA_PORT_BASE"):
        ha.ports_from_env()


def test_ports_do_not_overlap():
    p = ha.Ports(26000)
    used = [p.etcd, p.etcd_peer, p.writer, p.reader, p.haproxy_stats, p.pgbouncer,
            *(f(i) for i in (1, 2, 3) for f in (p.pg, p.rest)),
            *(f(i) for i in (1, 2) for f in (p.api, p.api_admin, p.glue))]
    assert len(used) == len(set(used)) and max(used) < 26060


def test_patroni_config_is_synchronous_and_archives(tmp_path):
    h = _ha(tmp_path)
    h.secrets_dir.mkdir(parents=True)
    conf = yaml.safe_load(yaml.safe_dump(h.patroni_yaml(2)))
    dcs = conf["bootstrap"]["dcs"]
    assert dcs["synchronous_mode"] is True and dcs["primary_start_timeout"] == 0
    assert dcs["ttl"] <= 30
    params = dcs["postgresql"]["parameters"]
    assert params["archive_mode"] == "on"
    # Each node archives with its own data folder (pgBackRest checks it is the server's).
    local = conf["postgresql"]["parameters"]["archive_command"]
    assert "archive-push %p" in local and f"--pg1-path={h.data_dir(2)} " in local
    assert "pg_cron" in params["shared_preload_libraries"]
    assert conf["postgresql"]["listen"] == "127.0.0.1:26012"
    assert conf["postgresql"]["parameters"]["neuronplane.key_file"] == str(h.key_file)
    # Passwords come from 0600 files, generated once and stable.
    assert conf["postgresql"]["authentication"]["superuser"]["password"] == \
        (h.secrets_dir / "postgres.password").read_text().strip()
    assert (h.secrets_dir / "postgres.password").stat().st_mode & 0o777 == 0o600


def test_haproxy_routes_by_patroni_checks_and_pgbouncer_pools_transactions(tmp_path):
    h = _ha(tmp_path)
    cfg = h.haproxy_cfg()
    writer, reader = cfg.split("listen writer")[1].split("listen reader")
    assert "GET /primary" in writer and "bind 127.0.0.1:26030" in writer
    assert "GET /replica" in reader
    assert all(f"check port {h.ports.rest(i)}" in writer for i in (1, 2, 3))
    ini = h.pgbouncer_ini()
    assert "pool_mode = transaction" in ini and f"port={h.ports.writer}" in ini
    assert "password" not in ini.lower()
    rest = h.postgrest_conf(1)
    assert "db-prepared-statements = false" in rest and "db-channel-enabled = false" in rest
    assert f":{h.ports.pgbouncer}/" in rest


def test_pgbackrest_conf_holds_no_cipher_pass(tmp_path):
    text = _ha(tmp_path).pgbackrest_conf_text()
    assert "repo1-cipher-type=aes-256-cbc" in text and "cipher-pass" not in text
    assert all(f"pg{i}-path=" in text for i in (1, 2, 3))


def test_master_key_wrap_round_trip_and_wrong_passphrase():
    key = b"ab" * 32 + b"\n"
    wrapped = backup.wrap_key(key, "right passphrase")
    assert key.hex() not in str(wrapped) and "ab" * 32 not in str(wrapped)
    assert backup.unwrap_key(wrapped, "right passphrase") == key
    with pytest.raises(backup.BackupError, match="wrong passphrase"):
        backup.unwrap_key(wrapped, "wrong passphrase")
    tampered = dict(wrapped, ciphertext=wrapped["ciphertext"][:-4] + "AAAA")
    with pytest.raises(backup.BackupError):
        backup.unwrap_key(tampered, "right passphrase")


def test_choose_the_latest_backup_before_the_target():
    sets = [{"label": "a", "stopped_at": "2026-12-08T00:10:00+00:00"},
            {"label": "b", "stopped_at": "2026-12-08T00:20:00+00:00"}]
    at = dt.datetime.fromisoformat
    assert backup.choose(sets, at("2026-12-08T00:15:00+00:00"))["label"] == "a"
    assert backup.choose(sets, at("2026-12-08T01:30:00+01:00"))["label"] == "b"
    assert backup.choose(sets, None)["label"] == "b"
    with pytest.raises(backup.BackupError, match="no backup finished before"):
        backup.choose(sets, at("2026-12-08T00:05:00+00:00"))
    with pytest.raises(backup.BackupError, match="no backup"):
        backup.choose([], None)


@pytest.mark.parametrize("text, message", [("yesterday", "not a timestamp"),
                                           ("2026-12-08 00:10:00", "no time zone")])
def test_restore_target_must_be_a_zoned_timestamp(text, message):
    with pytest.raises(backup.BackupError, match=message):
        backup._parse_time(text)
