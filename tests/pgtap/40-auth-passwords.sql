-- Passwords: the policy, argon2id hashing and rehashing, password logins with their
-- lockouts and per-address limits, audit events, and that unknown users cost the same time.
-- The lockout code reads clock_timestamp(); tests move the stored times back instead of
-- waiting.
BEGIN;
SELECT plan(95);

-- users: ...41 alice (active)  ...42 bob (disabled, has a password)  ...43 carol (no
-- password)  ...44 dave (expired, has a password)
INSERT INTO identity.users (id, username, email) VALUES
    ('00000000-0000-4000-8000-000000000041', 'pw_alice', 'alice.liddell@example.org'),
    ('00000000-0000-4000-8000-000000000042', 'pw_bob', 'bob@example.org'),
    ('00000000-0000-4000-8000-000000000043', 'pw_carol', 'carol@example.org'),
    ('00000000-0000-4000-8000-000000000044', 'pw_dave', NULL);
\set alice '00000000-0000-4000-8000-000000000041'
\set good 'Correct horse battery staple'

SELECT coalesce(max(id), 0) AS start_id FROM audit.events \gset

-- Each login attempt is kept, so that a test can look at all three outputs.
CREATE TEMP TABLE tries (n serial PRIMARY KEY, outcome text, user_id uuid, retry_after integer);
CREATE FUNCTION pg_temp.try(login text, password text, ip inet, user_agent text DEFAULT 'pgtap-agent')
RETURNS text
LANGUAGE sql
AS $$
    INSERT INTO tries (outcome, user_id, retry_after)
    SELECT a.outcome, a.user_id, a.retry_after
      FROM auth.attempt_password_login(login, password, ip, user_agent) a
    RETURNING outcome
$$;
CREATE FUNCTION pg_temp.last_try() RETURNS tries LANGUAGE sql AS $$
    SELECT * FROM tries ORDER BY n DESC LIMIT 1
$$;
-- argon2id with weaker parameters than ours, as an older deployment would have stored.
CREATE FUNCTION pg_temp.weak_hash(password text) RETURNS text
LANGUAGE plpython3u AS $$
from argon2 import PasswordHasher
return PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(password)
$$;

-- Policy ------------------------------------------------------------------------------------
SELECT throws_ok($$SELECT auth.set_password('00000000-0000-4000-8000-000000000041', 'Sh0rt-pw')$$,
                 '22023', 'the password is too short: use at least 12 characters',
                 'a password shorter than password_min_length is refused');
SELECT throws_ok($$SELECT auth.set_password('00000000-0000-4000-8000-000000000041', repeat('x7', 129))$$,
                 '22023', 'the password is too long: use at most 256 characters',
                 'a password longer than password_max_length is refused');
SELECT throws_ok($$SELECT auth.set_password('00000000-0000-4000-8000-000000000041', 'my name is PW_Alice, ok?')$$,
                 '22023', 'the password must not contain the username',
                 'a password containing the username, whatever the case, is refused');
SELECT throws_ok($$SELECT auth.set_password('00000000-0000-4000-8000-000000000041', 'xx-Alice.Liddell-1899')$$,
                 '22023', 'the password must not contain the e-mail address or its part before the @',
                 'a password containing the e-mail''s local part is refused');
SELECT throws_ok($$SELECT auth.set_password('00000000-0000-4000-8000-000000000041', 'Password1234')$$,
                 '22023', 'the password is too common: it is on a list of frequently used passwords',
                 'a common password is refused, whatever the case');
SELECT throws_ok($$SELECT auth.set_password('00000000-0000-4000-8000-000000000041', NULL)$$,
                 '22023', 'a password is required', 'a missing password is refused');
SELECT throws_ok($$SELECT auth.set_password('00000000-0000-4000-8000-00000000dead', 'Correct horse battery staple')$$,
                 '42704', 'there is no user with id 00000000-0000-4000-8000-00000000dead',
                 'a password for no user is refused');
