-- Sessions and refresh tokens: login, rotation, reuse detection, logout, the session list,
-- password changes and resets, and the pre-request check of revoked sessions.
BEGIN;
SELECT plan(43);

\ir fixtures/identity.sql

-- member_a (a2) gets a password; so does the platform admin (a0).
SELECT auth.set_password('00000000-0000-4000-8000-0000000000a2', 'Orbit-Lantern-Quiet-77');
SELECT auth.set_password('00000000-0000-4000-8000-0000000000a0', 'Admin-Harbor-Granite-12');

-- Login ------------------------------------------------------------------------------------
SELECT tests.authenticate_as('anon');
SELECT api.login('FX_MEMBER_A', 'Orbit-Lantern-Quiet-77') AS login1 \gset
SELECT ok((:'login1'::jsonb) ?& ARRAY['access_token', 'refresh_token', 'expires_in', 'session_id'],
          'a login answers with an access token, a refresh token and the session');
SELECT is((:'login1'::jsonb) ->> 'token_type', 'bearer', 'of type bearer');
SELECT is(((:'login1'::jsonb) ->> 'expires_in')::integer, 900, 'the access token lives 15 minutes');
SELECT matches((:'login1'::jsonb) ->> 'refresh_token', '^npr_[0-9a-f]{64}$', 'a refresh token holds 256 random bits');
SELECT is(api.login('fx_member_a', 'wrong password!!') -> 'error', '"invalid_grant"'::jsonb,
          'a wrong password is refused');
SELECT is(current_setting('response.status'), '401', 'with HTTP 401');
SELECT is(api.login('nobody-at-all', 'Orbit-Lantern-Quiet-77') - 'retry_after',
          jsonb_build_object('error', 'invalid_grant', 'code', '28P01', 'message', 'invalid username or password'),
          'an unknown account gets the very same answer');
SELECT tests.clear_authentication();
SELECT (:'login1'::jsonb) ->> 'session_id' AS sid1, (:'login1'::jsonb) ->> 'refresh_token' AS rt1 \gset
SELECT is((SELECT row(principal_id, auth_method, revoked_at)::text FROM auth.sessions WHERE id = :'sid1'),
          row('00000000-0000-4000-8000-0000000000a2'::uuid, 'password', NULL::timestamptz)::text,
          'the session is recorded');
SELECT ok(NOT EXISTS (SELECT FROM auth.refresh_tokens t WHERE t::text LIKE '%' || substr(:'rt1', 5, 20) || '%'),
          'the refresh token is not stored, only its hash');
SELECT is((SELECT count(*)::integer FROM audit.events WHERE action = 'auth.login.succeeded'
            AND principal_id = '00000000-0000-4000-8000-0000000000a2'), 1, 'the login is audited');

-- Refresh ----------------------------------------------------------------------------------
SELECT tests.authenticate_as('anon');
SELECT api.refresh(:'rt1') AS r2 \gset
SELECT (:'r2'::jsonb) ->> 'refresh_token' AS rt2 \gset
SELECT ok(:'rt2' <> :'rt1' AND (:'r2'::jsonb) ? 'access_token', 'a refresh issues a new refresh token and access token');
SELECT is((:'r2'::jsonb) ->> 'session_id', :'sid1', 'in the same session');
SELECT is(api.refresh(:'rt1') ->> 'refresh_token', :'rt2',
          'a duplicate within the grace interval gets the same successor');
SELECT tests.clear_authentication();
SELECT is((SELECT count(*)::integer FROM auth.refresh_tokens WHERE session_id = :'sid1'), 2,
          'the chain did not fork');
SELECT is((SELECT parent_id FROM auth.refresh_tokens WHERE token_hash = sha256(convert_to(:'rt2', 'UTF8'))),
          (SELECT id FROM auth.refresh_tokens WHERE token_hash = sha256(convert_to(:'rt1', 'UTF8'))),
          'the successor names its parent');
