-- audit.record(): validation, request metadata, redaction, append-only, partitions.
BEGIN;
SELECT plan(38);

-- Validation --------------------------------------------------------------------------
SELECT throws_ok($$SELECT audit.record('auth.login.nope')$$, '22023',
                 'unknown audit action "auth.login.nope"', 'an action outside the catalogue is refused');
SELECT throws_ok($$SELECT audit.record('auth.login.failed', 'maybe')$$, '22023',
                 'audit outcome must be success, failure or denied, not "maybe"',
                 'an unknown outcome is refused');
SELECT throws_ok($$SELECT audit.record('auth.login.failed', 'failure',
                                       principal_id => '00000000-0000-4000-8000-000000000001')$$,
                 '22023', 'principal_id and principal_type go together',
                 'a principal without its type is refused');
SELECT throws_ok($$SELECT audit.record('auth.login.failed', 'failure', details => '[1, 2]')$$,
                 '22023', 'audit details must be a JSON object, not array',
                 'details that are not an object are refused');
SELECT throws_ok($$SELECT audit.record('auth.login.failed', 'failure',
                                       principal_id => '00000000-0000-4000-8000-000000000001',
                                       principal_type => 'robot')$$,
                 '22023', 'unknown principal type "robot"', 'an unknown principal type is refused');

SELECT throws_ok($$SELECT audit.record('auth.login.failed', 'failure', 'API Key')$$,
                 '22023', 'resource_type must be a lower-case snake_case name, not "API Key"',
                 'a resource type that is not snake_case is refused');
SELECT throws_ok($$SELECT audit.record(NULL)$$, '22023', 'unknown audit action "<NULL>"',
                 'a missing action is refused');
INSERT INTO audit.actions VALUES ('test.thing.happened', 'Only in this test.');
SELECT lives_ok($$SELECT audit.record('test.thing.happened')$$,
                'an action added to the catalogue is accepted at once (the check is recompiled)');
DELETE FROM audit.actions WHERE action = 'test.thing.happened';
SELECT throws_ok($$SELECT audit.record('test.thing.happened')$$, '22023',
                 'unknown audit action "test.thing.happened"', 'and refused once removed');

-- A direct SQL client ------------------------------------------------------------------
SELECT audit.record('auth.login.succeeded', 'success', 'user', 'u-1', '{"method": "password"}',
                    '00000000-0000-4000-8000-000000000001', 'user',
                    org_id => '00000000-0000-4000-8000-0000000000a1') AS first_id \gset
SELECT is((SELECT row(action, outcome, resource_type, resource_id, principal_type, org_id::text,
                      details::text)::text FROM audit.events WHERE id = :first_id),
          row('auth.login.succeeded', 'success', 'user', 'u-1', 'user',
              '00000000-0000-4000-8000-0000000000a1', '{"method": "password"}')::text,
          'record() stores what it is given');
SELECT ok((SELECT occurred_at BETWEEN now() AND clock_timestamp() FROM audit.events
            WHERE id = :first_id), 'occurred_at is the server''s clock');
SELECT is((SELECT ip FROM audit.events WHERE id = :first_id), inet_client_addr(),
          'without request headers the address is the SQL client''s');

-- A PostgREST request ------------------------------------------------------------------
SELECT set_config('request.headers', '{"user-agent": "curl/8.5", "x-request-id": "req-42", '
                  '"x-forwarded-for": "203.0.113.9, 198.51.100.7"}', true);
SELECT audit.record('auth.login.failed', 'failure') AS no_proxy_id \gset
SELECT is((SELECT row(ip, user_agent, request_id)::text FROM audit.events WHERE id = :no_proxy_id),
          row(NULL::inet, 'curl/8.5', 'req-42')::text,
          'user agent and request id come from the headers; no trusted proxy, no address');

UPDATE audit.settings SET trusted_proxy_header = 'x-forwarded-for';
SELECT audit.record('auth.login.failed', 'failure') AS proxy_id \gset
SELECT is((SELECT ip FROM audit.events WHERE id = :proxy_id), '198.51.100.7'::inet,
          'with a trusted proxy, the address is the last one it appended');
SELECT audit.record('auth.login.failed', 'failure', ip => '192.0.2.1') AS given_id \gset
SELECT is((SELECT ip FROM audit.events WHERE id = :given_id), '192.0.2.1'::inet,
          'an address passed by the caller wins');
SELECT set_config('request.headers', '{"x-forwarded-for": "not an address"}', true);
SELECT audit.record('auth.login.failed', 'failure') AS junk_id \gset
SELECT is((SELECT ip FROM audit.events WHERE id = :junk_id), NULL::inet,
          'a header that is not an address gives no address, not an error');
SELECT set_config('request.headers', json_build_object('user-agent', repeat('x', 2000))::text, true);
SELECT audit.record('auth.login.failed', 'failure') AS long_ua_id \gset
SELECT is((SELECT length(user_agent) FROM audit.events WHERE id = :long_ua_id), 512,
          'an overlong user agent is cut to 512 characters');
SELECT set_config('request.headers', '', true);
UPDATE audit.settings SET trusted_proxy_header = NULL;

