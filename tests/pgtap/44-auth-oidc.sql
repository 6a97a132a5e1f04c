-- OIDC login in the database: providers, login attempts (exact redirect allow-list, single
-- use, expiry, browser binding), the claim re-checks of complete_oidc_login, identity
-- linking, the cookie functions of the glue, cleanup, and the cookie path of the
-- pre-request hook with its CSRF check.
BEGIN;
SELECT plan(74);

\ir fixtures/identity.sql

SELECT coalesce(max(id), 0) AS audit0 FROM audit.events \gset

SELECT auth.save_oidc_provider('idp', 'http://127.0.0.1:9/', 'client-1', 'client-secret-value',
                               'http://127.0.0.1:9/auth', 'http://127.0.0.1:9/token',
                               'http://127.0.0.1:9/jwks', 'https://np.example/auth/oidc/idp/callback',
                               ARRAY['https://app.example/after', '/desk']);

-- Providers --------------------------------------------------------------------------------
SELECT isnt((SELECT client_secret FROM auth.oidc_providers WHERE name = 'idp'),
            convert_to('client-secret-value', 'UTF8'), 'the client secret is stored encrypted');
SELECT is(internal.decrypt_secret((SELECT client_secret FROM auth.oidc_providers WHERE name = 'idp'),
                                  'auth.oidc_providers:idp'),
          'client-secret-value', 'for the provider''s context');
SELECT ok(NOT EXISTS (SELECT FROM audit.events WHERE details::text LIKE '%client-secret-value%'),
          'the audit log never holds the client secret');
SELECT throws_ok($$SELECT auth.save_oidc_provider('Bad Name', 'http://x/', 'c', NULL, 'http://x/a',
                   'http://x/t', 'http://x/j', 'http://x/cb', '{}')$$,
                 '22023', 'provider name "Bad Name" is not valid', 'a bad provider name is refused');
SELECT throws_ok($$SELECT auth.save_oidc_provider('p2', 'http://x/', 'c', NULL, 'http://x/a',
                   'http://x/t', 'http://x/j', 'http://x/auth/oidc/p2/callback', '{//evil.example/}')$$,
                 '22023', 'redirect URI "//evil.example/" is not an absolute URL or path',
                 'a scheme-relative redirect URI cannot be registered');
SELECT throws_ok($$SELECT auth.store_oidc_jwks('idp', '{"keys": [{"kty": "RSA", "n": "x", "e": "AQAB", "d": "secret"}]}')$$,
                 '22023', 'a JWKS is {"keys": [public JWKs]}', 'a JWKS with private key material is refused');
SELECT throws_ok($$SELECT auth.store_oidc_jwks('nope', '{"keys": []}')$$,
                 '42704', 'there is no OIDC provider "nope"', 'the JWKS of an unknown provider is refused');

-- The worker's rights ----------------------------------------------------------------------
SET LOCAL ROLE neuronplane_worker;
SELECT throws_ok('SELECT * FROM auth.login_attempts', '42501', NULL, 'the worker cannot read login attempts');
SELECT throws_ok($$SELECT auth.save_oidc_provider('p3', 'http://x/', 'c', NULL, 'http://x/a',
                   'http://x/t', 'http://x/j', 'http://x/cb', '{}')$$,
                 '42501', NULL, 'the worker cannot register providers');
SELECT lives_ok($$SELECT auth.store_oidc_jwks('idp', '{"keys": [{"kty": "RSA", "kid": "k1", "n": "AQAB", "e": "AQAB"}]}')$$,
                'the worker caches a provider''s JWKS');
SELECT is(auth.oidc_provider_keys('idp') -> 'jwks' -> 'keys' -> 0 ->> 'kid', 'k1', 'and reads it back');
RESET ROLE;
SELECT tests.authenticate_as('anon');
SELECT throws_ok($$SELECT auth.begin_oidc_login('idp', '/desk')$$, '42501', NULL,
                 'anonymous API callers cannot start logins in the database');
SELECT tests.clear_authentication();

