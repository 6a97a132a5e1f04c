-- Requests with X-API-Key: what a presented key is worth (auth.authenticate_api_key() and
-- auth.check_api_key()), the constant-time digest comparison, the rate-limit arithmetic,
-- the functions the autonomous connection runs (counting, last use, audits of refusals),
-- and who may use what. The whole hook through dblink needs committed keys: see
-- tests/e2e/test_api_key_requests.py.
BEGIN;
SELECT plan(78);

\ir fixtures/identity.sql

-- Keys: a2's member key (3 requests a minute), the service account's, and keys that are
-- revoked, expired, of a disabled user (d1) and of an expired user (e1).
SELECT (k).id AS ka_id, (k).prefix AS ka_prefix, (k).api_key AS ka
  FROM (SELECT identity.issue_api_key('00000000-0000-4000-8000-0000000000a2', 'a2 key', ARRAY['member'],
                                      NULL, 3, NULL, NULL) AS k) x \gset
SELECT (k).id AS ks_id, (k).api_key AS ks
  FROM (SELECT identity.issue_api_key('00000000-0000-4000-8000-0000000005a0', 'sa key', ARRAY['service'],
                                      NULL, NULL, NULL, NULL) AS k) x \gset
SELECT (k).id AS kr_id, (k).prefix AS kr_prefix, (k).api_key AS kr
  FROM (SELECT identity.issue_api_key('00000000-0000-4000-8000-0000000000a2', 'revoked', ARRAY['admin'],
                                      NULL, NULL, NULL, NULL) AS k) x \gset
SELECT (k).id AS ke_id, (k).prefix AS ke_prefix, (k).api_key AS ke
  FROM (SELECT identity.issue_api_key('00000000-0000-4000-8000-0000000000a2', 'expiring', ARRAY['admin'],
                                      NULL, NULL, now() + interval '1 day', NULL) AS k) x \gset
SELECT (k).prefix AS kd_prefix, (k).api_key AS kd
  FROM (SELECT identity.issue_api_key('00000000-0000-4000-8000-0000000000d1', 'disabled', ARRAY['member'],
                                      NULL, NULL, NULL, NULL) AS k) x \gset
SELECT (k).prefix AS kx_prefix, (k).api_key AS kx
  FROM (SELECT identity.issue_api_key('00000000-0000-4000-8000-0000000000e1', 'expired user', ARRAY['member'],
                                      NULL, NULL, NULL, NULL) AS k) x \gset
UPDATE identity.api_keys SET revoked_at = now() - interval '1 minute' WHERE id = :'kr_id';
UPDATE identity.api_keys SET expires_at = now() - interval '1 second' WHERE id = :'ke_id';

-- Good keys ----------------------------------------------------------------------------------
SELECT is((SELECT row(principal_id, principal_type, api_key_id, role)::text
             FROM auth.authenticate_api_key(:'ka')),
          row('00000000-0000-4000-8000-0000000000a2'::uuid, 'user', :'ka_id'::uuid, 'authenticated')::text,
          'a user''s key authenticates as the user, with the role authenticated');
SELECT is((SELECT claims FROM auth.authenticate_api_key(:'ka')),
          jsonb_build_object('sub', '00000000-0000-4000-8000-0000000000a2', 'role', 'authenticated',
                             'principal_type', 'user', 'api_key_id', :'ka_id'),
          'its claims name the principal, the role and the key (identity.current_api_key_id())');
SELECT is((SELECT row(principal_id, principal_type, api_key_id, role)::text
             FROM auth.authenticate_api_key(:'ks')),
          row('00000000-0000-4000-8000-0000000005a0'::uuid, 'service_account', :'ks_id'::uuid, 'service')::text,
          'a service account''s key authenticates with the role service');
SELECT tests.authenticate_as('service', (SELECT claims FROM auth.authenticate_api_key(:'ks')));
SELECT is(identity.current_api_key_id(), :'ks_id'::uuid, 'the claims make the key the request''s key');
SELECT tests.clear_authentication();
SELECT is((SELECT row(outcome, rate_limit_per_min, message)::text FROM auth.check_api_key(:'ka')),
          row('ok', 3, NULL::text)::text, 'check_api_key: ok, with the key''s rate limit');

