-- The identity RPCs of schema api: each one's happy path and each refusal, as the roles
-- PostgREST would use.
BEGIN;
SELECT plan(76);

\ir fixtures/identity.sql

-- ids: admin a0, owner_a a1, member_a a2, viewer_a a3, outsider a4, owner_b b1, solo c1,
-- org A ...0a, org B ...0b, PA1 ...1a0, PB1 ...1b0, SA ...5a0, viewer key of a2 ...6a0
\set owner_a '{"sub": "00000000-0000-4000-8000-0000000000a1"}'
\set member_a '{"sub": "00000000-0000-4000-8000-0000000000a2"}'
\set viewer_a '{"sub": "00000000-0000-4000-8000-0000000000a3"}'
\set outsider '{"sub": "00000000-0000-4000-8000-0000000000a4"}'
\set admin '{"sub": "00000000-0000-4000-8000-0000000000a0"}'
\set solo '{"sub": "00000000-0000-4000-8000-0000000000c1"}'
\set sa '{"sub": "00000000-0000-4000-8000-0000000005a0"}'
\set member_a_viewer_key '{"sub": "00000000-0000-4000-8000-0000000000a2", "api_key_id": "00000000-0000-4000-8000-0000000006a0"}'

-- Organizations -----------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', :'owner_a');
SELECT is((SELECT slug::text FROM api.create_organization('Org C', 'fx-org-c')), 'fx-org-c',
          'a user creates an organization');
SELECT is((SELECT role FROM api.memberships m JOIN api.organizations o ON o.id = m.org_id
            WHERE o.slug = 'fx-org-c' AND m.user_id = '00000000-0000-4000-8000-0000000000a1'),
          'owner', 'and becomes its owner');
SELECT throws_ok($$SELECT api.create_organization('Again', 'FX-ORG-A')$$, '23505',
                 'an organization with slug "FX-ORG-A" already exists', 'slugs are unique whatever the case');
SELECT throws_ok($$SELECT api.create_organization('Bad', '-bad-')$$, '23514',
                 'new row for relation "organizations" violates check constraint "organizations_slug_check"',
                 'a malformed slug is refused');
SELECT tests.authenticate_as('service', :'sa');
SELECT throws_ok($$SELECT api.create_organization('Robots', 'robots')$$, '42501',
                 'only users can create organizations', 'a service account cannot create organizations');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000d1"}');
SELECT throws_ok($$SELECT api.create_organization('Disabled', 'disabled-org')$$, '42501',
                 'user 00000000-0000-4000-8000-0000000000d1 is disabled', 'a disabled user cannot create organizations');
SELECT tests.authenticate_as('authenticated', '{}');
SELECT throws_ok($$SELECT api.create_organization('Nobody', 'nobody')$$, '28000',
                 'authentication required', 'a caller without principal is refused');
SELECT tests.authenticate_as('authenticated', :'member_a_viewer_key');
SELECT throws_ok($$SELECT api.create_organization('Keyed', 'keyed')$$, '42501',
                 'an API key needs the admin role, and no project limit, to create organizations',
                 'a viewer key cannot create organizations');

-- Members ---------------------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', :'owner_a');
SELECT is((SELECT status || '/' || role FROM api.add_member('00000000-0000-4000-8000-00000000000a',
                                                            '00000000-0000-4000-8000-0000000000a4', 'member')),
          'pending/member', 'an owner''s add_member invites: it answers a pending invitation');
SELECT is_empty($$SELECT FROM api.memberships WHERE org_id = '00000000-0000-4000-8000-00000000000a'
                                                AND user_id = '00000000-0000-4000-8000-0000000000a4'$$,
                'the user is no member before accepting');
SELECT throws_ok($$SELECT api.add_member('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-0000000000a4')$$,
                 '23505', 'this person already has a pending invitation to organization 00000000-0000-4000-8000-00000000000a',
                 'twice is refused');
SELECT tests.authenticate_as('authenticated', :'outsider');
SELECT is((SELECT role FROM api.accept_invitation(
              (SELECT id FROM api.invitations WHERE org_id = '00000000-0000-4000-8000-00000000000a'
                                                AND invitee_user_id = '00000000-0000-4000-8000-0000000000a4'))),
          'member', 'the invitee accepts and is a member');
