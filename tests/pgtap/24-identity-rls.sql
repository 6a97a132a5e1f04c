-- Row level security of the identity tables and their api views, seen by every kind of
-- caller: two organizations must not see or touch each other.
BEGIN;
SELECT plan(29);

\ir fixtures/identity.sql

INSERT INTO identity.tools (project_id, name) VALUES
    ('00000000-0000-4000-8000-0000000001a0', 'TA'), ('00000000-0000-4000-8000-0000000001b0', 'TB');
INSERT INTO identity.datasets (project_id, name) VALUES
    ('00000000-0000-4000-8000-0000000001a0', 'DA'), ('00000000-0000-4000-8000-0000000001b0', 'DB');
INSERT INTO identity.service_accounts (name, org_id) VALUES ('fx-sa-b', '00000000-0000-4000-8000-00000000000b');
-- owner_b lets the outsider read PB1; org A's service account may read PA1.
INSERT INTO identity.policies (subject_id, subject_type, resource_type, resource_id, permission) VALUES
    ('00000000-0000-4000-8000-0000000000a4', 'user', 'project', '00000000-0000-4000-8000-0000000001b0', 'read'),
    ('00000000-0000-4000-8000-0000000005a0', 'service_account', 'project', '00000000-0000-4000-8000-0000000001a0', 'read');

-- What the caller sees through the api views, and through the tables themselves.
\set views 'SELECT jsonb_build_object(''orgs'', (SELECT coalesce(jsonb_agg(slug::text ORDER BY slug), ''[]'') FROM api.organizations), ''projects'', (SELECT coalesce(jsonb_agg(name ORDER BY name), ''[]'') FROM api.projects), ''agents'', (SELECT coalesce(jsonb_agg(name ORDER BY name), ''[]'') FROM api.agents), ''tools'', (SELECT coalesce(jsonb_agg(name ORDER BY name), ''[]'') FROM api.tools), ''datasets'', (SELECT coalesce(jsonb_agg(name ORDER BY name), ''[]'') FROM api.datasets), ''members'', (SELECT count(*) FROM api.memberships), ''users'', (SELECT count(*) FROM api.users), ''service_accounts'', (SELECT coalesce(jsonb_agg(name ORDER BY name), ''[]'') FROM api.service_accounts), ''api_keys'', (SELECT coalesce(jsonb_agg(name ORDER BY name), ''[]'') FROM api.api_keys), ''policies'', (SELECT count(*) FROM api.policies), ''principals'', (SELECT count(*) FROM api.principals))'
\set tables 'SELECT jsonb_build_object(''orgs'', (SELECT coalesce(jsonb_agg(slug::text ORDER BY slug), ''[]'') FROM identity.organizations), ''projects'', (SELECT coalesce(jsonb_agg(name ORDER BY name), ''[]'') FROM identity.projects), ''agents'', (SELECT coalesce(jsonb_agg(name ORDER BY name), ''[]'') FROM identity.agents), ''tools'', (SELECT coalesce(jsonb_agg(name ORDER BY name), ''[]'') FROM identity.tools), ''datasets'', (SELECT coalesce(jsonb_agg(name ORDER BY name), ''[]'') FROM identity.datasets), ''members'', (SELECT count(*) FROM identity.org_memberships), ''users'', (SELECT count(*) FROM identity.users), ''service_accounts'', (SELECT coalesce(jsonb_agg(name ORDER BY name), ''[]'') FROM identity.service_accounts), ''api_keys'', (SELECT coalesce(jsonb_agg(name ORDER BY name), ''[]'') FROM identity.api_keys), ''policies'', (SELECT count(*) FROM identity.policies), ''principals'', (SELECT count(*) FROM identity.principals))'

-- Owner of A: all of A, nothing of B.
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a1"}');
SELECT is((:views), '{"orgs": ["fx-org-a"], "projects": ["PA1", "PA2"], "agents": ["AG1", "AG2"], "tools": ["TA"],
                      "datasets": ["DA"], "members": 5, "users": 5, "service_accounts": ["fx-sa"],
                      "api_keys": ["PA1 key", "sa key"], "policies": 1, "principals": 11}'::jsonb,
          'an owner sees its organization''s rows through the api views, and none of B''s');