SELECT tests.authenticate_as('anon');
SELECT api.refresh(:'rt2') ->> 'refresh_token' AS rt3 \gset
SELECT tests.clear_authentication();
SELECT ok(NOT EXISTS (SELECT FROM auth.refresh_tokens t, (VALUES (:'rt2'), (:'rt3')) v(tok)
                       WHERE t::text LIKE '%' || substr(v.tok, 5, 20) || '%'),
          'no copy of a successor is stored');

-- Reuse after the grace interval revokes the session.
UPDATE auth.refresh_tokens SET used_at = used_at - interval '1 minute'
 WHERE token_hash = sha256(convert_to(:'rt2', 'UTF8'));
SELECT tests.authenticate_as('anon');
SELECT is(api.refresh(:'rt2') ->> 'message', 'this refresh token was already used: the session has been revoked',
          'a spent token presented after the grace interval is refused');
SELECT is(current_setting('response.status'), '401', 'with HTTP 401');
SELECT is(api.refresh(:'rt3') ->> 'message', 'the session has ended', 'and the live successor is dead too');
SELECT tests.clear_authentication();
SELECT is((SELECT revoked_reason FROM auth.sessions WHERE id = :'sid1'), 'refresh_reused',
          'the session is revoked for reuse');
SELECT is((SELECT count(*)::integer FROM audit.events WHERE action = 'auth.refresh.reused'
            AND resource_id = :'sid1'), 1, 'and the reuse is audited');
SELECT tests.authenticate_as('anon');
SELECT is(api.refresh('npr_' || repeat('0', 64)) ->> 'message', 'unknown refresh token',
          'an unknown refresh token is refused');
SELECT tests.clear_authentication();

-- Revoked sessions and the pre-request check -------------------------------------------------
SELECT tests.authenticate_as('authenticated', jsonb_build_object('sub', '00000000-0000-4000-8000-0000000000a2', 'sid', :'sid1'));
SELECT throws_ok('SELECT hooks.pre_request()', 'PT401', 'the session of this access token has ended',
                 'an access token of a revoked session is refused');
SELECT tests.authenticate_as('anon');
SELECT api.login('fx_member_a', 'Orbit-Lantern-Quiet-77') AS login2 \gset
SELECT api.login('fx_member_a', 'Orbit-Lantern-Quiet-77') AS login3 \gset
SELECT (:'login2'::jsonb) ->> 'session_id' AS sid2, (:'login3'::jsonb) ->> 'session_id' AS sid3 \gset
SELECT tests.authenticate_as('authenticated', jsonb_build_object('sub', '00000000-0000-4000-8000-0000000000a2', 'sid', :'sid2'));
SELECT lives_ok('SELECT hooks.pre_request()', 'an access token of a live session passes');
SELECT is((SELECT array_agg(id::text ORDER BY id) FROM api.sessions()),
          (SELECT array_agg(x ORDER BY x) FROM unnest(ARRAY[:'sid2', :'sid3']) x),
          'api.sessions() lists the live sessions');
SELECT is((SELECT id::text FROM api.sessions() WHERE is_current), :'sid2', 'and marks the current one');

-- Logout, revoke one, change password, reset --------------------------------------------------
SELECT lives_ok(format('SELECT api.revoke_session(%L)', :'sid3'), 'a user ends another of its sessions');
SELECT throws_ok(format('SELECT api.revoke_session(%L)', :'sid3'), '42704',
                 format('you have no live session %s', :'sid3'), 'only live sessions of one''s own');
SELECT throws_ok($$SELECT api.change_password('not my password', 'Another-Valid-Phrase-99')$$, '28P01',
                 'the current password is wrong', 'changing a password needs the current one');
SELECT throws_ok($$SELECT api.change_password('Orbit-Lantern-Quiet-77', 'short')$$, '22023',
                 'the password is too short: use at least 12 characters', 'the new password follows the policy');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2", "api_key_id": "00000000-0000-4000-8000-0000000006a0"}');