-- Refused keys -------------------------------------------------------------------------------
SELECT throws_ok(format('SELECT auth.authenticate_api_key(%L)', left(:'ka', -1) ||
                        CASE right(:'ka', 1) WHEN '0' THEN '1' ELSE '0' END),
                 'PT401', 'invalid API key', 'a wrong secret is refused (401)');
SELECT throws_ok(format('SELECT auth.authenticate_api_key(%L)', 'npk_000000000000_' || repeat('ab', 32)),
                 'PT401', 'invalid API key', 'an unknown prefix gets the same answer');
SELECT is(ARRAY(SELECT outcome FROM auth.check_api_key(left(:'ka', -1) || CASE right(:'ka', 1) WHEN '0' THEN '1' ELSE '0' END)
                UNION ALL
                SELECT outcome FROM auth.check_api_key('npk_000000000000_' || repeat('ab', 32))),
          ARRAY['wrong_secret', 'unknown'], 'the audit still tells them apart');
SELECT throws_ok($$SELECT auth.authenticate_api_key('hello')$$,
                 'PT401', 'the X-API-Key header does not hold an API key', 'a malformed key is refused');
SELECT throws_ok(format('SELECT auth.authenticate_api_key(%L)', upper(:'ka')),
                 'PT401', 'the X-API-Key header does not hold an API key', 'keys are lower-case hex');
SELECT throws_ok(format('SELECT auth.authenticate_api_key(%L)', :'ka' || ' '),
                 'PT401', 'the X-API-Key header does not hold an API key', 'nothing may follow the key');
SELECT throws_ok($$SELECT auth.authenticate_api_key(NULL)$$,
                 'PT401', 'the X-API-Key header does not hold an API key', 'no key is no key');
SELECT throws_ok(format('SELECT auth.authenticate_api_key(%L)', :'kr'),
                 'PT401', format('API key npk_%s has been revoked', :'kr_prefix'), 'a revoked key is refused');
SELECT throws_ok(format('SELECT auth.authenticate_api_key(%L)', :'ke'),
                 'PT401', format('API key npk_%s has expired', :'ke_prefix'), 'an expired key is refused');
SELECT throws_ok(format('SELECT auth.authenticate_api_key(%L)', :'kd'),
                 'PT401', format('the user of API key npk_%s is disabled', :'kd_prefix'),
                 'the key of a disabled user is refused');
SELECT throws_ok(format('SELECT auth.authenticate_api_key(%L)', :'kx'),
                 'PT401', format('the user of API key npk_%s has expired', :'kx_prefix'),
                 'the key of an expired user is refused');
UPDATE identity.principals SET disabled_at = now() WHERE id = '00000000-0000-4000-8000-0000000005a0';
SELECT throws_ok(format('SELECT auth.authenticate_api_key(%L)', :'ks'),
                 'PT401', format('the service account of API key npk_%s is disabled',
                                 (SELECT prefix FROM identity.api_keys WHERE id = :'ks_id')),
                 'the key of a disabled service account is refused');
UPDATE identity.principals SET disabled_at = NULL WHERE id = '00000000-0000-4000-8000-0000000005a0';
SELECT is((SELECT hint FROM auth.check_api_key(:'kr')), 'Use another key of yours, or create one.',
          'each refusal comes with a hint');
SELECT is((SELECT row(outcome, principal_id, claims)::text FROM auth.check_api_key(:'kr')),
          row('revoked', '00000000-0000-4000-8000-0000000000a2'::uuid, NULL::jsonb)::text,
          'a refused key has no claims');

-- Comparing digests --------------------------------------------------------------------------
SELECT ok(auth.digests_equal(sha256('x'), sha256('x')), 'equal digests are equal');
SELECT ok(NOT auth.digests_equal(sha256('x'), sha256('y')), 'different digests are not');
SELECT ok(NOT auth.digests_equal(sha256('x'), overlay(sha256('x') PLACING '\x00'::bytea FROM 32 FOR 1))
          AND NOT auth.digests_equal(sha256('x'), overlay(sha256('x') PLACING '\x00'::bytea FROM 1 FOR 1)),
          'a difference in the last or the first byte counts');