-- Redaction and size -------------------------------------------------------------------
SELECT audit.record('auth.login.failed', 'failure', details =>
    '{"reason": "bad password", "password": "hunter2-hunter2", "attempt": {"Refresh_Token": "rt-SECRET", "n": 3}, "headers": [{"Authorization": "Bearer abc"}]}')
    AS redacted_id \gset
SELECT is((SELECT details FROM audit.events WHERE id = :redacted_id),
          '{"reason": "bad password", "password": "[redacted]", "attempt": {"Refresh_Token": "[redacted]", "n": 3}, "headers": [{"Authorization": "[redacted]"}]}'::jsonb,
          'secret-named keys are redacted at any depth; other keys are kept');
SELECT audit.record('auth.login.failed', 'failure',
                    details => jsonb_build_object('blob', repeat('y', 20000))) AS big_id \gset
SELECT is((SELECT details FROM audit.events WHERE id = :big_id),
          jsonb_build_object('truncated', true, 'original_bytes',
                             pg_column_size(jsonb_build_object('blob', repeat('y', 20000)))),
          'oversized details are replaced by a marker; the event is kept');

-- Append-only ---------------------------------------------------------------------------
SELECT throws_ok(format('UPDATE audit.events SET outcome = %L WHERE id = %s', 'denied', :first_id),
                 '42501', 'audit.events_' || to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM')
                          || ' is append-only: UPDATE is refused',
                 'UPDATE is refused even to the superuser');
SELECT throws_ok(format('DELETE FROM audit.events WHERE id = %s', :first_id),
                 '42501', 'audit.events_' || to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM')
                          || ' is append-only: DELETE is refused',
                 'DELETE is refused even to the superuser');
SELECT throws_ok('TRUNCATE audit.events', '42501', 'audit.events is append-only: TRUNCATE is refused',
                 'TRUNCATE of the log is refused');
SELECT throws_ok(format('TRUNCATE audit.%I', 'events_' || to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM')),
                 '42501', 'audit.events_' || to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM')
                          || ' is append-only: TRUNCATE is refused',
                 'TRUNCATE of a partition is refused');
SELECT throws_ok('TRUNCATE audit.seals', '42501', 'audit.seals is append-only: TRUNCATE is refused',
                 'TRUNCATE of the seals is refused');

-- Privileges, from each role's side -----------------------------------------------------
SELECT tests.authenticate_as('neuronplane_worker');
SELECT lives_ok($$SELECT audit.record('auth.oidc.failed', 'failure', details => '{"reason": "state"}')$$,
                'the worker may record events');
SELECT throws_ok($$INSERT INTO audit.events (action, outcome) VALUES ('auth.logout', 'success')$$,
                 '42501', 'permission denied for table events', 'the worker may not insert directly');
SELECT throws_ok(format('UPDATE audit.events SET outcome = %L', 'denied'), '42501',
                 'permission denied for table events', 'the worker may not update events');
SELECT throws_ok('SELECT audit.seal()', '42501', 'permission denied for function seal',
                 'the worker may not seal');
SELECT tests.clear_authentication();

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-000000000001"}');
SELECT throws_ok($$SELECT audit.record('auth.login.succeeded')$$, '42501',
                 'permission denied for function record', 'a signed-in user may not forge events');
SELECT throws_ok($$SELECT * FROM audit.verify()$$, '42501', 'permission denied for function verify',
                 'a signed-in user may not run verify');
SELECT throws_ok($$SELECT * FROM audit.seals$$, '42501', 'permission denied for table seals',
                 'a signed-in user may not read the seals');
SELECT tests.clear_authentication();

SELECT tests.authenticate_as('anon');
SELECT throws_ok($$SELECT audit.record('auth.login.succeeded')$$, '42501',
                 'permission denied for schema audit', 'anon may not record events');
SELECT tests.clear_authentication();

-- Partitions -----------------------------------------------------------------------------
SELECT is(audit.ensure_partitions(), 0, 'ensure_partitions() is idempotent');
SELECT is((SELECT count(*)::integer FROM pg_inherits
            WHERE inhparent = 'audit.events'::regclass
              AND inhrelid::regclass::text IN (
                  SELECT 'audit.events_' || to_char(m, 'YYYY_MM')
                    FROM generate_series(date_trunc('month', now() AT TIME ZONE 'UTC'),
                                         date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months',
                                         interval '1 month') AS m)),
          4, 'this month''s and the next three months'' partitions exist');
SELECT is(audit.ensure_partitions(6), 6, 'more months ahead create events and seals partitions');
SELECT throws_ok('SELECT audit.ensure_partitions(99)', '22023',
                 'months_ahead must be between 0 and 24, not 99', 'an absurd horizon is refused');
SELECT is(audit.month_of('2026-03-31 23:30:00-05'), '2026-04-01'::date,
          'months are UTC months');
SELECT is((SELECT count(*)::integer FROM pg_trigger
            WHERE tgrelid = format('audit.%I', 'events_' || to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM'))::regclass
              AND tgname IN ('events_append_only', 'events_no_truncate')),
          2, 'each partition carries the append-only and truncate guards');

SELECT * FROM finish();
ROLLBACK;