SELECT lives_ok($$SELECT auth.check_password_policy('ab-ab-ab-ab-ab-zz', 'ab', 'ab@example.org')$$,
                'a username or local part under 3 characters is not looked for');
UPDATE auth.settings SET password_min_length = 16;
SELECT throws_ok($$SELECT auth.check_password_policy('fifteen chars!!', 'x', NULL)$$,
                 '22023', 'the password is too short: use at least 16 characters',
                 'the minimum follows auth.settings');
UPDATE auth.settings SET password_min_length = 12;
SELECT cmp_ok((SELECT count(*) FROM auth.common_passwords), '>=', 10000::bigint,
              'at least 10,000 common passwords are shipped');

-- Hashing -----------------------------------------------------------------------------------
SELECT lives_ok(format('SELECT auth.set_password(%L, %L)', :'alice', :'good'),
                'a password that follows the policy is set');
SELECT matches((SELECT password_hash FROM auth.credentials WHERE user_id = :'alice'),
               '^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$',
               'it is stored as argon2id, m=19 MiB, t=2, p=1, 16-byte salt, 32-byte tag');
SELECT ok(auth.argon2_verify((SELECT password_hash FROM auth.credentials WHERE user_id = :'alice'), :'good'),
          'the hash verifies the password');
SELECT ok(NOT auth.argon2_verify((SELECT password_hash FROM auth.credentials WHERE user_id = :'alice'),
                                 'correct horse battery staple'),
          'and not another one (case matters)');
SELECT is(auth.argon2_verify('not a hash', 'whatever'), false, 'a malformed hash verifies nothing and does not raise');
SELECT is(auth.argon2_verify_dummy('whatever'), false, 'the dummy verification never matches');
SELECT is(auth.verify_password(:'alice', :'good'), true, 'verify_password: the right password');
SELECT is(auth.verify_password(:'alice', 'Wrong horse battery staple'), false, 'verify_password: a wrong one');
SELECT is(auth.verify_password('00000000-0000-4000-8000-000000000043', 'anything at all'), false,
          'verify_password: a user without password');
SELECT isnt(auth.argon2_hash(:'good'), auth.argon2_hash(:'good'), 'each hash has its own salt');
SELECT is((SELECT changed_at FROM auth.credentials WHERE user_id = :'alice'), now(),
          'changed_at is set');

-- Logins --------------------------------------------------------------------------------------
SELECT auth.set_password('00000000-0000-4000-8000-000000000042', 'Robert''s own long passphrase');
SELECT auth.set_password('00000000-0000-4000-8000-000000000044', 'Dave''s own long password');
UPDATE identity.users SET disabled_at = now() WHERE id = '00000000-0000-4000-8000-000000000042';
UPDATE identity.principals SET expires_at = now() - interval '1 minute'
 WHERE id = '00000000-0000-4000-8000-000000000044';

SELECT is(pg_temp.try('pw_alice', :'good', '192.0.2.1', 'ua-login-test'), 'ok', 'the right password: ok');
SELECT is((pg_temp.last_try()).user_id, :'alice'::uuid, 'with the user''s id');
SELECT is((pg_temp.last_try()).retry_after, NULL, 'and no retry_after');
SELECT is(pg_temp.try('ALICE.Liddell@Example.ORG', :'good', '192.0.2.2'), 'ok',
          'the e-mail address works as the login name, whatever the case');
SELECT is(pg_temp.try('PW_Alice', :'good', '192.0.2.2'), 'ok', 'and the username whatever the case');
SELECT is(pg_temp.try('pw_alice', 'Wrong horse battery staple', '192.0.2.3'), 'invalid', 'a wrong password: invalid');
SELECT is((pg_temp.last_try()).user_id, NULL, 'with no user id');
SELECT is(pg_temp.try('pw_nobody', :'good', '192.0.2.3'), 'invalid', 'an unknown user: invalid');
SELECT is(pg_temp.try('pw_bob', 'Robert''s own long passphrase', '192.0.2.4'), 'invalid',
          'a disabled user with the right password: invalid');
