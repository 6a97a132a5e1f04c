-- Who administers what sees more of the audit log; only platform admins verify it.
BEGIN;
SELECT plan(12);

INSERT INTO identity.users (id, username, is_admin) VALUES
    ('00000000-0000-4000-8000-0000000000a1', 'olga-owner', false),
    ('00000000-0000-4000-8000-0000000000a2', 'adam-admin', false),
    ('00000000-0000-4000-8000-0000000000a3', 'mia-member', false),
    ('00000000-0000-4000-8000-0000000000a4', 'pat-platform', true),
    ('00000000-0000-4000-8000-0000000000a5', 'otto-other-org', false);
INSERT INTO identity.organizations (id, name, slug) VALUES
    ('00000000-0000-4000-8000-0000000000f1', 'Acme', 'acme'),
    ('00000000-0000-4000-8000-0000000000f2', 'Globex', 'globex');
INSERT INTO identity.org_memberships (org_id, user_id, role) VALUES
    ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000a1', 'owner'),
    ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000a2', 'admin'),
    ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000a3', 'member'),
    ('00000000-0000-4000-8000-0000000000f2', '00000000-0000-4000-8000-0000000000a5', 'owner');

-- Events: two in Acme (by the member and by someone else), one in Globex, one without org.
SELECT audit.record('auth.login.succeeded', principal_id => '00000000-0000-4000-8000-0000000000a3',
                    principal_type => 'user', org_id => '00000000-0000-4000-8000-0000000000f1',
                    details => '{"tag": "acme-member"}');
SELECT audit.record('api_key.created', principal_id => '00000000-0000-4000-8000-0000000000c9',
                    principal_type => 'service_account', org_id => '00000000-0000-4000-8000-0000000000f1',
                    details => '{"tag": "acme-robot"}');
SELECT audit.record('auth.login.failed', 'failure', org_id => '00000000-0000-4000-8000-0000000000f2',
                    details => '{"tag": "globex"}');
SELECT audit.record('auth.login.failed', 'failure', details => '{"tag": "nowhere"}');

CREATE TEMP VIEW seen WITH (security_invoker = true) AS
SELECT coalesce(array_agg(details ->> 'tag' ORDER BY details ->> 'tag'), '{}') AS tags
  FROM api.audit_events WHERE details ? 'tag';
GRANT SELECT ON seen TO authenticated, service;

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a1"}');
SELECT is((SELECT tags FROM seen), ARRAY['acme-member', 'acme-robot'],
          'an organization owner sees all of its events, and no other organization''s');
SELECT tests.clear_authentication();

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT is((SELECT tags FROM seen), ARRAY['acme-member', 'acme-robot'],
          'an organization admin sees all of its events');
SELECT tests.clear_authentication();

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a3"}');
SELECT is((SELECT tags FROM seen), ARRAY['acme-member'],
          'a member sees only the events they performed');
SELECT tests.clear_authentication();

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a5"}');
SELECT is((SELECT tags FROM seen), ARRAY['globex'], 'another organization''s owner sees only theirs');
SELECT tests.clear_authentication();

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a4"}');
SELECT is((SELECT tags FROM seen), ARRAY['acme-member', 'acme-robot', 'globex', 'nowhere'],
          'a platform admin sees every event');
SELECT results_eq($$SELECT ok FROM api.verify_audit()$$, ARRAY[true],
                  'a platform admin may verify the log');
SELECT tests.clear_authentication();

UPDATE identity.users SET disabled_at = now() WHERE username = 'pat-platform';
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a4"}');
SELECT is((SELECT tags FROM seen), ARRAY[]::text[], 'a disabled platform admin sees nothing more');
SELECT throws_ok($$SELECT * FROM api.verify_audit()$$, '42501',
                 'only platform administrators may verify the audit log',
                 'and may no longer verify');
SELECT tests.clear_authentication();

UPDATE identity.org_memberships SET role = 'member'
 WHERE user_id = '00000000-0000-4000-8000-0000000000a2';
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT is((SELECT tags FROM seen), ARRAY[]::text[], 'an admin demoted to member loses the org''s events');
SELECT throws_ok($$SELECT * FROM api.verify_audit()$$, '42501',
                 'only platform administrators may verify the audit log',
                 'an organization admin may not verify the whole log');
SELECT tests.clear_authentication();

SELECT tests.authenticate_as('service', '{"sub": "00000000-0000-4000-8000-0000000000c9"}');
SELECT is((SELECT tags FROM seen), ARRAY['acme-robot'], 'a service account sees its own events');
SELECT tests.clear_authentication();

SELECT tests.authenticate_as('anon');
SELECT throws_ok($$SELECT * FROM api.verify_audit()$$, '42501',
                 'permission denied for function verify_audit', 'anon may not call verify_audit');
SELECT tests.clear_authentication();

SELECT * FROM finish();
ROLLBACK;
