-- Roles, permissions and API-key roles are rows: an operator adds them with INSERTs, and
-- has_permission(), permitted_ids(), explain_permission() and row security honour them
-- in the same transaction. The catalogue from each role's side.
BEGIN;

\ir fixtures/identity.sql

SELECT plan(26);

-- The catalogue ---------------------------------------------------------------------------
SELECT is((SELECT array_agg(name ORDER BY name) FROM identity.roles),
          ARRAY['admin', 'member', 'owner', 'viewer'], 'four roles to begin with');
SELECT is((SELECT array_agg(permission ORDER BY permission) FROM identity.role_grants
            WHERE role = 'viewer' AND resource_type = 'project'),
          ARRAY['read'], 'a viewer reads projects');
SELECT is((SELECT count(*)::integer FROM identity.role_grants
            WHERE role = 'member' AND resource_type IN ('audit', 'api_key', 'service_account')),
          0, 'members get nothing on the audit log, API keys and service accounts');

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a3"}');
SELECT is((SELECT count(*)::integer FROM identity.roles), 4, 'a person reads the roles');
SELECT throws_ok($$INSERT INTO identity.roles (name, description) VALUES ('boss', 'x')$$,
                 '42501', 'permission denied for table roles', 'but adds none');
SELECT throws_ok($$DELETE FROM identity.role_grants$$,
                 '42501', 'permission denied for table role_grants', 'and changes no grant');
SELECT tests.clear_authentication();
SELECT tests.authenticate_as('anon');
SELECT throws_ok($$SELECT count(*) FROM identity.permissions$$,
                 '42501', 'permission denied for schema identity', 'anonymous callers read nothing of it');
SELECT tests.clear_authentication();

SELECT throws_ok($$INSERT INTO identity.role_grants VALUES ('viewer', 'project', 'own')$$,
                 '23503', 'insert or update on table "role_grants" violates foreign key constraint "role_grants_permission_fkey"',
                 'a grant names a permission of the catalogue');
SELECT throws_ok($$INSERT INTO identity.policies (subject_id, subject_type, resource_type, permission)
                   VALUES ('00000000-0000-4000-8000-0000000000a4', 'user', 'spaceship', 'read')$$,
                 '23503', 'insert or update on table "policies" violates foreign key constraint "policies_resource_type_fkey"',
                 'a policy names a resource type of the catalogue');

-- An auditor role, with INSERTs alone ------------------------------------------------------
-- (outsider ...a4 becomes the auditor of organization A)
SELECT audit.record('identity.org.updated', 'success', 'org', '00000000-0000-4000-8000-00000000000a',
                    principal_id => '00000000-0000-4000-8000-0000000000a1', principal_type => 'user',
                    org_id => '00000000-0000-4000-8000-00000000000a');
INSERT INTO identity.roles (name, description) VALUES ('auditor', 'Reads the audit log.');
INSERT INTO identity.role_grants (role, resource_type, permission) VALUES ('auditor', 'audit', 'read');
INSERT INTO identity.org_memberships (org_id, user_id, role)
VALUES ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-0000000000a4', 'auditor');

SELECT ok(identity.has_permission('00000000-0000-4000-8000-0000000000a4', 'audit',
                                  '00000000-0000-4000-8000-00000000000a', 'read'),
          'an auditor reads the organization''s audit log');
SELECT is(ARRAY[identity.has_permission('00000000-0000-4000-8000-0000000000a4', 'audit', '00000000-0000-4000-8000-00000000000a', 'write'),
                identity.has_permission('00000000-0000-4000-8000-0000000000a4', 'org', '00000000-0000-4000-8000-00000000000a', 'read'),
                identity.has_permission('00000000-0000-4000-8000-0000000000a4', 'project', '00000000-0000-4000-8000-0000000001a0', 'read'),
                identity.has_permission('00000000-0000-4000-8000-0000000000a4', 'audit', '00000000-0000-4000-8000-00000000000b', 'read')],
          ARRAY[false, false, false, false], 'and nothing else, nor another organization''s log');
SELECT is(identity.permitted_ids('00000000-0000-4000-8000-0000000000a4', 'audit', 'read'),
          ARRAY['00000000-0000-4000-8000-00000000000a'::uuid], 'permitted_ids() lists the organization');
SELECT ok(EXISTS (SELECT FROM identity.explain_permission('00000000-0000-4000-8000-0000000000a4', 'audit',
                                                          '00000000-0000-4000-8000-00000000000a', 'read') e
                   WHERE e.source = 'membership' AND e.effect = 'allow'
                     AND e.detail = 'auditor of organization 00000000-0000-4000-8000-00000000000a, a role granting read on audit'),
          'explain_permission() names the auditor membership');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a4"}');