SELECT is(pg_temp.try('pw_dave', 'Dave''s own long password', '192.0.2.4'), 'invalid',
          'an expired user with the right password: invalid');
SELECT is(pg_temp.try('pw_carol', '', '192.0.2.5'), 'invalid', 'a user without password: invalid');
SELECT is(pg_temp.try(NULL, NULL, '192.0.2.5'), 'invalid', 'no login name nor password: invalid');
SELECT is(pg_temp.try('pw_alice', repeat('x', 5000), '192.0.2.5'), 'invalid', 'an over-long password: invalid');

-- Audit ---------------------------------------------------------------------------------------
SELECT results_eq(format($$SELECT principal_id, principal_type, resource_id, host(ip), user_agent,
                                  details, outcome
                             FROM audit.events WHERE id > %s AND action = 'auth.login.succeeded'
                            ORDER BY id LIMIT 1$$, :start_id),
                  $$VALUES ('00000000-0000-4000-8000-000000000041'::uuid, 'user'::text,
                            '00000000-0000-4000-8000-000000000041'::text, '192.0.2.1'::text,
                            'ua-login-test'::text, '{"method": "password"}'::jsonb, 'success'::text)$$,
                  'a successful login is audited with the user, address and user agent');
SELECT results_eq(format($$SELECT details ->> 'login', details ->> 'reason', host(ip), user_agent,
                                  principal_id IS NULL, outcome
                             FROM audit.events WHERE id > %s AND action = 'auth.login.failed'
                            ORDER BY id$$, :start_id),
                  $$VALUES ('pw_alice', 'invalid_credentials', '192.0.2.3', 'pgtap-agent', true, 'failure'),
                           ('pw_nobody', 'invalid_credentials', '192.0.2.3', 'pgtap-agent', true, 'failure'),
                           ('pw_bob', 'invalid_credentials', '192.0.2.4', 'pgtap-agent', true, 'failure'),
                           ('pw_dave', 'invalid_credentials', '192.0.2.4', 'pgtap-agent', true, 'failure'),
                           ('pw_carol', 'invalid_credentials', '192.0.2.5', 'pgtap-agent', true, 'failure'),
                           (NULL, 'invalid_credentials', '192.0.2.5', 'pgtap-agent', true, 'failure'),
                           ('pw_alice', 'invalid_credentials', '192.0.2.5', 'pgtap-agent', true, 'failure')$$,
                  'every failed login is audited with the same reason, whether or not the account exists');
SELECT is_empty(format($$SELECT id FROM audit.events WHERE id > %s
                          AND (details ? 'password' OR details::text LIKE '%%horse%%')$$, :start_id),
                'no login event holds a password');

-- Rehash --------------------------------------------------------------------------------------
UPDATE auth.credentials SET password_hash = pg_temp.weak_hash(:'good') WHERE user_id = :'alice';
SELECT ok(auth.argon2_needs_rehash((SELECT password_hash FROM auth.credentials WHERE user_id = :'alice')),
          'a hash made with weaker parameters needs a rehash');
SELECT is(pg_temp.try('pw_alice', :'good', '192.0.2.6'), 'ok', 'it still logs in');
SELECT matches((SELECT password_hash FROM auth.credentials WHERE user_id = :'alice'),
               '^\$argon2id\$v=19\$m=19456,t=2,p=1\$', 'and the login rehashed it with the current parameters');
SELECT ok(auth.argon2_verify((SELECT password_hash FROM auth.credentials WHERE user_id = :'alice'), :'good'),
          'the new hash verifies the same password');
UPDATE auth.credentials SET password_hash = pg_temp.weak_hash(:'good') WHERE user_id = :'alice';
SELECT is(pg_temp.try('pw_alice', 'Wrong horse battery staple', '192.0.2.6'), 'invalid',
          'a wrong password against a weaker hash: invalid');
SELECT matches((SELECT password_hash FROM auth.credentials WHERE user_id = :'alice'),
               '^\$argon2id\$v=19\$m=8192,t=1,p=1\$', 'and no rehash');
