-- One secrets scheme: every stored secret is envelope-encrypted under the one master key,
-- listed in internal.secret_columns, and rotated as a whole.
BEGIN;

SELECT plan(16);

SELECT is((SELECT count(*)::integer FROM internal.secret_columns c
             JOIN pg_catalog.pg_attribute a ON a.attrelid = c.table_name AND a.attname = c.column_name
            WHERE a.atttypid = 'bytea'::regtype),
          9, 'nine secret columns, each a bytea column that exists');
-- (auth.refresh_token_key.key stays a plain key: the refresh path's HMAC needs it per call)
SELECT is((SELECT array_agg(format('%s.%s', c.oid::regclass, a.attname) ORDER BY 1)
             FROM pg_catalog.pg_attribute a
             JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            WHERE a.atttypid = 'bytea'::regtype AND a.attnum > 0 AND NOT a.attisdropped
              AND c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND c.relnamespace::regnamespace::text IN ('identity', 'auth', 'audit', 'workspace', 'ops', 'internal')
              AND a.attname !~ 'hash$'
              AND (c.oid, a.attname) <> ('auth.refresh_token_key'::regclass, 'key')
              AND NOT EXISTS (SELECT FROM internal.secret_columns s
                               WHERE s.table_name = c.oid AND s.column_name = a.attname)),
          NULL, 'every other bytea column holds a hash: no secret column is left out of the list');

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a1"}');
SELECT throws_ok($$SELECT count(*) FROM internal.secret_columns$$,
                 '42501', 'permission denied for schema internal', 'API roles see nothing of the list');
SELECT tests.clear_authentication();

-- Secrets of every kind.
INSERT INTO identity.users (id, username) VALUES ('00000000-0000-4000-8000-00000000e501', 'sec_owner');
INSERT INTO identity.projects (id, user_id, name, neurondb_dsn, mcp_config) VALUES
    ('00000000-0000-4000-8000-00000000e5a0', '00000000-0000-4000-8000-00000000e501', 'secret project',
     'postgresql://app:Sup3rSecret@127.0.0.1:5432/db',
     '{"command": "neurondb-mcp", "env": {"API_TOKEN": "tok-123", "MODE": "x"}}');
SELECT auth.save_oidc_provider('sec-idp', 'https://idp.example.org', 'np', 'client-s3cret',
                               'https://idp.example.org/authorize', 'https://idp.example.org/token',
                               'https://idp.example.org/jwks', 'https://np.example.org/auth/oidc/sec-idp/callback',
                               ARRAY['https://np.example.org/desk']);
UPDATE identity.projects SET updated_at = '2026-01-01' WHERE id = '00000000-0000-4000-8000-00000000e5a0';
SELECT updated_at AS project_updated_at FROM identity.projects
 WHERE id = '00000000-0000-4000-8000-00000000e5a0' \gset

CREATE FUNCTION pg_temp.blobs() RETURNS TABLE (name text, blob bytea, context text)
LANGUAGE plpgsql AS $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT * FROM internal.secret_columns LOOP
        RETURN QUERY EXECUTE format('SELECT %L::text, %I, %s FROM %s WHERE %I IS NOT NULL',
                                    c.name, c.column_name, c.context_sql, c.table_name, c.column_name);
    END LOOP;
END
$$;

SELECT is((SELECT array_agg(DISTINCT name ORDER BY name) FROM pg_temp.blobs()),
          ARRAY['autonomous_logins', 'dsn_passwords', 'mcp_environments', 'oidc_client_secrets', 'signing_keys'],
          'the fixture holds secrets of five kinds');
SELECT is((SELECT count(*)::integer FROM pg_temp.blobs() WHERE get_byte(blob, 0) <> 2), 0,
          'every stored secret is envelope-encrypted');
SELECT is((SELECT count(DISTINCT substring(blob FROM 2 FOR 8))::integer FROM pg_temp.blobs()), 1,
          'all under one master key');
SELECT is(internal.decrypt_secret(neurondb_dsn_secret, 'identity.projects.neurondb_dsn:' || id), 'Sup3rSecret',
          'a DSN password opens')
  FROM identity.projects WHERE id = '00000000-0000-4000-8000-00000000e5a0';

-- Rotation to a new master key, as `neuronplane rotate-master-key` does it: the new key
-- in place, the server's own beside it as "<file>.previous", every secret re-sealed.
SELECT current_setting('neuronplane.key_file') AS real_key_file, f AS new_key_file,
       f || '.previous' AS previous_key_file
  FROM (SELECT current_setting('data_directory') || '/np-test-rotation-' || md5(random()::text) || '.key') x (f) \gset
SELECT substring(blob FROM 2 FOR 8) AS real_kek FROM pg_temp.blobs() LIMIT 1 \gset
SELECT count(*) AS project_events FROM audit.events WHERE resource_id = '00000000-0000-4000-8000-00000000e5a0' \gset
COPY (SELECT encode(extensions.gen_random_bytes(32), 'hex')) TO :'new_key_file';
SET LOCAL neuronplane.key_file = :'new_key_file';
SELECT throws_ok($$SELECT workspace.rotate_secrets()$$, 'F0000', NULL,
                 'without the previous key, rotation fails as a whole');
COPY (SELECT btrim(pg_read_file(:'real_key_file'), E'\n')) TO :'previous_key_file';
SELECT is(internal.decrypt_secret(neurondb_dsn_secret, 'identity.projects.neurondb_dsn:' || id), 'Sup3rSecret',
          'with the previous key beside the new one, values under it still open')
  FROM identity.projects WHERE id = '00000000-0000-4000-8000-00000000e5a0';
SELECT is((SELECT ARRAY[(r ->> 'dsn_passwords')::int, (r ->> 'mcp_environments')::int,
                        (r ->> 'oidc_client_secrets')::int, (r ->> 'autonomous_logins')::int]
             FROM workspace.rotate_secrets() r),
          ARRAY[1, 1, 1, 1], 'rotation re-seals every kind of secret');
SELECT is((SELECT array_agg(DISTINCT substring(blob FROM 2 FOR 8) = :'real_kek'::bytea) FROM pg_temp.blobs()),
          ARRAY[false], 'no value is left under the old master key');
SELECT is(internal.decrypt_secret(mcp_env_secret, 'identity.projects.mcp_env:' || id), '{"API_TOKEN": "tok-123"}',
          'values open under the new key')
  FROM identity.projects WHERE id = '00000000-0000-4000-8000-00000000e5a0';
SELECT is((SELECT updated_at FROM identity.projects WHERE id = '00000000-0000-4000-8000-00000000e5a0'),
          :'project_updated_at'::timestamptz, 're-sealing changes no row''s updated_at');
SELECT is((SELECT count(*) FROM audit.events WHERE resource_id = '00000000-0000-4000-8000-00000000e5a0'),
          :'project_events'::bigint, 'nor writes the rows'' audit events');
SELECT is((SELECT details ->> 'signing_keys' IS NOT NULL FROM audit.events
            WHERE action = 'workspace.secrets.rotated' ORDER BY id DESC LIMIT 1),
          true, 'the rotation itself is audited with its counts');

SET LOCAL neuronplane.key_file = :'real_key_file';
CREATE FUNCTION pg_temp.opening() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    b record;
    n integer := 0;
BEGIN
    FOR b IN SELECT * FROM pg_temp.blobs() LOOP
        BEGIN
            PERFORM internal.decrypt_secret(b.blob, b.context);
            n := n + 1;
        EXCEPTION WHEN SQLSTATE 'F0000' THEN
            NULL;
        END;
    END LOOP;
    RETURN n;
END
$$;
SELECT is(pg_temp.opening(), 0, 'the old master key opens none of them');

SELECT * FROM finish();
ROLLBACK;
