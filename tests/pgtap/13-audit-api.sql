-- api.audit_events from each role's side.
BEGIN;
SELECT plan(16);

SELECT audit.record('auth.login.succeeded', 'success', principal_id => '00000000-0000-4000-8000-00000000000a',
                    principal_type => 'user', details => '{"who": "alice"}');
SELECT audit.record('auth.login.failed', 'failure', principal_id => '00000000-0000-4000-8000-00000000000a',
                    principal_type => 'user', details => '{"who": "alice"}');
SELECT audit.record('auth.login.succeeded', 'success', principal_id => '00000000-0000-4000-8000-00000000000b',
                    principal_type => 'user', details => '{"who": "bob"}');
SELECT audit.record('api_key.created', 'success', principal_id => '00000000-0000-4000-8000-0000000000c1',
                    principal_type => 'service_account', details => '{"who": "robot"}');
SELECT audit.record('auth.login.failed', 'failure', details => '{"who": "nobody"}');

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-00000000000a"}');
SELECT results_eq($$SELECT details ->> 'who', action FROM api.audit_events ORDER BY id$$,
                  $$VALUES ('alice', 'auth.login.succeeded'), ('alice', 'auth.login.failed')$$,
                  'a user sees their own events only');
SELECT results_eq($$SELECT action FROM api.audit_events WHERE outcome = 'failure'$$,
                  ARRAY['auth.login.failed'], 'and can filter them');
SELECT throws_ok($$INSERT INTO api.audit_events (action, outcome) VALUES ('auth.logout', 'success')$$,
                 '42501', 'permission denied for view audit_events', 'and cannot write through the view');
SELECT throws_ok($$SELECT count(*) FROM audit.seals$$, '42501', 'permission denied for table seals',
                 'and cannot read the seals');
SELECT throws_ok($$SELECT count(*) FROM audit.chain_state$$, '42501',
                 'permission denied for table chain_state', 'nor the chain heads');
SELECT throws_ok($$SELECT count(*) FROM audit.sealer_state$$, '42501',
                 'permission denied for table sealer_state', 'nor the sealer''s state');
SELECT throws_ok($$UPDATE audit.settings SET trusted_proxy_header = 'x-evil'$$, '42501',
                 'permission denied for table settings', 'nor change the settings');
SELECT throws_ok($$INSERT INTO audit.actions VALUES ('evil.thing.done', 'no')$$, '42501',
                 'permission denied for table actions', 'nor extend the catalogue');
SELECT tests.clear_authentication();

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-00000000000b"}');
SELECT results_eq($$SELECT details ->> 'who' FROM api.audit_events$$, ARRAY['bob'],
                  'another user sees theirs');
SELECT tests.clear_authentication();

SELECT tests.authenticate_as('service', '{"sub": "00000000-0000-4000-8000-0000000000c1"}');
SELECT results_eq($$SELECT details ->> 'who' FROM api.audit_events$$, ARRAY['robot'],
                  'a service account sees its own events');
SELECT tests.clear_authentication();

SELECT tests.authenticate_as('authenticated', '{}');
SELECT is_empty($$SELECT * FROM api.audit_events$$, 'a session without a principal sees nothing');
SELECT tests.clear_authentication();

SELECT tests.authenticate_as('anon');
SELECT throws_ok($$SELECT * FROM api.audit_events$$, '42501', 'permission denied for view audit_events',
                 'anon cannot read the log');
SELECT tests.clear_authentication();

SELECT tests.authenticate_as('neuronplane_worker');
SELECT throws_ok($$SELECT * FROM api.audit_events$$, '42501', 'permission denied for view audit_events',
                 'the worker writes the log but does not read it');
SELECT tests.clear_authentication();

SELECT policies_are('audit', 'events',
                    ARRAY['events_select_own', 'events_select_org_admin', 'events_select_platform_admin'],
                    'audit.events has the three read policies');
SELECT is(ARRAY(SELECT DISTINCT cmd::text FROM pg_policies WHERE schemaname = 'audit'),
          ARRAY['SELECT'], 'every audit policy is a read policy: nobody writes through RLS');
SELECT is((SELECT count(*)::integer FROM audit.events WHERE details ->> 'who' IS NOT NULL), 5,
          'the superuser sees every event');

SELECT * FROM finish();
ROLLBACK;