SELECT is((:tables), (:views), 'the tables show an owner the same rows as the views');

-- Member of A: A's projects and resources, its own keys, no service accounts.
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT is((:views), '{"orgs": ["fx-org-a"], "projects": ["PA1", "PA2"], "agents": ["AG1", "AG2"], "tools": ["TA"],
                      "datasets": ["DA"], "members": 5, "users": 5, "service_accounts": [],
                      "api_keys": ["PA1 key", "expired key", "revoked key", "viewer key"], "policies": 0,
                      "principals": 10}'::jsonb,
          'a member sees its organization and its own keys');
SELECT is((:tables), (:views), 'the tables show a member the same rows as the views');

-- Through a key limited to PA1, the same member sees only PA1 and what it holds.
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2", "api_key_id": "00000000-0000-4000-8000-0000000007a0"}');
SELECT is((SELECT jsonb_build_object('orgs', (SELECT count(*) FROM api.organizations),
                                     'projects', (SELECT jsonb_agg(name ORDER BY name) FROM api.projects),
                                     'agents', (SELECT jsonb_agg(name ORDER BY name) FROM api.agents))),
          '{"orgs": 0, "projects": ["PA1"], "agents": ["AG1"]}'::jsonb,
          'an API key limited to a project narrows what RLS shows');

-- Owner of B: all of B, nothing of A.
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000b1"}');
SELECT is((:views), '{"orgs": ["fx-org-b"], "projects": ["PB1"], "agents": ["AGB"], "tools": ["TB"],
                      "datasets": ["DB"], "members": 1, "users": 1, "service_accounts": ["fx-sa-b"],
                      "api_keys": [], "policies": 1, "principals": 6}'::jsonb,
          'the owner of B sees B''s rows and none of A''s');
SELECT is((:tables), (:views), 'the tables show the owner of B the same rows as the views');

-- A user in no organization: itself, and what a policy gives it.
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a4"}');
SELECT is((:views), '{"orgs": [], "projects": ["PB1"], "agents": ["AGB"], "tools": ["TB"], "datasets": ["DB"],
                      "members": 0, "users": 1, "service_accounts": [], "api_keys": [], "policies": 1,
                      "principals": 4}'::jsonb,
          'a user in no organization sees itself and what it was granted');
SELECT is((:tables), (:views), 'the tables agree for that user');

-- A service account: only its explicit grant.
SELECT tests.authenticate_as('service', '{"sub": "00000000-0000-4000-8000-0000000005a0"}');
SELECT is((:views), '{"orgs": [], "projects": ["PA1"], "agents": ["AG1"], "tools": ["TA"], "datasets": ["DA"],
                      "members": 0, "users": 0, "service_accounts": [], "api_keys": ["sa key"], "policies": 1,
                      "principals": 4}'::jsonb,
          'a service account sees its own key and what a policy grants it (a read grant on a project does not show its keys)');
SELECT is((:tables), (:views), 'the tables agree for a service account');

-- A platform admin sees everything.
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a0"}');
SELECT tests.clear_authentication();
SELECT (:tables) AS everything \gset
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a0"}');
SELECT is((:views), :'everything'::jsonb, 'a platform administrator sees every row');

-- Through a key limited to PA1, even a platform administrator lists only PA1's rows.
SELECT tests.clear_authentication();
INSERT INTO identity.api_keys (id, principal_id, principal_type, project_id, name, prefix,
                               secret_hash, roles) VALUES
    ('00000000-0000-4000-8000-0000000007a9', '00000000-0000-4000-8000-0000000000a0', 'user',
     '00000000-0000-4000-8000-0000000001a0', 'admin PA1 key', 'f0000000007a', sha256('k7a'),
     ARRAY['admin']);
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a0", "api_key_id": "00000000-0000-4000-8000-0000000007a9"}');
SELECT is((SELECT jsonb_build_object('orgs', (SELECT count(*) FROM api.organizations),
                                     'projects', (SELECT jsonb_agg(name ORDER BY name) FROM api.projects),
                                     'agents', (SELECT jsonb_agg(name ORDER BY name) FROM api.agents))),
          '{"orgs": 0, "projects": ["PA1"], "agents": ["AG1"]}'::jsonb,
          'a platform administrator''s key limited to a project narrows what RLS shows');