SELECT tests.authenticate_as('authenticated', :'owner_a');
SELECT throws_ok($$SELECT api.add_member('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-0000000000a4')$$,
                 '23505', 'this person is already a member of organization 00000000-0000-4000-8000-00000000000a',
                 'a member is not invited again');
SELECT throws_ok($$SELECT api.add_member('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000dead')$$,
                 '23503', 'there is no user with id 00000000-0000-4000-8000-00000000dead', 'an unknown user is refused');
SELECT throws_ok($$SELECT api.add_member('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-0000000000c1', 'boss')$$,
                 '22023', 'role must be one of admin, member, owner, viewer, not boss', 'an unknown role is refused');
SELECT is((SELECT role FROM api.change_member_role('00000000-0000-4000-8000-00000000000a',
                                                   '00000000-0000-4000-8000-0000000000a4', 'admin')),
          'admin', 'an owner makes a member admin');
SELECT throws_ok($$SELECT api.change_member_role('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-0000000000c1', 'viewer')$$,
                 '42704', 'user 00000000-0000-4000-8000-0000000000c1 is not a member of organization 00000000-0000-4000-8000-00000000000a',
                 'changing a non-member''s role is refused');
SELECT throws_ok($$SELECT api.remove_member('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-0000000000a1')$$,
                 '23514', 'organization 00000000-0000-4000-8000-00000000000a must keep at least one owner',
                 'the last owner cannot leave');
SELECT tests.authenticate_as('authenticated', :'outsider');
SELECT throws_ok($$SELECT api.add_member('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-0000000000c1', 'owner')$$,
                 '42501', 'only an owner of organization 00000000-0000-4000-8000-00000000000a can give or take the owner role',
                 'an admin cannot make owners');
SELECT lives_ok($$SELECT api.add_member('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-0000000000c1', 'viewer')$$,
                'an admin adds a viewer');
SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT throws_ok($$SELECT api.add_member('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-0000000000b1')$$,
                 '42501', 'permission denied: admin on org 00000000-0000-4000-8000-00000000000a',
                 'a member cannot add members');
SELECT throws_ok($$SELECT api.remove_member('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-0000000000a3')$$,
                 '42501', 'permission denied: admin on org 00000000-0000-4000-8000-00000000000a',
                 'a member cannot remove others');
SELECT tests.authenticate_as('authenticated', :'viewer_a');
SELECT lives_ok($$SELECT api.remove_member('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-0000000000a3')$$,
                'anyone may leave an organization');
SELECT tests.clear_authentication();
SELECT is((SELECT count(*)::integer FROM identity.org_memberships
            WHERE user_id = '00000000-0000-4000-8000-0000000000a3'), 0, 'and is gone');

-- Users -----------------------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', :'owner_a');
SELECT throws_ok($$SELECT api.create_user('newbie', 'newbie@example.org')$$, '42501',
                 'only platform administrators can create users', 'only platform admins create users');
SELECT throws_ok($$SELECT api.get_or_create_user_principal('newbie')$$, '42501',
                 'only the neuronplane service and platform administrators may create user principals',
                 'nor user principals');
SELECT tests.authenticate_as('authenticated', :'admin');
SELECT is((SELECT username::text FROM api.create_user('newbie', 'newbie@example.org', 'New Bie')),
          'newbie', 'a platform admin creates a user');
SELECT throws_ok($$SELECT api.create_user('NEWBIE')$$, '23505',
                 'a user with this username or e-mail already exists (case is ignored)', 'usernames stay unique');
SELECT is(api.get_or_create_user_principal('NewBie'),
          (SELECT id FROM identity.users WHERE username = 'newbie'),
          'get_or_create_user_principal finds an existing user whatever the case');
SELECT is(api.get_or_create_user_principal('someone', 'FX_SOLO@example.org'),
          '00000000-0000-4000-8000-0000000000c1'::uuid, 'or by e-mail');
SELECT ok(api.get_or_create_user_principal('brand-new') <> '00000000-0000-4000-8000-0000000000c1',
          'and creates a missing one');
