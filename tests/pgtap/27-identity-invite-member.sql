-- api.invite_member(): the console adds members by username or e-mail; only those who may
-- manage the organization's members learn whether a name exists.
BEGIN;
SELECT plan(9);

\ir fixtures/identity.sql

\set org_a '00000000-0000-4000-8000-00000000000a'
\set owner_a '{"sub": "00000000-0000-4000-8000-0000000000a1"}'
\set member_a '{"sub": "00000000-0000-4000-8000-0000000000a2"}'

SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT throws_ok($$SELECT api.invite_member('00000000-0000-4000-8000-00000000000a', 'fx_outsider')$$,
                 '42501', 'permission denied: admin on org 00000000-0000-4000-8000-00000000000a',
                 'a member who may not manage members cannot invite');
SELECT throws_ok($$SELECT api.invite_member('00000000-0000-4000-8000-00000000000a', 'no_such_person')$$,
                 '42501', 'permission denied: admin on org 00000000-0000-4000-8000-00000000000a',
                 'nor learn whether a name exists');

SELECT tests.authenticate_as('authenticated', :'owner_a');
SELECT throws_ok($$SELECT api.invite_member('00000000-0000-4000-8000-00000000000a', 'no_such_person')$$,
                 '23503', 'there is no user named no_such_person', 'an unknown name is refused by name');
SELECT throws_ok($$SELECT api.invite_member('00000000-0000-4000-8000-00000000000a', 'fx_outsider', 'boss')$$,
                 '22023', 'role must be one of admin, member, owner, viewer, not boss',
                 'an unknown role is refused');
SELECT is((SELECT role FROM api.invite_member(:'org_a', 'fx_outsider', 'viewer')), 'viewer',
          'the owner invites by username');
SELECT is((SELECT user_id::text FROM api.invite_member(:'org_a', 'FX_Owner_B@example.org')),
          '00000000-0000-4000-8000-0000000000b1', 'and by e-mail, whatever the case');
SELECT throws_ok($$SELECT api.invite_member('00000000-0000-4000-8000-00000000000a', 'fx_outsider')$$,
                 '23505', 'user 00000000-0000-4000-8000-0000000000a4 is already a member of organization 00000000-0000-4000-8000-00000000000a',
                 'a member already is one');
SELECT tests.clear_authentication();
SELECT is((SELECT count(*)::int FROM audit.events
            WHERE action = 'identity.membership.changed' AND resource_id = :'org_a'
              AND details ->> 'change' = 'added'), 2, 'each invitation is audited');
SELECT function_privs_are('api', 'invite_member', ARRAY['uuid', 'text', 'text'], 'anon',
                          ARRAY[]::text[], 'anon may not invite');

SELECT * FROM finish();
ROLLBACK;