-- Begin: the redirect allow-list is exact ---------------------------------------------------
SET LOCAL ROLE neuronplane_worker;
SELECT is(auth.begin_oidc_login('idp', r) ->> 'code', '22023', 'redirect_to ' || r || ' is refused')
  FROM unnest(ARRAY['https://app.example/after/', 'https://app.example/afterx',
                    'https://app.example/after?x=1', 'https://app.example/after#x',
                    'https://APP.example/after', 'https://app.example%2Fafter',
                    '//evil.example', 'https://evil.example', '/desk/../evil', '/Desk',
                    '%2Fdesk', '']) AS r;
SELECT is(auth.begin_oidc_login('nope', '/desk') ->> 'code', '42704', 'an unknown provider is refused');
SELECT auth.begin_oidc_login('idp', 'https://app.example/after', '192.0.2.1', 'pgtap') AS b1 \gset
RESET ROLE;
SELECT (:'b1'::jsonb) ->> 'state' AS state1, (:'b1'::jsonb) ->> 'binding' AS binding1,
       (:'b1'::jsonb) ->> 'nonce' AS nonce1, (:'b1'::jsonb) ->> 'attempt_id' AS attempt1 \gset
SELECT ok(:'b1'::jsonb ?& ARRAY['state', 'nonce', 'code_challenge', 'binding', 'authorization_endpoint'],
          'a login begins with state, nonce, code challenge and browser binding');
SELECT is((:'b1'::jsonb) ->> 'code_challenge_method', 'S256', 'the challenge is S256');
SELECT is((SELECT count(*)::integer FROM auth.login_attempts
            WHERE state_hash = sha256(convert_to(:'state1', 'UTF8'))
              AND binding_hash = sha256(convert_to(:'binding1', 'UTF8'))), 1,
          'the attempt keeps only hashes of state and binding');
SELECT is(auth.pkce_challenge(internal.decrypt_secret(
              (SELECT code_verifier FROM auth.login_attempts WHERE id = :'attempt1'),
              'auth.login_attempts:' || :'attempt1')),
          (:'b1'::jsonb) ->> 'code_challenge', 'the stored (encrypted) verifier matches the challenge');
SELECT is(auth.pkce_challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
          'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', 'S256 as RFC 7636 appendix B computes it');
SELECT is((SELECT count(*)::integer FROM audit.events WHERE action = 'auth.oidc.failed' AND id > :audit0
            AND details ->> 'reason' = 'redirect_not_allowed'), 12, 'every refused redirect is audited');

-- Consume: single use, binding, expiry -----------------------------------------------------
SET LOCAL ROLE neuronplane_worker;
SELECT is(auth.consume_oidc_callback('idp', :'state1', 'another-browser', NULL) ->> 'message',
          'this login was started in another browser; start the login again',
          'a callback from another browser is refused');
SELECT is(auth.consume_oidc_callback('idp', :'state1', :'binding1', NULL) ->> 'message',
          'this login state was already used; start the login again',
          'and the attempt is spent by it');
SELECT is(auth.consume_oidc_callback('idp', 'never-issued', 'x', NULL) ->> 'code', '28000', 'an unknown state is refused');
SELECT auth.begin_oidc_login('idp', '/desk') AS b2 \gset
RESET ROLE;
SELECT (:'b2'::jsonb) ->> 'state' AS state2, (:'b2'::jsonb) ->> 'binding' AS binding2,
       (:'b2'::jsonb) ->> 'nonce' AS nonce2, (:'b2'::jsonb) ->> 'attempt_id' AS attempt2 \gset
SET LOCAL ROLE neuronplane_worker;
SELECT auth.consume_oidc_callback('idp', :'state2', :'binding2', NULL) AS c2 \gset
SELECT is((:'c2'::jsonb) ->> 'client_secret', 'client-secret-value', 'the callback gets the client secret');
SELECT is((:'c2'::jsonb) ->> 'redirect_to', '/desk', 'and where to send the browser');
SELECT is(auth.consume_oidc_callback('idp', :'state2', :'binding2', NULL) ->> 'message',
          'this login state was already used; start the login again', 'a replayed callback is refused');
RESET ROLE;
SELECT is(auth.pkce_challenge((:'c2'::jsonb) ->> 'code_verifier'), (:'b2'::jsonb) ->> 'code_challenge',
          'and the PKCE verifier of its attempt');
