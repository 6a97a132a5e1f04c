-- Onboarding: api.create_profile() creates the whole profile or nothing, names the field
-- of every refusal, and keeps the agent API key envelope-encrypted (only its last four
-- characters readable); the agent key's table under row level security.
BEGIN;
SELECT plan(34);

\ir fixtures/identity.sql

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT is((SELECT row(name, org_id, neurondb_dsn, has_dsn_password, mcp_config, agent_endpoint,
                      has_agent_api_key, agent_api_key_last4)::text
             FROM api.create_profile('Onboarded', 'postgresql://neurondb:s3cr%40t@127.0.0.1:5432/neurondb',
                                     '{"command": "neurondb-mcp", "env": {"NEURONDB_PASSWORD": "pw"}}',
                                     'http://127.0.0.1:8080', 'agent-key-0123456789-LAST',
                                     '00000000-0000-4000-8000-00000000000a')),
          row('Onboarded', '00000000-0000-4000-8000-00000000000a'::uuid,
              'postgresql://neurondb@127.0.0.1:5432/neurondb', true,
              '{"command": "neurondb-mcp", "env": {"NEURONDB_PASSWORD": "[encrypted]"}}'::jsonb,
              'http://127.0.0.1:8080', true, 'LAST')::text,
          'a member creates a profile in its organization: DSN password, MCP secret and agent key stored encrypted');
SELECT id AS profile_id FROM api.profiles WHERE name = 'Onboarded' \gset
SELECT is(api.project_dsn(:'profile_id'), 'postgresql://neurondb@127.0.0.1:5432/neurondb?password=s3cr%40t',
          'the DSN password comes back for those who may execute');
SELECT is((SELECT agent_api_key_last4 FROM api.profiles WHERE id = :'profile_id'), 'LAST',
          'the profile shows the agent key''s last four characters');
SELECT throws_ok('SELECT key_ciphertext FROM workspace.project_agent_keys', '42501',
                 'permission denied for table project_agent_keys', 'an API role cannot select the agent key''s ciphertext');
SELECT is((SELECT api.create_profile('Personal one')).user_id, '00000000-0000-4000-8000-0000000000a2'::uuid,
          'without org_id the profile is the caller''s own');

-- Refusals name the field and leave nothing behind.
SELECT throws_ok($$SELECT api.create_profile('  ')$$, '22023', 'name is required', 'name is required');
SELECT throws_ok($$SELECT api.create_profile('P', 'mysql://x@h/db')$$, '22023',
                 'neurondb_dsn must be a PostgreSQL connection string (postgresql://... or host=... dbname=...) of at most 2048 characters',
                 'a DSN that is not PostgreSQL''s is refused, naming neurondb_dsn');
SELECT throws_ok($$SELECT api.create_profile('P', NULL, '{"cmd": "x"}')$$, '22023',
                 'mcp_config must be {"command": string, "args": [string], "env": {string: string}}',
                 'a malformed MCP configuration is refused, naming mcp_config');
SELECT throws_ok($$SELECT api.create_profile('P', NULL, NULL, 'ftp://agent')$$, '22023',
                 'agent_endpoint must be an http:// or https:// URL of at most 2048 characters',
                 'an agent endpoint that is not http(s) is refused');
SELECT throws_ok($$SELECT api.create_profile('P', NULL, NULL, NULL, 'key-without-endpoint')$$, '22023',
                 'agent_api_key needs an agent_endpoint', 'an agent key without an endpoint is refused');
SELECT throws_ok($$SELECT api.create_profile('P', NULL, NULL, 'http://127.0.0.1:1', 'bad key')$$, '22023',
                 'agent_api_key must be at most 8192 characters, without spaces or control characters',
                 'a malformed agent key is refused after the project was inserted ...');
SELECT is((SELECT count(*) FROM api.profiles WHERE name = 'P'), 0::bigint, '... and the project is gone with it');
SELECT throws_ok($$SELECT api.create_profile('Onboarded', NULL, NULL, NULL, NULL, '00000000-0000-4000-8000-00000000000a')$$,
                 '23505', 'a project named "Onboarded" already exists for this owner', 'a taken name is refused');
SELECT throws_ok($$SELECT api.create_profile('In B', NULL, NULL, NULL, NULL, '00000000-0000-4000-8000-00000000000b')$$,
                 '42501', 'permission denied: cannot create a project in organization 00000000-0000-4000-8000-00000000000b',
                 'a profile in another organization is refused');

-- The agent key: set, readable only by its last four, for those who may read the project.
SELECT is((SELECT agent_api_key_last4 FROM api.set_profile_agent_key(:'profile_id', 'new-agent-key-9999')),
          '9999', 'a member replaces the agent key');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a3"}');
