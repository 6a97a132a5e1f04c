-- No secret reaches the audit log. Every code path that handles a secret is driven here
-- with a recognisable secret, then the whole log is searched for it. Later features add
-- their paths to this file.
BEGIN;
SELECT plan(5);

SELECT coalesce(max(id), 0) AS start_id FROM audit.events \gset
CREATE TEMP TABLE secrets (value text);
INSERT INTO secrets VALUES ('S3cr3t-Passw0rd-7781'), ('rt_live_9c1d77aa55'), ('npk_4f1c2d3e4b5a'),
                           ('Bearer eyJhbGciOiJFUzI1NiJ9.e30.sig'), ('sid=c00k1e-value');

-- audit.record() with secrets under every kind of key the callers use, at any depth.
SELECT audit.record('auth.login.failed', 'failure', details => jsonb_build_object(
    'password', 'S3cr3t-Passw0rd-7781',
    'refresh_token', 'rt_live_9c1d77aa55',
    'request', jsonb_build_object('headers', jsonb_build_array(
        jsonb_build_object('Authorization', 'Bearer eyJhbGciOiJFUzI1NiJ9.e30.sig'),
        jsonb_build_object('Cookie', 'sid=c00k1e-value'))),
    'key', jsonb_build_object('api_key', 'npk_4f1c2d3e4b5a')));

-- The same through a PostgREST request's headers: only the user agent and request id are
-- kept, never Authorization or Cookie.
SELECT set_config('request.headers', json_build_object(
    'authorization', 'Bearer eyJhbGciOiJFUzI1NiJ9.e30.sig', 'cookie', 'sid=c00k1e-value',
    'x-api-key', 'npk_4f1c2d3e4b5a', 'user-agent', 'test-agent')::text, true);
SELECT audit.record('auth.refresh.reused', 'denied');
SELECT set_config('request.headers', '', true);

-- Identity: a DSN password given at creation and on update, an MCP environment secret,
-- the full DSN and MCP configuration handed out, API keys created and rotated.
INSERT INTO identity.users (id, username) VALUES ('00000000-0000-4000-8000-00000000f001', 'secret_keeper');
INSERT INTO secrets VALUES ('dsn-Pa55-first'), ('dsn-Pa55-second'), ('mcp-env-Pa55');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-00000000f001"}');
SELECT id AS project_id FROM api.create_project('vault', neurondb_dsn => 'postgresql://app:dsn-Pa55-first@db/x') \gset
UPDATE api.projects SET neurondb_dsn = 'host=db user=app password=dsn-Pa55-second' WHERE id = :'project_id';
UPDATE api.projects SET mcp_config = '{"command": "mcp", "env": {"NEURONDB_PASSWORD": "mcp-env-Pa55"}}'
 WHERE id = :'project_id';
SELECT api.project_dsn(:'project_id') IS NOT NULL AS dsn_handed_out;
SELECT api.project_mcp_config(:'project_id') IS NOT NULL AS mcp_config_handed_out;
SELECT api_key AS key1, id AS key1_id FROM api.create_api_key('k', ARRAY['admin']) \gset
SELECT api_key AS key2 FROM api.rotate_api_key(:'key1_id') \gset
SELECT tests.clear_authentication();
INSERT INTO secrets VALUES (:'key1'), (:'key2'), (split_part(:'key1', '_', 3)), (split_part(:'key2', '_', 3));

-- Passwords: one set, then a failed and a successful login.
INSERT INTO identity.users (id, username, email)
VALUES ('00000000-0000-4000-8000-00000000f002', 'password_keeper', 'password_keeper@example.org');
INSERT INTO secrets VALUES ('Login-Passw0rd-Secret-4412'), ('Wrong-Passw0rd-Secret-9931');
SELECT auth.set_password('00000000-0000-4000-8000-00000000f002', 'Login-Passw0rd-Secret-4412');
SELECT outcome = 'invalid' AS login_failed
  FROM auth.attempt_password_login('password_keeper', 'Wrong-Passw0rd-Secret-9931', '192.0.2.10', 'test-agent');
SELECT outcome = 'ok' AS login_succeeded
  FROM auth.attempt_password_login('password_keeper', 'Login-Passw0rd-Secret-4412', '192.0.2.10', 'test-agent');

-- Exporting a head and sealing handle no secret, but they write events too.
SELECT audit.seal();

SELECT results_eq(format('SELECT action FROM audit.events WHERE id > %s ORDER BY id', :start_id),
                  ARRAY['auth.login.failed', 'auth.refresh.reused', 'identity.project.created',
                        'identity.project.updated', 'identity.project.updated', 'api_key.created',
                        'api_key.rotated', 'auth.login.failed', 'auth.login.succeeded'],
                  'the secret-handling paths wrote their events');
SELECT is_empty($$SELECT s.value FROM audit.events e, secrets s WHERE e::text LIKE '%' || s.value || '%'$$,
                'no secret appears in any column of any event');
SELECT is_empty($$SELECT s.value FROM audit.seals x, secrets s WHERE x::text LIKE '%' || s.value || '%'$$,
                'nor in the seals');
SELECT is_empty($$SELECT s.value FROM secrets s
                   WHERE EXISTS (SELECT FROM identity.projects p WHERE p::text LIKE '%' || s.value || '%')
                      OR EXISTS (SELECT FROM identity.api_keys k WHERE k::text LIKE '%' || s.value || '%')$$,
                'nor in clear in the identity tables');
SELECT is_empty($$SELECT s.value FROM secrets s, auth.credentials c WHERE c::text LIKE '%' || s.value || '%'$$,
                'nor in the stored password hashes');

SELECT * FROM finish();
ROLLBACK;
