-- OIDC mix-up defence (auth/oidc): a callback URL per provider, the login attempt
-- bound to its provider, the authorization response's iss (RFC 9207).
BEGIN;
SELECT plan(15);

SELECT coalesce(max(id), 0) AS audit0 FROM audit.events \gset

SELECT auth.save_oidc_provider('honest', 'https://honest.example', 'c1', NULL,
                               'https://honest.example/auth', 'https://honest.example/token',
                               'https://honest.example/jwks', 'https://np.example/auth/oidc/honest/callback',
                               '{/desk}');
SELECT auth.set_oidc_iss_parameter_supported('honest', true);
SELECT auth.save_oidc_provider('evil', 'https://evil.example', 'c2', NULL,
                               'https://evil.example/auth', 'https://evil.example/token',
                               'https://evil.example/jwks', 'https://np.example/auth/oidc/evil/callback',
                               '{/desk}');

SELECT throws_ok($$SELECT auth.save_oidc_provider('third', 'https://t.example', 'c', NULL, 'https://t.example/a',
                   'https://t.example/t', 'https://t.example/j', 'https://np.example/auth/oidc/callback', '{}')$$,
                 '22023', 'the callback URL of provider "third" must end in /auth/oidc/third/callback',
                 'a shared callback URL cannot be registered');
SELECT throws_ok($$SELECT auth.save_oidc_provider('third', 'https://t.example', 'c', NULL, 'https://t.example/a',
                   'https://t.example/t', 'https://t.example/j', 'https://np.example/auth/oidc/honest/callback', '{}')$$,
                 '22023', 'the callback URL of provider "third" must end in /auth/oidc/third/callback',
                 'nor another provider''s');
SELECT ok(auth.oidc_callback_is_own('https://np.example/prefix/auth/oidc/x/callback', 'x'),
          'a callback under a path prefix is the provider''s own');
SELECT ok(NOT auth.oidc_callback_is_own('https://np.example/auth/oidc/x/callback?p=y', 'x'),
          'one with a query is not');

SET LOCAL ROLE neuronplane_worker;
SELECT auth.begin_oidc_login('evil', '/desk') AS e1 \gset
SELECT is(auth.consume_oidc_callback('honest', (:'e1'::jsonb) ->> 'state', (:'e1'::jsonb) ->> 'binding',
                                     'https://honest.example') ->> 'message',
          'this response does not come from the provider the login was started with; start the login again',
          'a state of an evil login presented at the honest callback is refused');
SELECT is(auth.consume_oidc_callback('evil', (:'e1'::jsonb) ->> 'state', (:'e1'::jsonb) ->> 'binding', NULL)
          ->> 'message', 'this login state was already used; start the login again',
          'and its attempt is spent');

SELECT auth.begin_oidc_login('honest', '/desk') AS h1 \gset
SELECT is(auth.consume_oidc_callback('honest', (:'h1'::jsonb) ->> 'state', (:'h1'::jsonb) ->> 'binding',
                                     'https://evil.example') ->> 'code', '28000',
          'a response whose iss is another issuer is refused');
SELECT auth.begin_oidc_login('honest', '/desk') AS h2 \gset
SELECT is(auth.consume_oidc_callback('honest', (:'h2'::jsonb) ->> 'state', (:'h2'::jsonb) ->> 'binding',
                                     NULL) ->> 'code', '28000',
          'a response without iss from a provider that advertises it is refused');
SELECT auth.begin_oidc_login('honest', '/desk') AS h3 \gset
SELECT is(auth.consume_oidc_callback('honest', (:'h3'::jsonb) ->> 'state', (:'h3'::jsonb) ->> 'binding',
                                     'https://honest.example') ->> 'provider', 'honest',
          'the right iss at the right callback is accepted');
SELECT auth.begin_oidc_login('evil', '/desk') AS e2 \gset
SELECT is(auth.consume_oidc_callback('evil', (:'e2'::jsonb) ->> 'state', (:'e2'::jsonb) ->> 'binding',
                                     NULL) ->> 'provider', 'evil',
          'a provider that does not advertise iss may leave it out');
SELECT auth.begin_oidc_login('evil', '/desk') AS e3 \gset
SELECT is(auth.consume_oidc_callback('evil', (:'e3'::jsonb) ->> 'state', (:'e3'::jsonb) ->> 'binding',
                                     'https://honest.example') ->> 'code', '28000',
          'but when it sends one, it must be its own');
RESET ROLE;

SELECT is((SELECT array_agg(details ->> 'reason' ORDER BY id) FROM audit.events
            WHERE action = 'auth.oidc.failed' AND id > :audit0),
          ARRAY['provider_mismatch', 'state_replayed', 'iss_mismatch', 'iss_missing', 'iss_mismatch'],
          'every refusal is audited with its reason');

-- A provider registered before this change shares /auth/oidc/callback: no more logins.
UPDATE auth.oidc_providers SET callback_url = 'https://np.example/auth/oidc/callback' WHERE name = 'evil';
SET LOCAL ROLE neuronplane_worker;
SELECT is(auth.begin_oidc_login('evil', '/desk') ->> 'code', '55000',
          'a provider without a callback URL of its own cannot start a login');
RESET ROLE;

-- The landed, provider-blind way in refuses every callback.
SET LOCAL ROLE neuronplane_worker;
SELECT auth.begin_oidc_login('honest', '/desk') AS h4 \gset
SELECT is(auth.consume_login_attempt((:'h4'::jsonb) ->> 'state', (:'h4'::jsonb) ->> 'binding') ->> 'code', '28000',
          'consume_login_attempt(state, binding), which names no provider, refuses');
RESET ROLE;
SELECT is((SELECT consumed_at FROM auth.login_attempts
            WHERE state_hash = sha256(convert_to((:'h4'::jsonb) ->> 'state', 'UTF8'))), NULL,
          'and leaves the attempt for the right callback');

SELECT * FROM finish();
ROLLBACK;