SELECT is((SELECT agent_api_key_last4 FROM api.profiles WHERE id = :'profile_id'), '9999',
          'a viewer of the organization sees the last four characters');
SELECT throws_ok(format('SELECT api.set_profile_agent_key(%L, %L)', :'profile_id', 'viewer-key'), '42501',
                 format('permission denied: write on project %s', :'profile_id'), 'but cannot set the key');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000b1"}');
SELECT is((SELECT count(*) FROM api.profiles WHERE id = :'profile_id'), 0::bigint,
          'another organization''s owner does not see the profile');
SELECT is((SELECT count(*) FROM workspace.project_agent_keys), 0::bigint, 'nor its agent key row');
SELECT throws_ok(format('SELECT api.set_profile_agent_key(%L, %L)', :'profile_id', 'b-key'), '42704',
                 format('there is no project with id %s', :'profile_id'), 'and cannot set it (42704)');
SELECT tests.clear_authentication();

SELECT isnt((SELECT get_byte(key_ciphertext, 0) FROM workspace.project_agent_keys WHERE project_id = :'profile_id'),
            NULL, 'the agent key is stored');
SELECT tests.authenticate_as('neuronplane_worker');
SELECT is(workspace.reveal_project_agent_key(:'profile_id'), 'new-agent-key-9999', 'the worker reads the agent key');
SELECT tests.clear_authentication();
SELECT key_ciphertext AS agent_ct FROM workspace.project_agent_keys WHERE project_id = :'profile_id' \gset
SELECT is((workspace.rotate_secrets()) ->> 'agent_api_keys', '1', 'rotation re-encrypts the agent key too');
SELECT isnt((SELECT key_ciphertext FROM workspace.project_agent_keys WHERE project_id = :'profile_id'),
            :'agent_ct'::bytea, 'under a new data key');
SELECT tests.authenticate_as('neuronplane_worker');
SELECT is(workspace.reveal_project_agent_key(:'profile_id'), 'new-agent-key-9999', 'and it still opens');
SELECT tests.clear_authentication();
SELECT is((SELECT array_agg(action ORDER BY id) FROM audit.events
            WHERE project_id = :'profile_id' AND action LIKE 'workspace.profile.%'),
          ARRAY['workspace.profile.agent_key_set', 'workspace.profile.agent_key_set',
                'workspace.profile.agent_key_revealed', 'workspace.profile.agent_key_revealed'],
          'key writes and each reveal are audited');
SELECT is((SELECT count(*) FROM audit.events
            WHERE details::text ~ '(agent-key|9999|LAST|s3cr)'), 0::bigint,
          'no audit event carries the agent key, its last four or the DSN password');

-- The glue's connection tests: who may have it probe, and the audit of each probe.
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a3"}');
SELECT is(api.authorize_onboarding_probe('database', '127.0.0.1:5432'),
          '{"principal_id": "00000000-0000-4000-8000-0000000000a3"}'::jsonb, 'any active user may have the glue probe');
SELECT throws_ok($$SELECT api.authorize_onboarding_probe('smtp', 'h:25')$$, '22023', 'kind must be database or agent',
                 'an unknown kind is refused');
SELECT throws_ok($$SELECT api.authorize_onboarding_probe('agent', 'http://user:pw@h')$$, '22023',
                 'target must be a host and port or a URL without credentials (at most 300 characters)',
                 'a target with credentials is refused (they would be audited)');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000d1"}');
SELECT throws_ok($$SELECT api.authorize_onboarding_probe('database', 'h:1')$$, '42501',
                 'principal 00000000-0000-4000-8000-0000000000d1 is disabled or expired', 'a disabled user may not');
SELECT tests.authenticate_as('authenticated', '{}');
SELECT throws_ok($$SELECT api.authorize_onboarding_probe('database', 'h:1')$$, '28000', 'authentication required',
                 'a request without a principal may not');
SELECT tests.authenticate_as('anon');
SELECT throws_ok($$SELECT api.authorize_onboarding_probe('database', 'h:1')$$, '42501',
                 'permission denied for function authorize_onboarding_probe', 'anon may not even ask');
SELECT tests.clear_authentication();
SELECT is((SELECT row(principal_id, resource_type, resource_id, details)::text FROM audit.events
            WHERE action = 'workspace.onboarding.probed'),
          row('00000000-0000-4000-8000-0000000000a3'::uuid, 'database', '127.0.0.1:5432',
              '{"kind": "database", "target": "127.0.0.1:5432"}'::jsonb)::text,
          'the allowed probe is audited with its caller and target');

SELECT * FROM finish();
ROLLBACK;