SET LOCAL ROLE neuronplane_worker;
SELECT auth.begin_oidc_login('idp', '/desk') AS b3 \gset
RESET ROLE;
UPDATE auth.login_attempts SET expires_at = now() - interval '1 second'
 WHERE state_hash = sha256(convert_to((:'b3'::jsonb) ->> 'state', 'UTF8'));
SET LOCAL ROLE neuronplane_worker;
SELECT is(auth.consume_oidc_callback('idp', (:'b3'::jsonb) ->> 'state', (:'b3'::jsonb) ->> 'binding', NULL) ->> 'message',
          'unknown or expired login state; start the login again', 'an expired state is refused');
RESET ROLE;
SELECT is((SELECT array_agg(details ->> 'reason' ORDER BY id) FROM audit.events
            WHERE action = 'auth.oidc.failed' AND id > :audit0 AND details ->> 'reason' <> 'redirect_not_allowed'),
          ARRAY['unknown_provider', 'browser_mismatch', 'state_replayed', 'unknown_state', 'state_replayed',
                'state_expired'], 'every refused callback is audited with its reason');

-- Complete: the claims must belong to the attempt ------------------------------------------
CREATE TEMP TABLE good ON COMMIT DROP AS
SELECT jsonb_build_object('iss', 'http://127.0.0.1:9/', 'aud', 'client-1', 'nonce', :'nonce2',
                          'exp', extract(epoch FROM now())::bigint + 300, 'iat', extract(epoch FROM now())::bigint,
                          'sub', 'idp-alice', 'email', 'fx_member_a@example.org', 'email_verified', false,
                          'preferred_username', 'FX_MEMBER_A', 'name', 'Alice') AS claims;
GRANT SELECT ON good TO neuronplane_worker;
SET LOCAL ROLE neuronplane_worker;
SELECT is(auth.complete_oidc_login(:'attempt2', (SELECT claims || '{"nonce": "other-nonce-0123456789012345678901234"}' FROM good))
          ->> 'error', 'invalid_id_token', 'a nonce of another login is refused');
SELECT is(auth.complete_oidc_login(:'attempt2', (SELECT claims FROM good)) ->> 'error', 'invalid_state',
          'and the attempt cannot be completed after a failure');
RESET ROLE;
-- Fresh attempts for each of the other checks.
CREATE TEMP TABLE probes ON COMMIT DROP AS
SELECT v.label, v.patch, auth.begin_oidc_login('idp', '/desk') AS b
  FROM (VALUES ('another issuer', '{"iss": "http://127.0.0.1:10/"}'::jsonb),
               ('another audience', '{"aud": "client-2"}'),
               ('an audience list without us', '{"aud": ["client-2", "client-3"]}'),
               ('another authorized party', '{"azp": "client-2"}'),
               ('an expired token', jsonb_build_object('exp', extract(epoch FROM now())::bigint - 120))) v(label, patch);
SELECT is(auth.complete_oidc_login((b ->> 'attempt_id')::uuid,
              (SELECT claims || jsonb_build_object('nonce', b ->> 'nonce') FROM good) || patch) ->> 'error',
          'invalid_id_token', 'an ID token with ' || label || ' is refused')
  FROM (SELECT p.*, auth.consume_oidc_callback('idp', b ->> 'state', b ->> 'binding', NULL) FROM probes p) x;

SELECT auth.begin_oidc_login('idp', '/desk') AS b4 \gset
SELECT auth.consume_oidc_callback('idp', (:'b4'::jsonb) ->> 'state', (:'b4'::jsonb) ->> 'binding', NULL) IS NOT NULL AS consumed \gset
SET LOCAL ROLE neuronplane_worker;
SELECT auth.complete_oidc_login(((:'b4'::jsonb) ->> 'attempt_id')::uuid,
                                (SELECT claims || jsonb_build_object('nonce', (:'b4'::jsonb) ->> 'nonce') FROM good),
                                '192.0.2.7', 'pgtap') AS done \gset
RESET ROLE;
SELECT ok((:'done'::jsonb) ?& ARRAY['access_token', 'refresh_token', 'session_id', 'csrf_token'],
          'a good ID token logs in: tokens, session and CSRF token');
