-- Projects, service accounts, registries, API keys and policies: integrity rules, the
-- encrypted DSN password and the resource scopes kept by trigger.
BEGIN;
SELECT plan(33);

\ir fixtures/identity.sql

-- DSN passwords -----------------------------------------------------------------------------
SELECT is((SELECT row(s.dsn_without_password, s.password)::text
             FROM identity.split_dsn_password('postgresql://app:s%3Ac%40t@db:5432/neurondb?sslmode=require') s),
          row('postgresql://app@db:5432/neurondb?sslmode=require', 's:c@t')::text,
          'a URI password is split off and percent-decoded');
SELECT is((SELECT row(s.dsn_without_password, s.password)::text
             FROM identity.split_dsn_password('postgres://db/neurondb?user=app&password=pw1&sslmode=disable') s),
          row('postgres://db/neurondb?user=app&sslmode=disable', 'pw1')::text,
          'a password query parameter is split off');
SELECT is((SELECT row(s.dsn_without_password, s.password)::text
             FROM identity.split_dsn_password($$host=db password='it\'s \\ok' dbname=neurondb$$) s),
          row('host=db  dbname=neurondb', $$it's \ok$$)::text,
          'a quoted key=value password is split off and unescaped');
SELECT is((SELECT s.password FROM identity.split_dsn_password('host=db dbname=neurondb') s),
          NULL, 'a DSN without password has none');

INSERT INTO identity.projects (id, org_id, name, neurondb_dsn)
VALUES ('00000000-0000-4000-8000-0000000009f0', '00000000-0000-4000-8000-00000000000a', 'dsn test',
        'postgresql://app:Sup3rSecret@db/neurondb');
SELECT is((SELECT neurondb_dsn FROM identity.projects WHERE id = '00000000-0000-4000-8000-0000000009f0'),
          'postgresql://app@db/neurondb', 'the stored DSN has no password');
SELECT ok((SELECT position('Sup3rSecret'::bytea IN neurondb_dsn_secret) = 0
             FROM identity.projects WHERE id = '00000000-0000-4000-8000-0000000009f0'),
          'the password is stored encrypted');
SELECT is((SELECT internal.decrypt_secret(neurondb_dsn_secret,
                                          'identity.projects.neurondb_dsn:' || id)
             FROM identity.projects WHERE id = '00000000-0000-4000-8000-0000000009f0'),
          'Sup3rSecret', 'and decrypts for its own row');
SELECT throws_ok($$SELECT internal.decrypt_secret(neurondb_dsn_secret, 'identity.projects.neurondb_dsn:'
                                                  || '00000000-0000-4000-8000-0000000001a0')
                     FROM identity.projects WHERE id = '00000000-0000-4000-8000-0000000009f0'$$,
                 '39000', 'a stored secret cannot be decrypted: it was altered or moved to another row',
                 'a ciphertext moved to another row does not decrypt');
UPDATE identity.projects SET neurondb_dsn = 'postgresql://app@db2/neurondb'
 WHERE id = '00000000-0000-4000-8000-0000000009f0';
SELECT ok((SELECT neurondb_dsn_secret IS NOT NULL FROM identity.projects
            WHERE id = '00000000-0000-4000-8000-0000000009f0'),
          'a new DSN without a password keeps the stored password');
UPDATE identity.projects SET neurondb_dsn = NULL WHERE id = '00000000-0000-4000-8000-0000000009f0';
SELECT ok((SELECT neurondb_dsn_secret IS NULL FROM identity.projects
            WHERE id = '00000000-0000-4000-8000-0000000009f0'),
          'removing the DSN removes its password');

-- Project fields ------------------------------------------------------------------------------
SELECT throws_ok($$INSERT INTO identity.projects (name) VALUES ('orphan')$$,
                 '23514', 'new row for relation "projects" violates check constraint "projects_owner_check"',
                 'a project belongs to an organization or a user');
SELECT throws_ok($$INSERT INTO identity.projects (org_id, name, mcp_config)
                   VALUES ('00000000-0000-4000-8000-00000000000a', 'bad mcp', '{"command": "x", "extra": 1}')$$,
                 '23514', 'new row for relation "projects" violates check constraint "projects_mcp_config_check"',
                 'mcp_config has no key but command, args and env');
SELECT throws_ok($$INSERT INTO identity.projects (org_id, name, mcp_config)
                   VALUES ('00000000-0000-4000-8000-00000000000a', 'bad mcp', '{"command": "x", "env": {"K": 1}}')$$,
                 '23514', 'new row for relation "projects" violates check constraint "projects_mcp_config_check"',
                 'mcp_config env values are strings');
SELECT lives_ok($$INSERT INTO identity.projects (org_id, name, mcp_config, agent_endpoint)
                  VALUES ('00000000-0000-4000-8000-00000000000a', 'good mcp',
                          '{"command": "neurondb-mcp", "args": ["--stdio"], "env": {"NEURONDB_HOST": "db"}}',
                          'https://agent.example.org/v1')$$,
                'a full MCP config and an https agent endpoint are accepted');
-- Secret-named MCP environment variables
INSERT INTO identity.projects (id, org_id, name, mcp_config)
VALUES ('00000000-0000-4000-8000-0000000009f1', '00000000-0000-4000-8000-00000000000a', 'mcp secrets',
        '{"command": "neurondb-mcp", "env": {"NEURONDB_HOST": "db", "NEURONDB_PASSWORD": "mcp-Pa55"}}');
SELECT is((SELECT mcp_config -> 'env' FROM identity.projects WHERE id = '00000000-0000-4000-8000-0000000009f1'),
          '{"NEURONDB_HOST": "db", "NEURONDB_PASSWORD": "[encrypted]"}'::jsonb,
          'a secret-named MCP environment value is replaced by a placeholder');
SELECT ok((SELECT position('mcp-Pa55'::bytea IN mcp_env_secret) = 0 FROM identity.projects
            WHERE id = '00000000-0000-4000-8000-0000000009f1'),
          'and stored encrypted');
UPDATE identity.projects
   SET mcp_config = '{"command": "neurondb-mcp", "env": {"NEURONDB_HOST": "db2", "NEURONDB_PASSWORD": "[encrypted]", "API_TOKEN": "[encrypted]"}}'
 WHERE id = '00000000-0000-4000-8000-0000000009f1';
SELECT is((SELECT row(mcp_config -> 'env', internal.decrypt_secret(mcp_env_secret, 'identity.projects.mcp_env:' || id))::text
             FROM identity.projects WHERE id = '00000000-0000-4000-8000-0000000009f1'),
          row('{"NEURONDB_HOST": "db2", "NEURONDB_PASSWORD": "[encrypted]"}'::jsonb,
              '{"NEURONDB_PASSWORD": "mcp-Pa55"}')::text,
          'writing the placeholder back keeps the stored value; a placeholder with nothing behind it is dropped');

SELECT throws_ok($$INSERT INTO identity.projects (org_id, name, agent_endpoint)
                   VALUES ('00000000-0000-4000-8000-00000000000a', 'bad endpoint', 'ftp://x')$$,
                 '23514', 'new row for relation "projects" violates check constraint "projects_agent_endpoint_check"',
                 'the agent endpoint is an http(s) URL');
SELECT throws_ok($$INSERT INTO identity.projects (org_id, name) VALUES ('00000000-0000-4000-8000-00000000000a', 'pa1')$$,
                 '23505', 'duplicate key value violates unique constraint "projects_owner_name_key"',
                 'project names are unique per owner whatever the case');

-- Scopes --------------------------------------------------------------------------------------
SELECT is((SELECT row(org_id, project_id, owner_id)::text FROM identity.resource_scopes
            WHERE resource_id = '00000000-0000-4000-8000-0000000003c0'),
          row(NULL::uuid, '00000000-0000-4000-8000-0000000001c0'::uuid,
              '00000000-0000-4000-8000-0000000000c1'::uuid)::text,
          'an agent of a personal project has the project and its owner as scope');
SELECT is((SELECT org_id FROM identity.resource_scopes
            WHERE resource_id = '00000000-0000-4000-8000-0000000006b0'),
          '00000000-0000-4000-8000-00000000000a'::uuid,
          'a service account''s key sits in the account''s organization');
UPDATE identity.projects SET org_id = '00000000-0000-4000-8000-00000000000b'
 WHERE id = '00000000-0000-4000-8000-0000000002a0';
SELECT is((SELECT org_id FROM identity.resource_scopes
            WHERE resource_id = '00000000-0000-4000-8000-0000000004a0'),
          '00000000-0000-4000-8000-00000000000b'::uuid,
          'a project moved to another organization takes its agents along');
DELETE FROM identity.agents WHERE id = '00000000-0000-4000-8000-0000000004a0';
SELECT ok(NOT EXISTS (SELECT FROM identity.resource_scopes WHERE resource_id = '00000000-0000-4000-8000-0000000004a0')
          AND NOT EXISTS (SELECT FROM identity.principals WHERE id = '00000000-0000-4000-8000-0000000004a0'),
          'a deleted agent leaves neither scope nor principal');

-- Service accounts and registries ----------------------------------------------------------------
SELECT is((SELECT type FROM identity.principals WHERE id = '00000000-0000-4000-8000-0000000005a0'),
          'service_account', 'a service account has its principal');
UPDATE identity.agents SET disabled_at = now() WHERE id = '00000000-0000-4000-8000-0000000003a0';
UPDATE identity.agents SET name = 'AG1 renamed' WHERE id = '00000000-0000-4000-8000-0000000003a0';
SELECT ok((SELECT disabled_at IS NOT NULL AND name = 'AG1 renamed' FROM identity.principals
            WHERE id = '00000000-0000-4000-8000-0000000003a0'),
          'renaming a disabled agent keeps its principal disabled');

-- API keys --------------------------------------------------------------------------------------
SELECT throws_ok($$INSERT INTO identity.api_keys (principal_id, principal_type, name, prefix, secret_hash, roles)
                   VALUES ('00000000-0000-4000-8000-0000000000a2', 'service_account', 'k', 'aaaaaaaaaaaa',
                           sha256('x'), ARRAY['viewer'])$$,
                 '23503', 'insert or update on table "api_keys" violates foreign key constraint "api_keys_principal_id_principal_type_fkey"',
                 'a key''s principal type must be its principal''s');
SELECT throws_ok($$INSERT INTO identity.api_keys (principal_id, principal_type, name, prefix, secret_hash, roles)
                   VALUES ('00000000-0000-4000-8000-0000000000a2', 'user', 'k', 'aaaaaaaaaaaa',
                           sha256('x'), ARRAY['root'])$$,
                 '22023', 'roles must be a non-empty subset of {admin, member, service, viewer}',
                 'key roles are rows of identity.api_key_roles');
INSERT INTO identity.api_keys (principal_id, principal_type, name, prefix, secret_hash, roles)
VALUES ('00000000-0000-4000-8000-0000000000a2', 'user', 'default limit', 'bbbbbbbbbbbb', sha256('y'), ARRAY['viewer']);
SELECT is((SELECT rate_limit_per_min FROM identity.api_keys WHERE prefix = 'bbbbbbbbbbbb'),
          (SELECT default_rate_limit_per_min FROM identity.settings),
          'a key''s rate limit defaults to the setting');

-- Policies ----------------------------------------------------------------------------------------
SELECT throws_ok($$INSERT INTO identity.policies (subject_id, subject_type, resource_type, resource_id, permission)
                   VALUES ('00000000-0000-4000-8000-0000000000a2', 'user', 'agent',
                           '00000000-0000-4000-8000-0000000001a0', 'read')$$,
                 '23503', 'there is no agent with id 00000000-0000-4000-8000-0000000001a0',
                 'a policy''s resource must exist with the stated type');
SELECT throws_ok($$INSERT INTO identity.policies (subject_id, subject_type, subject_role, resource_type, resource_id, permission)
                   VALUES ('00000000-0000-4000-8000-00000000000a', 'org', 'member', 'project',
                           '00000000-0000-4000-8000-0000000001b0', 'read')$$,
                 '22023', 'a policy for the member role of organization 00000000-0000-4000-8000-00000000000a must be on a resource of that organization',
                 'an org role is granted only inside its organization');
SELECT throws_ok($$INSERT INTO identity.policies (subject_id, subject_type, resource_type, permission, conditions)
                   VALUES ('00000000-0000-4000-8000-0000000000a2', 'user', 'tool', 'read', '{"not_before": "soon"}')$$,
                 '22007', 'conditions.not_before must be a timestamp with time zone',
                 'conditions are checked');
SELECT throws_ok($$INSERT INTO identity.policies (subject_id, subject_type, resource_type, permission, conditions)
                   VALUES ('00000000-0000-4000-8000-0000000000a2', 'user', 'tool', 'read', '{"ip": "10.0.0.1"}')$$,
                 '23514', 'new row for relation "policies" violates check constraint "policies_conditions_check"',
                 'unknown conditions are refused');
INSERT INTO identity.policies (subject_id, subject_type, resource_type, resource_id, permission)
VALUES ('00000000-0000-4000-8000-0000000000a4', 'user', 'agent', '00000000-0000-4000-8000-0000000003b0', 'read');
DELETE FROM identity.agents WHERE id = '00000000-0000-4000-8000-0000000003b0';
SELECT ok(NOT EXISTS (SELECT FROM identity.policies WHERE resource_id = '00000000-0000-4000-8000-0000000003b0'),
          'deleting a resource deletes the policies on it');

SELECT * FROM finish();
ROLLBACK;
