-- auth.cookie_login(): the glue's password sign-in for browsers (POST /auth/login).
BEGIN;
SELECT plan(6);

INSERT INTO identity.users (id, username, email)
VALUES ('00000000-0000-4000-8000-0000000c0c01', 'cookie_alice', 'cookie_alice@example.org');
SELECT auth.set_password('00000000-0000-4000-8000-0000000c0c01', 'Quartz-Meadow-Falcon-58');

SELECT is(auth.cookie_login('cookie_alice', 'wrong password here', '192.0.2.7', 'pgtap') - 'retry_after',
          '{"code": "28P01", "error": "invalid_grant", "message": "invalid username or password"}'::jsonb,
          'a wrong password: the error answer, no token');
SELECT is((SELECT count(*)::int FROM auth.sessions
            WHERE principal_id = '00000000-0000-4000-8000-0000000c0c01'), 0, 'and no session');

SELECT auth.cookie_login('cookie_alice', 'Quartz-Meadow-Falcon-58', '192.0.2.7', 'pgtap') AS ok \gset
SELECT ok((:'ok'::jsonb) ?& ARRAY['access_token', 'refresh_token', 'session_id', 'csrf_token',
                                  'refresh_expires_in'], 'the right one: tokens and the CSRF token');
SELECT is(:'ok'::jsonb ->> 'csrf_token', auth.csrf_token((:'ok'::jsonb ->> 'session_id')::uuid),
          'the session''s own CSRF token');
SELECT is((SELECT host(ip) || ' ' || user_agent FROM auth.sessions
            WHERE id = (:'ok'::jsonb ->> 'session_id')::uuid), '192.0.2.7 pgtap',
          'the session names the browser, not the glue');
SELECT function_privs_are('auth', 'cookie_login', ARRAY['text', 'text', 'inet', 'text'],
                          'authenticated', ARRAY[]::text[], 'only the glue may call it');

SELECT * FROM finish();
ROLLBACK;