SELECT tests.clear_authentication();
SELECT is((SELECT type FROM identity.principals p JOIN identity.users u USING (id) WHERE u.username = 'brand-new'),
          'user', 'with its principal');

-- Projects ----------------------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT is((SELECT row(name, neurondb_dsn, has_dsn_password)::text
             FROM api.create_project('Analytics', '00000000-0000-4000-8000-00000000000a',
                                     neurondb_dsn => 'postgresql://app:pw-9f3b@db/neurondb',
                                     mcp_config => '{"command": "neurondb-mcp"}')),
          row('Analytics', 'postgresql://app@db/neurondb', true)::text,
          'a member creates a project in its organization; the DSN comes back without password');
SELECT is(api.project_dsn((SELECT id FROM api.projects WHERE name = 'Analytics')),
          'postgresql://app@db/neurondb?password=pw-9f3b', 'project_dsn gives the full DSN to a member');
SELECT is(api.project_mcp_config((SELECT id FROM api.create_project('With MCP secret', '00000000-0000-4000-8000-00000000000a',
                                       mcp_config => '{"command": "neurondb-mcp", "env": {"NEURONDB_PASSWORD": "mcp-9f3b"}}')))
             -> 'env',
          '{"NEURONDB_PASSWORD": "mcp-9f3b"}'::jsonb, 'project_mcp_config gives a member the secret environment values');
SELECT is((SELECT user_id FROM api.create_project('Mine')), '00000000-0000-4000-8000-0000000000a2'::uuid,
          'without an organization the project is the caller''s own');
SELECT throws_ok($$SELECT api.create_project('Intruder', '00000000-0000-4000-8000-00000000000b')$$,
                 '42501', 'permission denied: cannot create a project in organization 00000000-0000-4000-8000-00000000000b',
                 'no project in another organization');
SELECT throws_ok($$SELECT api.create_project('Bad MCP', '00000000-0000-4000-8000-00000000000a', mcp_config => '{"cmd": "x"}')$$,
                 '22023', 'mcp_config must be {"command": string, "args": [string], "env": {string: string}}',
                 'a malformed MCP config is refused');
SELECT throws_ok($$SELECT api.create_project('analytics', '00000000-0000-4000-8000-00000000000a')$$,
                 '23505', 'a project named "analytics" already exists for this owner', 'names are unique per owner');
SELECT tests.authenticate_as('authenticated', :'viewer_a');
SELECT throws_ok($$SELECT api.project_mcp_config('00000000-0000-4000-8000-0000000001a0')$$,
                 '42501', 'permission denied: execute on project 00000000-0000-4000-8000-0000000001a0',
                 'someone without execute gets no MCP secrets');
SELECT throws_ok($$SELECT api.project_dsn('00000000-0000-4000-8000-0000000001a0')$$,
                 '42501', 'permission denied: execute on project 00000000-0000-4000-8000-0000000001a0',
                 'someone without execute gets no DSN');

-- Service accounts ---------------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', :'owner_a');
SELECT is((SELECT org_id FROM api.create_service_account('ingest-bot', project_id => '00000000-0000-4000-8000-0000000001a0')),
          '00000000-0000-4000-8000-00000000000a'::uuid, 'an owner creates a service account in a project of its org');
SELECT throws_ok($$SELECT api.create_service_account('fx-sa', '00000000-0000-4000-8000-00000000000a')$$,
                 '23505', 'a service account named "fx-sa" already exists there', 'names are unique where they live');
SELECT throws_ok($$SELECT api.create_service_account('misfiled', '00000000-0000-4000-8000-00000000000b',
                                                     '00000000-0000-4000-8000-0000000001a0')$$,
                 '22023', 'project 00000000-0000-4000-8000-0000000001a0 is not in organization 00000000-0000-4000-8000-00000000000b',
                 'a service account''s project must be in its organization');
SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT throws_ok($$SELECT api.create_service_account('sneaky', '00000000-0000-4000-8000-00000000000a')$$,
                 '42501', 'permission denied: admin on org 00000000-0000-4000-8000-00000000000a',
                 'a member cannot create service accounts');