SELECT throws_ok($$SELECT api.change_password('Orbit-Lantern-Quiet-77', 'Another-Valid-Phrase-99')$$, '42501',
                 'a password cannot be changed through an API key', 'not through an API key');
SELECT throws_ok('SELECT api.logout()', '28000', 'this request has no session (an API key or a token without sid)',
                 'a request without a session has none to end');
SELECT tests.authenticate_as('service', '{"sub": "00000000-0000-4000-8000-0000000005a0"}');
SELECT throws_ok($$SELECT api.change_password('x', 'Another-Valid-Phrase-99')$$, '42501',
                 'only users have passwords', 'a service account has no password');
SELECT tests.clear_authentication();
SELECT tests.authenticate_as('anon');
SELECT api.login('fx_member_a', 'Orbit-Lantern-Quiet-77') ->> 'session_id' AS sid4 \gset
SELECT tests.authenticate_as('authenticated', jsonb_build_object('sub', '00000000-0000-4000-8000-0000000000a2', 'sid', :'sid2'));
SELECT lives_ok($$SELECT api.change_password('Orbit-Lantern-Quiet-77', 'Another-Valid-Phrase-99')$$,
                'a user changes its password');
SELECT tests.clear_authentication();
SELECT is((SELECT array_agg(id::text || ':' || coalesce(revoked_reason, 'live') ORDER BY id::text)
             FROM auth.sessions WHERE id IN (:'sid2', :'sid4')),
          (SELECT array_agg(x ORDER BY x) FROM unnest(ARRAY[:'sid2' || ':live', :'sid4' || ':password_changed']) x),
          'which ends its other sessions and keeps this one');
SELECT tests.authenticate_as('authenticated', jsonb_build_object('sub', '00000000-0000-4000-8000-0000000000a2', 'sid', :'sid2'));
SELECT lives_ok('SELECT api.logout()', 'a user logs out');
SELECT throws_ok('SELECT hooks.pre_request()', 'PT401', 'the session of this access token has ended',
                 'after which its access token is refused');
SELECT throws_ok($$SELECT api.reset_password('00000000-0000-4000-8000-0000000000a3', 'Reset-Value-Sound-31')$$,
                 '42501', 'only platform administrators can reset passwords', 'only platform admins reset passwords');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a0"}');
SELECT lives_ok($$SELECT api.reset_password('00000000-0000-4000-8000-0000000000a2', 'Reset-Value-Sound-31')$$,
                'a platform admin resets a password');
SELECT tests.authenticate_as('anon');
SELECT ok(api.login('fx_member_a', 'Reset-Value-Sound-31') ? 'access_token', 'the new password works');
SELECT tests.clear_authentication();

-- Disabling a principal ends its sessions.
UPDATE identity.users SET disabled_at = now() WHERE id = '00000000-0000-4000-8000-0000000000a2';
SELECT is((SELECT count(*)::integer FROM auth.sessions WHERE principal_id = '00000000-0000-4000-8000-0000000000a2'
             AND revoked_at IS NULL), 0, 'disabling a user ends all its sessions');

-- Old sessions are purged.
UPDATE auth.sessions SET revoked_at = now() - interval '31 days', revoked_reason = 'logout'
 WHERE id = :'sid1';
SELECT cmp_ok(auth.purge_sessions(), '>=', 1, 'the purge deletes old sessions');
SELECT ok(NOT EXISTS (SELECT FROM auth.sessions WHERE id = :'sid1')
          AND NOT EXISTS (SELECT FROM auth.refresh_tokens WHERE session_id = :'sid1')
          AND EXISTS (SELECT FROM auth.sessions WHERE id = :'sid2'),
          'sessions ended longer ago than the retention are deleted with their tokens, recent ones kept');

SELECT * FROM finish();
ROLLBACK;