SELECT is(auth.verify_password(:'alice', :'good'), true, 'verify_password accepts the weaker hash');
SELECT matches((SELECT password_hash FROM auth.credentials WHERE user_id = :'alice'),
               '^\$argon2id\$v=19\$m=19456,t=2,p=1\$', 'and rehashes it too');

-- The lockout rule ----------------------------------------------------------------------------
SELECT results_eq($$SELECT n, auth.lockout_delay(n) FROM generate_series(4, 7) n
                    UNION ALL SELECT 20, auth.lockout_delay(20) ORDER BY 1$$,
                  $$VALUES (4, NULL::interval), (5, '30 seconds'), (6, '60 seconds'), (7, '120 seconds'),
                           (20, '1 hour')$$,
                  'the delay: none below the threshold, then 30 s doubling, at most an hour');
SELECT is(auth.next_failure_count(3, clock_timestamp() - interval '14 minutes', NULL, clock_timestamp()), 4,
          'a failure within the window counts on');
SELECT is(auth.next_failure_count(3, clock_timestamp() - interval '16 minutes', NULL, clock_timestamp()), 1,
          'after a quiet window counting starts again');
SELECT is(auth.next_failure_count(9, clock_timestamp() - interval '40 minutes',
                                  clock_timestamp() - interval '5 minutes', clock_timestamp()), 10,
          'the window runs from the end of the lock, so the delay keeps doubling');

-- Account lockout: each attempt from its own address, so that only the account counts.
DELETE FROM auth.account_login_failures;
DELETE FROM auth.address_login_failures;
SELECT is(array_agg(pg_temp.try('pw_alice', 'Wrong horse battery staple', ('198.51.100.' || i)::inet) ORDER BY i),
          array_fill('invalid'::text, ARRAY[5]), 'five wrong passwords: invalid each')
  FROM generate_series(1, 5) i;
SELECT results_eq(format($$SELECT failure_count, user_id FROM auth.account_login_failures
                            WHERE account_key = 'user:%s'$$, :'alice'),
                  format($$VALUES (5, %L::uuid)$$, :'alice'), 'they are counted for the account');
SELECT is(pg_temp.try('pw_alice', :'good', '198.51.100.6'), 'locked', 'then even the right password is locked out');
SELECT ok((pg_temp.last_try()).retry_after BETWEEN 1 AND 30, 'with retry_after within the 30 s delay');
SELECT is((pg_temp.last_try()).user_id, NULL, 'and no user id');
SELECT results_eq(format($$SELECT details ->> 'reason', details ->> 'scope', resource_id, host(ip), outcome
                             FROM audit.events WHERE id > %s AND action = 'auth.login.locked'$$, :start_id),
                  $$VALUES ('too_many_failures', 'account', '00000000-0000-4000-8000-000000000041', '198.51.100.6', 'denied')$$,
                  'the locked attempt is audited');
SELECT is((SELECT (details ->> 'locked_for')::integer FROM audit.events
            WHERE action = 'auth.login.failed' AND host(ip) = '198.51.100.5'), 30,
          'the failure that started the lock says for how long');
-- 31 seconds later
UPDATE auth.account_login_failures
   SET first_failure_at = first_failure_at - interval '31 seconds',
       last_failure_at = last_failure_at - interval '31 seconds',
       locked_until = locked_until - interval '31 seconds';
SELECT is(pg_temp.try('pw_alice', 'Wrong horse battery staple', '198.51.100.7'), 'invalid',
          'after the lock another wrong password is tried: invalid');
SELECT is(pg_temp.try('pw_alice', :'good', '198.51.100.8'), 'locked', 'and locks again');
SELECT ok((pg_temp.last_try()).retry_after BETWEEN 31 AND 60, 'for twice as long');
UPDATE auth.account_login_failures
   SET last_failure_at = last_failure_at - interval '61 seconds',
       locked_until = locked_until - interval '61 seconds';
SELECT is(pg_temp.try('pw_alice', :'good', '198.51.100.9'), 'ok', 'after the lock the right password logs in');
SELECT is_empty($$SELECT FROM auth.account_login_failures WHERE user_id = '00000000-0000-4000-8000-000000000041'$$,
                'and clears the account''s failures');