SELECT (:'done'::jsonb) ->> 'principal_id' AS alice, (:'done'::jsonb) ->> 'session_id' AS alice_sid,
       (:'done'::jsonb) ->> 'access_token' AS alice_at, (:'done'::jsonb) ->> 'refresh_token' AS alice_rt,
       (:'done'::jsonb) ->> 'csrf_token' AS alice_csrf \gset
SELECT isnt(:'alice'::uuid, '00000000-0000-4000-8000-0000000000a2'::uuid,
            'an unverified e-mail of an existing user links nothing: a new user is made');
SELECT is((SELECT row(username::text ~ '^FX_MEMBER_A-[0-9a-f]{6}$', email IS NULL, display_name)::text
             FROM identity.users WHERE id = :'alice'), row(true, true, 'Alice')::text,
          'with a free username, no unverified e-mail, and the name');
SELECT is((SELECT row(user_id, last_claims ? 'nonce')::text FROM auth.external_identities
            WHERE provider = 'idp' AND subject = 'idp-alice'), row(:'alice'::uuid, false)::text,
          'the identity is linked by provider and subject, the nonce not kept');
SELECT is((SELECT auth_method FROM auth.sessions WHERE id = :'alice_sid'), 'oidc', 'the session says oidc');

-- A second login of the same subject finds the same user.
SELECT auth.begin_oidc_login('idp', '/desk') AS b5 \gset
SELECT auth.consume_oidc_callback('idp', (:'b5'::jsonb) ->> 'state', (:'b5'::jsonb) ->> 'binding', NULL) IS NOT NULL AS consumed \gset
SELECT is(auth.complete_oidc_login(((:'b5'::jsonb) ->> 'attempt_id')::uuid,
              (SELECT claims || jsonb_build_object('nonce', (:'b5'::jsonb) ->> 'nonce', 'email_verified', true) FROM good))
          ->> 'principal_id', :'alice', 'the same subject logs in as the same user');

-- Linking by verified e-mail, only where the provider allows it.
UPDATE auth.oidc_providers SET link_verified_email = true WHERE name = 'idp';
SELECT auth.begin_oidc_login('idp', '/desk') AS b6 \gset
SELECT auth.consume_oidc_callback('idp', (:'b6'::jsonb) ->> 'state', (:'b6'::jsonb) ->> 'binding', NULL) IS NOT NULL AS consumed \gset
SELECT is(auth.complete_oidc_login(((:'b6'::jsonb) ->> 'attempt_id')::uuid,
              (SELECT claims || jsonb_build_object('nonce', (:'b6'::jsonb) ->> 'nonce', 'sub', 'idp-other',
                                                   'email', 'FX_member_a@example.org', 'email_verified', true)
                 FROM good)) ->> 'principal_id',
          '00000000-0000-4000-8000-0000000000a2', 'a verified e-mail links to its user when the provider allows it');

-- The cookie functions ---------------------------------------------------------------------
SET LOCAL ROLE neuronplane_worker;
SELECT is(auth.cookie_session(:'alice_at') ->> 'principal_id', :'alice', 'the session cookie names its user');
SELECT is(auth.cookie_session(:'alice_at' || 'x') ->> 'code', '28000', 'a tampered cookie names no one');
SELECT is(auth.cookie_refresh(:'alice_rt', 'wrong') ->> 'code', '42501', 'a refresh without the CSRF token is refused');
SELECT is(auth.cookie_logout(:'alice_at', NULL) ->> 'code', '42501', 'so is a logout');
SELECT is(auth.cookie_refresh(:'alice_rt', :'alice_csrf') ->> 'session_id', :'alice_sid',
          'with it the refresh rotates');
RESET ROLE;
SELECT is((SELECT array_agg(details ->> 'endpoint' ORDER BY id) FROM audit.events
            WHERE action = 'auth.csrf.refused' AND id > :audit0 AND resource_id = :'alice_sid'),
          ARRAY['refresh', 'logout'], 'both refusals are audited');

-- The pre-request hook's cookie path ---------------------------------------------------------
SELECT set_config('request.headers', '{}', true), set_config('request.method', 'GET', true),
       set_config('request.cookies', jsonb_build_object('np_access', :'alice_at')::text, true);
