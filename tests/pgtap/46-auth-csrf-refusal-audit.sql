-- auth/cookie_requests: the autonomous side of a CSRF refusal at PostgREST, called
-- directly (in the test's transaction; the hook's path through dblink is tested end to end
-- in tests/e2e/test_oidc_login.py).
BEGIN;
SELECT plan(9);

\ir fixtures/identity.sql

SELECT auth.create_session('00000000-0000-4000-8000-0000000000a2', 'oidc') ->> 'session_id' AS sid \gset
SELECT auth.create_session('00000000-0000-4000-8000-0000000000a2', 'oidc') ->> 'session_id' AS sid2 \gset

SELECT is(auth.record_csrf_refusal(:'sid', '00000000-0000-4000-8000-0000000000a2', 'user', 'POST',
                                   '/rpc/sessions', '203.0.113.7', 'evil-page', 'req-1'),
          '{"audited": true}'::jsonb, 'a first refusal is audited');
SELECT is((SELECT row(outcome, principal_id, principal_type, resource_type, ip, user_agent,
                      request_id, details)::text
             FROM audit.events WHERE action = 'auth.csrf.refused' AND resource_id = :'sid'),
          row('denied', '00000000-0000-4000-8000-0000000000a2'::uuid, 'user', 'session',
              '203.0.113.7'::inet, 'evil-page', 'req-1',
              '{"via": "postgrest", "path": "/rpc/sessions", "method": "POST"}'::jsonb)::text,
          'as auth.csrf.refused of the session, with the principal, method, path and client');
SELECT is(auth.record_csrf_refusal(:'sid', '00000000-0000-4000-8000-0000000000a2', 'user', 'DELETE',
                                   '/projects', '203.0.113.7', 'evil-page', 'req-2'),
          '{"audited": false}'::jsonb, 'another refusal of the session within the minute is not');
SELECT is((SELECT count(*)::integer FROM audit.events
            WHERE action = 'auth.csrf.refused' AND resource_id = :'sid'), 1, 'one event a minute');
SELECT is(auth.record_csrf_refusal(:'sid2', '00000000-0000-4000-8000-0000000000a2', 'user', 'POST',
                                   '/rpc/logout', NULL, NULL, NULL),
          '{"audited": true}'::jsonb, 'another session''s refusal is its own');
-- A minute later the session's next refusal is audited again (the event is moved back in
-- time past the append-only trigger, in this transaction only).
SET LOCAL session_replication_role = replica;
UPDATE audit.events SET occurred_at = occurred_at - interval '61 seconds'
 WHERE action = 'auth.csrf.refused' AND resource_id = :'sid';
RESET session_replication_role;
SELECT is(auth.record_csrf_refusal(:'sid', '00000000-0000-4000-8000-0000000000a2', 'user', 'PATCH',
                                   '/projects', NULL, NULL, NULL),
          '{"audited": true}'::jsonb, 'after a minute, the next refusal is audited');

SELECT ok(has_function_privilege('neuronplane_autonomous',
              'auth.record_csrf_refusal(uuid, uuid, text, text, text, inet, text, text)', 'EXECUTE'),
          'the autonomous connection may record refusals');
SELECT ok(NOT has_function_privilege('anon',
              'auth.record_csrf_refusal(uuid, uuid, text, text, text, inet, text, text)', 'EXECUTE')
          AND NOT has_function_privilege('authenticated',
              'auth.record_csrf_refusal(uuid, uuid, text, text, text, inet, text, text)', 'EXECUTE'),
          'API roles may not');
SELECT matches((SELECT description FROM audit.actions WHERE action = 'auth.csrf.refused'),
               'PostgREST', 'the action''s description names both places');

SELECT * FROM finish();
ROLLBACK;