-- API keys -------------------------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT api_key AS key1, id AS key1_id, prefix AS key1_prefix FROM api.create_api_key('laptop', ARRAY['member']) \gset
SELECT matches(:'key1'::text, '^npk_' || :'key1_prefix' || '_[0-9a-f]{64}$', 'a new key is npk_<prefix>_<64 hex> (256 bits)');
SELECT tests.clear_authentication();
SELECT is((SELECT secret_hash FROM identity.api_keys WHERE id = :'key1_id'), sha256(convert_to(:'key1', 'UTF8')),
          'only its SHA-256 is stored');
SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT tests.clear_authentication();
SELECT throws_ok($$SELECT identity.issue_api_key('00000000-0000-4000-8000-00000000000a', 'x', ARRAY['viewer'],
                                                  NULL, NULL, NULL, NULL)$$, '22023',
                 'API keys are for users, service accounts and agents', 'organizations get no API keys');
SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT throws_ok($$SELECT api.create_api_key('x', ARRAY['root'])$$, '22023',
                 'roles must be a non-empty subset of {admin, member, service, viewer}', 'unknown roles are refused');
SELECT throws_ok($$SELECT api.create_api_key('x', expires_at => now() - interval '1 minute')$$, '22023',
                 'expires_at must be in the future', 'keys do not start expired');
SELECT throws_ok($$SELECT api.create_api_key('x', principal_id => '00000000-0000-4000-8000-0000000000a3')$$, '42501',
                 'permission denied: you cannot manage the API keys of principal 00000000-0000-4000-8000-0000000000a3',
                 'nobody creates keys for another user');
SELECT throws_ok($$SELECT api.create_api_key('x', principal_id => '00000000-0000-4000-8000-0000000005a0')$$, '42501',
                 'permission denied: admin on service_account 00000000-0000-4000-8000-0000000005a0',
                 'a member cannot create keys for a service account');
SELECT tests.authenticate_as('authenticated', :'member_a_viewer_key');
SELECT throws_ok($$SELECT api.create_api_key('x')$$, '42501',
                 'an API key without the admin role cannot manage API keys', 'a viewer key cannot mint keys');
SELECT tests.authenticate_as('authenticated', :'owner_a');
SELECT id AS bot_key_id FROM api.create_api_key('bot key', ARRAY['service'],
                                                principal_id => '00000000-0000-4000-8000-0000000005a0') \gset
SELECT is((SELECT principal_id FROM api.api_keys WHERE id = :'bot_key_id'),
          '00000000-0000-4000-8000-0000000005a0'::uuid, 'an owner creates a key for its service account');
SELECT throws_ok(format('SELECT api.revoke_api_key(%L)', :'key1_id'), '42501',
                 format('permission denied: no API key %s that you administer', :'key1_id'),
                 'an owner cannot revoke a member''s personal key');
SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT ok((SELECT revoked_at IS NOT NULL FROM api.revoke_api_key(:'key1_id')), 'a principal revokes its key');
SELECT throws_ok(format('SELECT api.rotate_api_key(%L)', :'key1_id'), '22023',
                 format('API key %s is revoked', :'key1_prefix'), 'a revoked key cannot be rotated');
SELECT api_key AS key2, id AS key2_id FROM api.create_api_key('ci', ARRAY['viewer']) \gset
SELECT new_id AS key3_id, api_key AS key3 FROM api.rotate_api_key(:'key2_id') \gset
SELECT ok(:'key3' <> :'key2' AND (SELECT revoked_at IS NOT NULL FROM api.api_keys WHERE id = :'key2_id')
          AND (SELECT roles = ARRAY['viewer'] AND name = 'ci' FROM api.api_keys WHERE id = :'key3_id'),
          'rotation gives a new key with the same settings and revokes the old one');

-- Policies --------------------------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', :'owner_a');
SELECT id AS policy_id FROM api.grant_permission('00000000-0000-4000-8000-0000000000b1', 'project', 'read',
                                                 '00000000-0000-4000-8000-0000000001a0') \gset