SELECT ok(NOT auth.digests_equal(sha256('x'), substr(sha256('x'), 1, 31))
          AND NOT auth.digests_equal(''::bytea, ''::bytea),
          'digests of other lengths, or empty ones, are never equal');

-- Rate-limit arithmetic ----------------------------------------------------------------------
SELECT is(auth.rate_limit_retry_after('2026-01-01 12:00:00+00', '2026-01-01 12:00:17.2+00'), 43,
          'Retry-After: the whole seconds left in the window, rounded up');
SELECT is(auth.rate_limit_retry_after('2026-01-01 12:00:00+00', '2026-01-01 12:00:59.9+00'), 1,
          'at least 1 second near the end');
SELECT is(auth.rate_limit_retry_after('2026-01-01 12:00:00+00', '2026-01-01 12:03:00+00'), 1,
          'and after it');

-- Counting (what the autonomous connection runs) ---------------------------------------------
CREATE FUNCTION pg_temp.counted(answer jsonb) RETURNS text LANGUAGE sql AS
$$ SELECT format('count %s, taken %s%s', answer ->> 'count', answer ->> 'taken',
                 CASE WHEN answer ? 'retry_after' THEN ', refused' ELSE '' END) $$;
SELECT is(pg_temp.counted(auth.count_api_key_request(:'ka_id', 3, 1, true, '192.0.2.7', 'pgtap', 'r-1')),
          'count 1, taken 1', 'the first request of a window counts 1');
SELECT is(pg_temp.counted(auth.count_api_key_request(:'ka_id', 3, 1, false, '192.0.2.7', 'pgtap', 'r-2')),
          'count 2, taken 1', 'the second 2');
SELECT is(pg_temp.counted(auth.count_api_key_request(:'ka_id', 3, 1, false, '192.0.2.7', 'pgtap', 'r-3')),
          'count 3, taken 1', 'the third is still within 3 a minute');
SELECT auth.count_api_key_request(:'ka_id', 3, 1, false, '192.0.2.7', 'pgtap', 'r-4') AS over \gset
SELECT is(pg_temp.counted(:'over'), 'count 4, taken 0, refused', 'the fourth is refused, and counted');
SELECT ok(((:'over'::jsonb) ->> 'retry_after')::integer BETWEEN 1 AND 60,
          'with the seconds left in the window');
SELECT is(pg_temp.counted(auth.count_api_key_request(:'ka_id', 3, 1, false, '192.0.2.7', 'pgtap', 'r-5')),
          'count 5, taken 0, refused', 'so is the fifth');
SELECT is((SELECT row(outcome, resource_type, resource_id, principal_id, ip, user_agent, request_id,
                      details ->> 'rate_limit_per_min')::text
             FROM audit.events WHERE action = 'api_key.rate_limited' AND resource_id = :'ka_prefix'),
          row('denied', 'api_key', :'ka_prefix', '00000000-0000-4000-8000-0000000000a2'::uuid,
              '192.0.2.7'::inet, 'pgtap', 'r-4', '3')::text,
          'only the first refusal of the window is audited, with the key, its principal and the client');
SELECT is((SELECT window_start FROM auth.api_key_request_counts WHERE api_key_id = :'ka_id'),
          date_trunc('minute', now(), 'UTC'), 'windows are UTC minutes');
UPDATE auth.api_key_request_counts SET window_start = window_start - interval '1 minute'
 WHERE api_key_id = :'ka_id';
SELECT is(pg_temp.counted(auth.count_api_key_request(:'ka_id', 3, 1, false, '192.0.2.7', 'pgtap', 'r-6')),
          'count 1, taken 1', 'a new window starts again at 1');
SELECT is(pg_temp.counted(auth.count_api_key_request(:'ks_id', 60, 1, false, NULL, NULL, NULL)),
          'count 1, taken 1', 'each key has its own counter');

-- Busy keys take requests in advance, never more than the limit leaves.
SELECT is(ARRAY[auth.api_key_lease_size(60), auth.api_key_lease_size(1999), auth.api_key_lease_size(2000),
                auth.api_key_lease_size(45000), auth.api_key_lease_size(1000000)],
          ARRAY[1, 1, 2, 45, 100], 'one at a time below 2,000 a minute; then limit/1000, at most 100');