-- An unknown login name locks like an account: the lockout tells nothing either.
SELECT is(array_agg(pg_temp.try('pw_ghost', 'Wrong horse battery staple', ('198.51.101.' || i)::inet) ORDER BY i),
          array_fill('invalid'::text, ARRAY[5]), 'an unknown name: five times invalid')
  FROM generate_series(1, 5) i;
SELECT is(pg_temp.try('PW_GHOST', 'Wrong horse battery staple', '198.51.101.6'), 'locked',
          'then locked, like an account, whatever the case');
SELECT is((SELECT count(*)::integer FROM auth.account_login_failures
            WHERE account_key LIKE 'login:%' AND user_id IS NULL AND failure_count = 5), 1,
          'counted under a digest of the name');
SELECT is_empty($$SELECT FROM auth.account_login_failures WHERE account_key LIKE '%ghost%'$$,
                'not under the name itself');

-- Address lockout: failures for several names from one address lock the address.
SELECT is(array_agg(pg_temp.try('pw_name' || i, 'Wrong horse battery staple', '203.0.113.7') ORDER BY i),
          array_fill('invalid'::text, ARRAY[5]), 'five failures from one address, each for another name')
  FROM generate_series(1, 5) i;
SELECT is(pg_temp.try('pw_alice', :'good', '203.0.113.7'), 'locked', 'lock the address, even for the right password');
SELECT is((SELECT details ->> 'scope' FROM audit.events WHERE action = 'auth.login.locked' AND host(ip) = '203.0.113.7'),
          'address', 'audited as an address lock');
SELECT is(pg_temp.try('pw_alice', :'good', '203.0.113.8'), 'ok', 'other addresses are not locked');
SELECT is(pg_temp.try('pw_alice', :'good', NULL), 'ok', 'without an address only the account counts');
SELECT is(auth.login_address('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64'::inet, 'an IPv6 client counts by its /64');
SELECT is(auth.login_address('::ffff:192.0.2.9'), '::ffff:192.0.2.9/128'::inet, 'an IPv4-mapped one by its address');
SELECT is(auth.login_address('192.0.2.9/24'), '192.0.2.9/32'::inet, 'an IPv4 client by its address');

-- Per-address rate limit.
UPDATE auth.settings SET login_rate_limit_per_min = 3;
SELECT is(array_agg(pg_temp.try('pw_alice', :'good', '203.0.113.50') ORDER BY i),
          ARRAY['ok', 'ok', 'ok', 'rate_limited', 'rate_limited'],
          'the attempts of an address beyond login_rate_limit_per_min: rate_limited')
  FROM generate_series(1, 5) i;
SELECT ok((pg_temp.last_try()).retry_after BETWEEN 1 AND 60, 'retry_after ends the minute');
SELECT results_eq($$SELECT details ->> 'reason', details ->> 'scope', outcome FROM audit.events
                     WHERE action = 'auth.login.locked' AND host(ip) = '203.0.113.50'$$,
                  $$VALUES ('rate_limited', 'address', 'denied')$$,
                  'the first refusal of the minute is audited, not each one');
SELECT is(pg_temp.try('pw_alice', :'good', '203.0.113.51'), 'ok', 'other addresses go on');
UPDATE auth.address_login_attempts SET window_started_at = window_started_at - interval '61 seconds'
 WHERE address = '203.0.113.50';
SELECT is(pg_temp.try('pw_alice', :'good', '203.0.113.50'), 'ok', 'the next minute the address may try again');
UPDATE auth.settings SET login_rate_limit_per_min = 30;

-- Purging.
UPDATE auth.account_login_failures
   SET last_failure_at = last_failure_at - interval '2 hours', locked_until = locked_until - interval '2 hours'
 WHERE account_key LIKE 'login:%';
UPDATE auth.address_login_attempts SET window_started_at = window_started_at - interval '2 minutes';
SELECT ok(auth.purge_login_throttles() > 0, 'purge_login_throttles() deletes what no longer counts');
SELECT is_empty($$SELECT FROM auth.account_login_failures WHERE account_key LIKE 'login:%'$$,
                'old account failures are gone');
SELECT is_empty($$SELECT FROM auth.address_login_attempts$$, 'old attempt windows are gone');
SELECT isnt_empty($$SELECT FROM auth.address_login_failures WHERE address = '203.0.113.7'$$,
                  'a current lock stays');
SELECT is((SELECT count(*)::integer FROM cron.job WHERE jobname = 'neuronplane-auth-login-throttles'
              AND command = 'SELECT auth.purge_login_throttles()'), 1, 'pg_cron runs it');

-- A new password ends the account's lockout.
SELECT is(array_agg(pg_temp.try('pw_alice', 'Wrong horse battery staple', ('198.51.102.' || i)::inet) ORDER BY i),
          array_fill('invalid'::text, ARRAY[5]), 'the account is locked again')
  FROM generate_series(1, 5) i;
SELECT auth.set_password(:'alice', 'A brand new long passphrase');
SELECT is(pg_temp.try('pw_alice', 'A brand new long passphrase', '198.51.102.9'), 'ok',
          'a new password ends the lockout');

-- Timing: an unknown user costs about what a known one with a wrong password does.
UPDATE auth.settings SET lockout_threshold = 100, login_rate_limit_per_min = 1000;
CREATE FUNCTION pg_temp.login_seconds(login text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz := clock_timestamp();
BEGIN
    PERFORM auth.attempt_password_login(login, 'Wrong horse battery staple', '192.0.2.200');
    RETURN extract(epoch FROM clock_timestamp() - t0);
END
$$;
SELECT pg_temp.login_seconds('pw_alice') + pg_temp.login_seconds('pw_unknown_warmup') AS warm_up;
-- Interleaved, and medians, so that one hiccup of a busy machine decides nothing.
CREATE TEMP TABLE samples AS
SELECT i, pg_temp.login_seconds('pw_alice') AS known, pg_temp.login_seconds('pw_unknown_' || i) AS unknown
  FROM generate_series(1, 5) i;
CREATE TEMP TABLE timings AS
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY known) AS known,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY unknown) AS unknown
  FROM samples;