SELECT lives_ok($$SELECT api.grant_permission('00000000-0000-4000-8000-0000000000b1', 'project', 'read',
                                              '00000000-0000-4000-8000-0000000001a0', expires_at => now() + interval '1 day')$$,
                'granting again updates the policy');
SELECT is((SELECT count(*)::integer FROM api.policies WHERE subject_id = '00000000-0000-4000-8000-0000000000b1'),
          1, 'and leaves one policy');
SELECT throws_ok($$SELECT api.grant_permission('00000000-0000-4000-8000-0000000000b1', 'thing', 'read')$$,
                 '22023', 'unknown resource type thing', 'unknown resource types are refused');
SELECT throws_ok($$SELECT api.grant_permission('00000000-0000-4000-8000-00000000dead', 'project', 'read', '00000000-0000-4000-8000-0000000001a0')$$,
                 '23503', 'there is no principal with id 00000000-0000-4000-8000-00000000dead', 'unknown subjects are refused');
SELECT throws_ok($$SELECT api.grant_permission('00000000-0000-4000-8000-0000000000a4', 'project', 'read', '00000000-0000-4000-8000-0000000001b0')$$,
                 '42501', 'permission denied: admin on project 00000000-0000-4000-8000-0000000001b0',
                 'nobody grants on what it does not administer');
SELECT throws_ok($$SELECT api.grant_permission('00000000-0000-4000-8000-0000000000a4', 'project', 'read')$$,
                 '42501', 'permission denied: admin on project (all)',
                 'platform-wide grants are for platform admins');
SELECT lives_ok(format('SELECT api.revoke_permission(%L)', :'policy_id'), 'an owner revokes a policy');
SELECT throws_ok(format('SELECT api.revoke_permission(%L)', :'policy_id'), '42704',
                 format('there is no policy with id %s', :'policy_id'), 'revoking twice says so');

-- Principals ------------------------------------------------------------------------------------------
SELECT ok((SELECT disabled_at IS NOT NULL FROM api.disable_principal('00000000-0000-4000-8000-0000000005a0')),
          'an owner disables a service account of its organization');
SELECT throws_ok($$SELECT api.disable_principal('00000000-0000-4000-8000-0000000000a2')$$, '42501',
                 'only platform administrators can disable users and organizations', 'but not a user');
SELECT tests.authenticate_as('authenticated', :'admin');
SELECT ok((SELECT disabled_at IS NOT NULL FROM api.disable_principal('00000000-0000-4000-8000-0000000000a4')),
          'a platform admin disables a user');
SELECT ok((SELECT disabled_at IS NULL FROM api.disable_principal('00000000-0000-4000-8000-0000000000a4', false)),
          'and enables it again');
SELECT throws_ok($$SELECT api.disable_principal('00000000-0000-4000-8000-0000000000a0')$$, '42501',
                 'you cannot disable yourself', 'an admin cannot lock itself out');
SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT is((SELECT row(type, is_active, org_id)::text FROM api.resolve_principal('00000000-0000-4000-8000-0000000003a0')),
          row('agent', true, '00000000-0000-4000-8000-00000000000a'::uuid)::text,
          'resolve_principal describes an agent the caller can read');
SELECT throws_ok($$SELECT * FROM api.resolve_principal('00000000-0000-4000-8000-0000000003b0')$$, '42704',
                 'there is no principal 00000000-0000-4000-8000-0000000003b0 that you can see',
                 'and hides one of another organization');

-- Questions -------------------------------------------------------------------------------------------
SELECT ok(api.has_permission('project', '00000000-0000-4000-8000-0000000001a0', 'write'),
          'a caller asks about itself');
SELECT throws_ok($$SELECT api.has_permission('project', '00000000-0000-4000-8000-0000000001a0', 'read', '00000000-0000-4000-8000-0000000000a3')$$,
                 '42501', 'permission denied: only administrators of the resource may ask about another principal',
                 'a member may not ask about others');
SELECT throws_ok($$SELECT api.has_permission('project', '00000000-0000-4000-8000-0000000001a0', 'own')$$,
                 '22023', 'permission must be one of admin, execute, read, write, not own', 'unknown permissions are refused');

SELECT tests.clear_authentication();
SELECT * FROM finish();
ROLLBACK;
