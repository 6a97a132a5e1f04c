"""`neuronplane rotate-master-key` on a running stack: every stored secret moves to a new
master key; after a restart, logins (signing keys), API keys (the autonomous login), OIDC
client secrets, DSN passwords and LLM keys all still work, and the old key opens nothing."""

from pathlib import Path

import httpx
import pytest

import np_envelope

from ..conftest import run_cli, stack_home
from ..conftest import stack_psql as _psql

pytestmark = pytest.mark.e2e

PASSWORD = "Kestrel-Vault-77-lantern!"


@pytest.fixture
def stack_env():
    with stack_home() as env:
        yield env


def _blobs(env) -> list[tuple[str, bytes, str]]:
    """Every stored secret: (kind, ciphertext, context)."""
    rows = _psql(env, """
        CREATE FUNCTION pg_temp.blobs() RETURNS TABLE (name text, blob text, context text)
        LANGUAGE plpgsql AS $$
        DECLARE c record;
        BEGIN
            FOR c IN SELECT * FROM internal.secret_columns LOOP
                RETURN QUERY EXECUTE format(
                    'SELECT %L::text, encode(%I, ''hex''), %s FROM %s WHERE %I IS NOT NULL',
                    c.name, c.column_name, c.context_sql, c.table_name, c.column_name);
            END LOOP;
        END $$;
        SELECT name || '|' || blob || '|' || context FROM pg_temp.blobs()""")
    out = []
    for line in rows.splitlines()[1:]:      # (the first is CREATE FUNCTION's tag)
        name, blob, context = line.split("|", 2)
        out.append((name, bytes.fromhex(blob), context))
    return out


def _login(api: str) -> dict:
    r = httpx.post(f"{api}/rpc/login", json={"username_or_email": "rot_user", "password": PASSWORD})
    assert r.status_code == 200, r.text
    return r.json()


def test_rotate_master_key_then_restart(stack_env):
    env = stack_env
    api = f"http://127.0.0.1:{env['NEURONPLANE_API_PORT']}"
    run_cli("up", env=env)
    user = _psql(env, "INSERT INTO identity.users (username, email) "
                      "VALUES ('rot_user', 'rot@example.org') RETURNING id").splitlines()[0]
    _psql(env, f"SELECT auth.set_password('{user}', '{PASSWORD}')")
    token = _login(api)["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    project = httpx.post(f"{api}/rpc/create_project", headers=headers,
                         json={"name": "rot", "neurondb_dsn": "postgresql://app:DsnPa55@127.0.0.1/db"})
    assert project.status_code == 200, project.text
    project_id = project.json()["id"]
    model = httpx.post(f"{api}/rpc/add_llm_model", headers=headers,
                       json={"project_id": project_id, "provider": "openai",
                             "model_name": "gpt-rot", "key": "sk-rotation-AAAA"})
    assert model.status_code == 200, model.text
    model_id = model.json()["id"]
    key = httpx.post(f"{api}/rpc/create_api_key", headers=headers,
                     json={"name": "rot key", "roles": ["viewer"]})
    assert key.status_code == 200, key.text
    api_key = key.json()["api_key"]
    _psql(env, "SELECT auth.save_oidc_provider('rot-idp', 'https://idp.example.org', 'np', "
               "'client-s3cret', 'https://idp.example.org/a', 'https://idp.example.org/t', "
               "'https://idp.example.org/j', 'https://np.example.org/auth/oidc/rot-idp/callback', "
               "ARRAY['https://np.example.org/desk'])")

    key_file = Path(env["NEURONPLANE_HOME"]) / "keys" / "data.key"
    old_key = bytes.fromhex(key_file.read_text().strip())
    before = _blobs(env)
    assert {name for name, _, _ in before} >= {
        "dsn_passwords", "llm_model_keys", "oidc_client_secrets", "signing_keys",
        "autonomous_logins"}
    assert all(np_envelope.blob_kek_id(blob) == np_envelope.kek_id(old_key)
               for _, blob, _ in before)

    out = run_cli("rotate-master-key", env=env).stdout
    assert "re-sealed:" in out and "removed" in out, out
    new_key = bytes.fromhex(key_file.read_text().strip())
    assert new_key != old_key
    assert not key_file.with_name("data.key.previous").exists()
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"

    run_cli("down", env=env)
    run_cli("up", env=env)

    # The old key opens nothing; the new one opens everything, each for its own row.
    after = _blobs(env)
    assert len(after) >= len(before)
    for name, blob, context in after:
        with pytest.raises(np_envelope.WrongMasterKey):
            np_envelope.open_(old_key, blob, context)
        assert np_envelope.open_(new_key, blob, context), name

    # Everything that uses a secret still works.
    again = _login(api)                                   # a signing key signs
    me = httpx.get(f"{api}/rpc/sessions",
                   headers={"Authorization": f"Bearer {again['access_token']}"})
    assert me.status_code == 200, me.text
    listed = httpx.get(f"{api}/projects", headers={"X-API-Key": api_key})   # autonomous login
    assert listed.status_code == 200 and [p["id"] for p in listed.json()] == [project_id]
    assert _psql(env, "SELECT internal.decrypt_secret(client_secret, "
                      "'auth.oidc_providers:' || name) "
                      "FROM auth.oidc_providers WHERE name = 'rot-idp'") == "client-s3cret"
    assert _psql(env, f"SELECT workspace.reveal_llm_model_key('{model_id}')") == "sk-rotation-AAAA"
    assert _psql(env, "SELECT internal.decrypt_secret(neurondb_dsn_secret, "
                      "'identity.projects.neurondb_dsn:' || id) "
                      f"FROM identity.projects WHERE id = '{project_id}'") == "DsnPa55"