SELECT is((SELECT count(*)::integer FROM api.audit_events
            WHERE org_id = '00000000-0000-4000-8000-00000000000a' AND action = 'identity.org.updated'),
          1, 'row security on api.audit_events lets the auditor read the organization''s events');
SELECT is((SELECT count(*)::integer FROM api.projects), 0, 'but no project');
SELECT tests.clear_authentication();
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT is((SELECT count(*)::integer FROM api.audit_events
            WHERE org_id = '00000000-0000-4000-8000-00000000000a' AND action = 'identity.org.updated'),
          0, 'a member still does not');
SELECT tests.clear_authentication();

-- An owner gives the role through the API.
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a1"}');
SELECT is((SELECT role FROM api.add_member('00000000-0000-4000-8000-00000000000a',
                                           '00000000-0000-4000-8000-0000000000b1', 'auditor')),
          'auditor', 'api.add_member() accepts the new role');
SELECT throws_ok($$SELECT api.add_member('00000000-0000-4000-8000-00000000000a',
                                         '00000000-0000-4000-8000-0000000000c1', 'boss')$$,
                 '22023', 'role must be one of admin, auditor, member, owner, viewer, not boss',
                 'and lists the roles there are when refusing one');
SELECT tests.clear_authentication();

-- Taking the grant away takes the right away, at once.
DELETE FROM identity.role_grants WHERE role = 'auditor';
SELECT ok(NOT identity.has_permission('00000000-0000-4000-8000-0000000000a4', 'audit',
                                      '00000000-0000-4000-8000-00000000000a', 'read'),
          'a role without grants grants nothing');

-- A new permission ---------------------------------------------------------------------------
INSERT INTO identity.permissions (name, description) VALUES ('deploy', 'Deploy the project.');
INSERT INTO identity.role_grants (role, resource_type, permission) VALUES ('member', 'project', 'deploy');
SELECT is(ARRAY[identity.has_permission('00000000-0000-4000-8000-0000000000a2', 'project', '00000000-0000-4000-8000-0000000001a0', 'deploy'),
                identity.has_permission('00000000-0000-4000-8000-0000000000a1', 'project', '00000000-0000-4000-8000-0000000001a0', 'deploy'),
                identity.has_permission('00000000-0000-4000-8000-0000000000a3', 'project', '00000000-0000-4000-8000-0000000001a0', 'deploy'),
                identity.has_permission('00000000-0000-4000-8000-0000000000a2', 'agent', '00000000-0000-4000-8000-0000000003a0', 'deploy')],
          ARRAY[true, true, false, false],
          'a member deploys projects, an owner too (admin implies it), a viewer not, nor on agents');
INSERT INTO identity.policies (subject_id, subject_type, resource_type, resource_id, permission, effect)
VALUES ('00000000-0000-4000-8000-0000000000a2', 'user', 'project', '00000000-0000-4000-8000-0000000002a0', 'deploy', 'deny');
SELECT is(identity.permitted_ids('00000000-0000-4000-8000-0000000000a2', 'project', 'deploy'),
          ARRAY['00000000-0000-4000-8000-0000000001a0'::uuid], 'a deny of the new permission takes PA2 away');
SELECT lives_ok($$SELECT identity.check_permission_args('project', 'deploy')$$,
                'the API functions accept the new permission');
SELECT ok(NOT identity.has_permission('00000000-0000-4000-8000-0000000000a2', 'project', '00000000-0000-4000-8000-0000000001a0', 'deploy',
                                      '00000000-0000-4000-8000-0000000006a0'),
          'a viewer key does not let it through');

-- A new API-key role.
INSERT INTO identity.api_key_roles (role, permission) VALUES ('deployer', 'deploy');
UPDATE identity.api_keys SET roles = ARRAY['deployer'] WHERE id = '00000000-0000-4000-8000-0000000006a0';
SELECT is(ARRAY[identity.has_permission('00000000-0000-4000-8000-0000000000a2', 'project', '00000000-0000-4000-8000-0000000001a0', 'deploy',
                                        '00000000-0000-4000-8000-0000000006a0'),
                identity.has_permission('00000000-0000-4000-8000-0000000000a2', 'project', '00000000-0000-4000-8000-0000000001a0', 'read',
                                        '00000000-0000-4000-8000-0000000006a0')],
          ARRAY[true, false], 'a deployer key lets deploy through and nothing else');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT throws_ok($$SELECT api.create_api_key('no roles', ARRAY[]::text[])$$,
                 '22023', 'an API key needs at least one role', 'a key without roles is refused');
SELECT tests.clear_authentication();
SELECT throws_ok($$UPDATE identity.api_keys SET roles = ARRAY['root']
                    WHERE id = '00000000-0000-4000-8000-0000000006a0'$$,
                 '22023', 'roles must be a non-empty subset of {admin, deployer, member, service, viewer}',
                 'a key''s roles are rows of identity.api_key_roles');

SELECT * FROM finish();
ROLLBACK;