SELECT ok((SELECT unknown / known BETWEEN 0.5 AND 2 FROM timings),
          'an unknown user takes between half and twice the time of a wrong password (medians of 5)');
SELECT ok((SELECT known > 0.005 FROM timings), 'a wrong password costs real argon2 work (over 5 ms)');
SELECT diag(format('password login, median of 5: known user %s ms, unknown user %s ms',
                   round((known * 1000)::numeric, 1), round((unknown * 1000)::numeric, 1)))
  FROM timings;

-- Privileges ----------------------------------------------------------------------------------
SELECT is(has_function_privilege(r, 'auth.attempt_password_login(text, text, inet, text)', 'EXECUTE')
          OR has_function_privilege(r, 'auth.set_password(uuid, text)', 'EXECUTE')
          OR has_function_privilege(r, 'auth.verify_password(uuid, text)', 'EXECUTE')
          OR has_function_privilege(r, 'auth.argon2_verify(text, text)', 'EXECUTE')
          OR has_function_privilege(r, 'auth.check_password_policy(text, text, text)', 'EXECUTE'),
          false, r || ' calls none of the password functions')
  FROM unnest(ARRAY['anon', 'authenticated', 'service', 'neuronplane_worker']) r;
SELECT is(has_table_privilege(r, 'auth.credentials', 'SELECT')
          OR has_table_privilege(r, 'auth.account_login_failures', 'SELECT')
          OR has_table_privilege(r, 'auth.address_login_failures', 'SELECT')
          OR has_table_privilege(r, 'auth.address_login_attempts', 'SELECT'),
          false, r || ' reads no credential or lockout table')
  FROM unnest(ARRAY['anon', 'authenticated', 'service', 'neuronplane_worker']) r;

SELECT * FROM finish();
ROLLBACK;