SELECT tests.authenticate_as('anon', '{"role": "anon"}');
SELECT hooks.pre_request();
SELECT is(current_user::text || ' ' || identity.current_principal_id()::text, 'authenticated ' || :'alice',
          'a GET with the access cookie becomes its user');
SELECT tests.clear_authentication();
SELECT set_config('request.method', 'POST', true);
SELECT tests.authenticate_as('anon', '{"role": "anon"}');
SELECT throws_ok('SELECT hooks.pre_request()', 'PT403',
                 'a request authenticated by cookie that changes something needs the X-CSRF-Token header',
                 'a POST with the cookie but without X-CSRF-Token is refused');
SELECT tests.clear_authentication();
SELECT set_config('request.headers', jsonb_build_object('x-csrf-token', :'alice_csrf')::text, true);
SELECT tests.authenticate_as('anon', '{"role": "anon"}');
SELECT lives_ok('SELECT hooks.pre_request()', 'with the session''s X-CSRF-Token it passes');
SELECT tests.clear_authentication();
SELECT auth.revoke_sessions(:'alice', 'logout', only_session => :'alice_sid');
SELECT tests.authenticate_as('anon', '{"role": "anon"}');
SELECT throws_ok('SELECT hooks.pre_request()', 'PT401', 'the session of this access token has ended',
                 'the cookie of an ended session is refused');
SELECT tests.clear_authentication();

-- Cleanup ------------------------------------------------------------------------------------
UPDATE auth.login_attempts SET expires_at = now() - interval '2 days', consumed_at = NULL, completed_at = NULL
 WHERE id = :'attempt1';
SELECT cmp_ok(auth.cleanup_login_attempts(), '>=', 1, 'cleanup deletes old attempts');
SELECT ok(NOT EXISTS (SELECT FROM auth.login_attempts WHERE id = :'attempt1')
          AND EXISTS (SELECT FROM auth.login_attempts WHERE id = :'attempt2'),
          'and keeps recent ones');

-- Login starts and password logins share the per-address rate limit --------------------------
RESET ROLE;
UPDATE auth.settings SET login_rate_limit_per_min = 3;
SELECT is((auth.attempt_password_login('nobody-here', 'wrong', '198.51.100.20')).outcome, 'invalid',
          'a password login from the address counts first');
SELECT is(array_agg(auth.begin_oidc_login('idp', '/desk', '198.51.100.20', 'pgtap') ->> 'error' ORDER BY i),
          ARRAY[NULL, NULL, 'rate_limited', 'rate_limited'],
          'then OIDC login starts, refused beyond login_rate_limit_per_min')
  FROM generate_series(1, 4) i;
SELECT ok((auth.begin_oidc_login('nope', '/desk', '198.51.100.20') ->> 'retry_after')::integer BETWEEN 1 AND 60,
          'an unknown provider too, with retry_after until the minute ends');
SELECT is(auth.begin_oidc_login('idp', '/desk', '198.51.100.20') - 'retry_after',
          '{"error": "rate_limited", "code": "53400", "message": "too many login attempts from this address; try again later"}'::jsonb,
          'the refusal says rate_limited, 53400 (the glue answers 429)');
SELECT is((auth.attempt_password_login('nobody-here', 'wrong', '198.51.100.20')).outcome, 'rate_limited',
          'and the starts count against password logins from the address');
SELECT is((SELECT count(*)::integer FROM auth.login_attempts WHERE host(ip) = '198.51.100.20'), 2,
          'no login attempt is stored beyond the limit');
SELECT results_eq($$SELECT action, details ->> 'reason' FROM audit.events
                     WHERE action LIKE 'auth.oidc.%' AND host(ip) = '198.51.100.20' ORDER BY id$$,
                  $$VALUES ('auth.oidc.started', NULL), ('auth.oidc.started', NULL),
                           ('auth.oidc.failed', 'rate_limited')$$,
                  'and of the refusals only the first of the minute is audited');
SELECT ok(auth.begin_oidc_login('idp', '/desk', '198.51.100.21') ? 'state', 'other addresses go on');
UPDATE auth.settings SET login_rate_limit_per_min = 30;

SELECT * FROM finish();
ROLLBACK;