SELECT is(pg_temp.counted(auth.count_api_key_request(:'ks_id', 25, 10, false, NULL, NULL, NULL)),
          'count 11, taken 10', 'a count may take several requests');
SELECT is(pg_temp.counted(auth.count_api_key_request(:'ks_id', 25, 10, false, NULL, NULL, NULL)),
          'count 21, taken 10', 'and again');
SELECT is(pg_temp.counted(auth.count_api_key_request(:'ks_id', 25, 10, false, NULL, NULL, NULL)),
          'count 25, taken 4', 'only what the limit leaves');
SELECT is(pg_temp.counted(auth.count_api_key_request(:'ks_id', 25, 10, false, NULL, NULL, NULL)),
          'count 26, taken 0, refused', 'then none: refused, counted as one');
SELECT is((SELECT count(*)::integer FROM audit.events e JOIN identity.api_keys k ON k.prefix = e.resource_id
            WHERE e.action = 'api_key.rate_limited' AND k.id = :'ks_id'), 1, 'and audited once');
SELECT is(auth.keep_leased_requests(:'ks_id', date_trunc('minute', now(), 'UTC'), 2)::text, '',
          'a backend keeps what it took in advance');
SELECT is(ARRAY[auth.take_leased_request(:'ks_id', date_trunc('minute', now(), 'UTC')),
                auth.take_leased_request(:'ks_id', date_trunc('minute', now(), 'UTC') + interval '1 minute'),
                auth.take_leased_request(:'ks_id', date_trunc('minute', now(), 'UTC')),
                auth.take_leased_request(:'ks_id', date_trunc('minute', now(), 'UTC')),
                auth.take_leased_request(:'ka_id', date_trunc('minute', now(), 'UTC'))],
          ARRAY[true, false, true, false, false],
          'and spends it one by one, in its window only, for its key only');

-- Last use: at most once a minute, and no change of updated_at.
SET LOCAL session_replication_role = replica;  -- past the trigger that keeps updated_at
UPDATE identity.api_keys SET updated_at = now() - interval '1 hour' WHERE id = :'ka_id';
SET LOCAL session_replication_role = origin;
SELECT is((SELECT last_used_at FROM identity.api_keys WHERE id = :'ka_id'), now(),
          'the first counted request with touch set last_used_at');
UPDATE identity.api_keys SET last_used_at = now() - interval '30 seconds' WHERE id = :'ka_id';
SELECT auth.count_api_key_request(:'ka_id', 3, 1, true, NULL, NULL, NULL);
SELECT is((SELECT last_used_at FROM identity.api_keys WHERE id = :'ka_id'), now() - interval '30 seconds',
          'within a minute of the last use it is left alone');
UPDATE identity.api_keys SET last_used_at = now() - interval '2 minutes' WHERE id = :'ka_id';
SELECT auth.count_api_key_request(:'ka_id', 3, 1, true, NULL, NULL, NULL);
SELECT is((SELECT last_used_at FROM identity.api_keys WHERE id = :'ka_id'), now(),
          'after a minute it moves');
SELECT is((SELECT updated_at FROM identity.api_keys WHERE id = :'ka_id'), now() - interval '1 hour',
          'using a key is no change of it: updated_at stays');
UPDATE identity.api_keys SET name = 'renamed', last_used_at = now() WHERE id = :'ka_id';
SELECT is((SELECT updated_at FROM identity.api_keys WHERE id = :'ka_id'), now(),
          'a real change moves updated_at');

-- Refusals: audited once a minute per key, or per address when the key names none.
SELECT is(auth.record_api_key_rejection(:'kr_id', :'kr_prefix', 'revoked', '192.0.2.8', 'pgtap', NULL),
          '{"audited": true}', 'the first refusal of a key in a minute is audited');
SELECT is(auth.record_api_key_rejection(:'kr_id', :'kr_prefix', 'revoked', '192.0.2.8', 'pgtap', NULL),
          '{"audited": false}', 'the next ones are only counted');
SELECT is((SELECT row(outcome, resource_id, principal_id, org_id, details)::text
             FROM audit.events WHERE action = 'api_key.rejected' AND resource_id = :'kr_prefix'),
          row('denied', :'kr_prefix', NULL::uuid, NULL::uuid, '{"reason": "revoked"}'::jsonb)::text,
          'the event names the key and the reason, not the sender');