-- A disabled user sees nothing but itself.
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000d1"}');
SELECT is((SELECT count(*)::integer FROM api.projects) + (SELECT count(*)::integer FROM api.organizations),
          0, 'a disabled member sees no project and no organization');

-- Anonymous callers read nothing.
SELECT tests.authenticate_as('anon');
SELECT throws_ok('SELECT * FROM api.projects', '42501', 'permission denied for view projects',
                 'anon cannot read projects');
SELECT throws_ok('SELECT * FROM identity.organizations', '42501', 'permission denied for schema identity',
                 'anon cannot reach the identity tables');

-- Writing across organizations -------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000b1"}');
SELECT throws_ok($$INSERT INTO api.projects (org_id, name) VALUES ('00000000-0000-4000-8000-00000000000a', 'planted')$$,
                 '42501', 'new row violates row-level security policy for table "projects"',
                 'nobody creates a project in another organization');
SELECT throws_ok($$INSERT INTO api.agents (project_id, name) VALUES ('00000000-0000-4000-8000-0000000001a0', 'planted')$$,
                 '42501', 'new row violates row-level security policy for table "agents"',
                 'nor an agent in another organization''s project');
WITH u AS (UPDATE api.projects SET name = 'taken' WHERE org_id = '00000000-0000-4000-8000-00000000000a'
                      RETURNING 1)
SELECT is(count(*)::integer , 0, 'another organization''s projects cannot be updated') FROM u;
WITH d AS (DELETE FROM api.service_accounts WHERE org_id = '00000000-0000-4000-8000-00000000000a'
                      RETURNING 1)
SELECT is(count(*)::integer , 0, 'nor its service accounts deleted') FROM d;
SELECT throws_ok($$UPDATE api.projects SET org_id = '00000000-0000-4000-8000-00000000000a' WHERE name = 'PB1'$$,
                 '42501', 'moving project 00000000-0000-4000-8000-0000000001b0 to another organization needs admin on it and write on the destination',
                 'a project cannot be moved into an organization one cannot write');

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a3"}');
SELECT throws_ok($$UPDATE api.projects SET description = 'viewer was here' WHERE name = 'PA1'$$,
                 '42501', 'new row violates row-level security policy for table "projects"',
                 'a viewer sees a project but cannot change it');

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT id AS own_org FROM api.create_organization('Member''s own', 'fx-member-own') \gset
SELECT throws_ok(format('UPDATE api.projects SET org_id = %L WHERE name = %L', :'own_org', 'PA1'),
                 '42501', 'moving project 00000000-0000-4000-8000-0000000001a0 to another organization needs admin on it and write on the destination',
                 'a member cannot carry a project off to an organization of its own');
WITH u AS (UPDATE api.projects SET description = 'member was here' WHERE name = 'PA1'
                      RETURNING 1)
SELECT is(count(*)::integer , 1, 'a member changes a project of its organization') FROM u;
WITH d AS (DELETE FROM api.projects WHERE name = 'PA1' RETURNING 1)
SELECT is(count(*)::integer , 0, 'but deleting one needs admin') FROM d;
WITH u AS (UPDATE api.users SET display_name = 'Me' RETURNING id)
SELECT is(array_agg(id) , ARRAY['00000000-0000-4000-8000-0000000000a2'::uuid], 'users change only their own row') FROM u;
SELECT throws_ok($$UPDATE api.users SET is_admin = true WHERE id = '00000000-0000-4000-8000-0000000000a2'$$,
                 '42501', 'permission denied for view users', 'and never make themselves admin');
SELECT throws_ok($$UPDATE api.api_keys SET roles = ARRAY['admin'] WHERE name = 'viewer key'$$,
                 '42501', 'permission denied for view api_keys', 'nor widen a key''s roles');

SELECT tests.clear_authentication();
SELECT is((SELECT count(*)::integer FROM audit.events WHERE action = 'identity.project.updated'
            AND resource_id = '00000000-0000-4000-8000-0000000001a0'),
          1, 'the member''s change through the view is audited');

SELECT * FROM finish();
ROLLBACK;