SELECT is(auth.record_api_key_rejection(NULL, NULL, 'malformed', '2001:db8:1:2::5', NULL, NULL),
          '{"audited": true}', 'a malformed key is audited per client address');
SELECT is(auth.record_api_key_rejection(NULL, '000000000000', 'unknown', '2001:db8:1:2::77', NULL, NULL),
          '{"audited": false}', 'an IPv6 client counts by its /64');
SELECT is((SELECT rejection_count FROM auth.api_key_rejections WHERE subject = 'address:2001:db8:1:2::/64'), 2,
          'both refusals counted');
UPDATE auth.api_key_rejections SET window_start = window_start - interval '5 minutes';
SELECT ok(auth.purge_api_key_rejections() >= 2, 'past minutes are purged');

SELECT ok(NOT EXISTS (SELECT FROM audit.events e
                       WHERE e::text LIKE '%' || substr(:'ka', 18) || '%'
                          OR e::text LIKE '%' || substr(:'kr', 18) || '%'),
          'no audit event holds a key''s secret');

SELECT ok(auth.autonomous_conninfo()
          ~ ('^host=''[^'']+'' port=''' || current_setting('port') || ''' dbname=''' || current_database()
             || ''' user=neuronplane_autonomous password=''[0-9a-f]{64}'' '),
          'the autonomous connection goes to this database as neuronplane_autonomous, with the stored password');

-- The hook -----------------------------------------------------------------------------------
SELECT set_config('request.headers', '{}', true) AS headers \gset
SELECT tests.authenticate_as('anon', '{"role": "anon"}');
SELECT lives_ok('SELECT hooks.pre_request()', 'an anonymous request passes, uncounted');
SELECT tests.clear_authentication();
SELECT set_config('request.headers',
                  jsonb_build_object('x-api-key', :'ka', 'authorization', 'Bearer x.y.z')::text,
                  true) AS headers \gset
SELECT tests.authenticate_as('authenticated', '{"role": "authenticated", "sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT throws_ok('SELECT hooks.pre_request()', 'PT401',
                 'a request carries an access token or an API key, not both',
                 'a request with a token and a key is refused');
SELECT tests.clear_authentication();
SELECT set_config('request.headers', '{}', true) AS headers \gset
SELECT ok((SELECT NOT prosecdef FROM pg_proc WHERE oid = 'hooks.pre_request()'::regprocedure),
          'the hook is SECURITY INVOKER, so that it may switch roles');
SELECT tests.authenticate_as('anon');
SELECT lives_ok($$SELECT set_config('role', 'service', true)$$, 'anon may become service');
SELECT tests.clear_authentication();
SELECT tests.authenticate_as('anon');
SELECT lives_ok($$SELECT set_config('role', 'authenticated', true)$$, 'and authenticated');
SELECT tests.clear_authentication();

-- Who may do what ----------------------------------------------------------------------------
SELECT ok(NOT pg_has_role('anon', 'service', 'USAGE') AND NOT pg_has_role('anon', 'authenticated', 'USAGE'),
          'anon holds none of their privileges before switching');
SELECT ok(NOT has_table_privilege(r, t, 'SELECT'), format('%s cannot read %s', r, t))
  FROM unnest(ARRAY['anon', 'authenticated', 'service', 'neuronplane_autonomous']) AS r,
       unnest(ARRAY['auth.api_key_request_counts', 'auth.autonomous_logins']) AS t;
SELECT ok(NOT has_function_privilege(r, 'extensions.dblink(text, text)', 'EXECUTE'),
          format('%s cannot use dblink', r))
  FROM unnest(ARRAY['anon', 'authenticated', 'service', 'neuronplane_worker', 'neuronplane_autonomous']) AS r;
SELECT ok(NOT has_function_privilege('authenticated', 'auth.count_api_key_request(uuid, integer, integer, boolean, inet, text, text)', 'EXECUTE')
          AND has_function_privilege('neuronplane_autonomous', 'auth.count_api_key_request(uuid, integer, integer, boolean, inet, text, text)', 'EXECUTE'),
          'only the autonomous login counts');

SELECT * FROM finish();
ROLLBACK;
