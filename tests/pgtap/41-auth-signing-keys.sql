-- Signing keys and access tokens: key storage, the JWKS, issued claims, refusals, the
-- rotation lifecycle, maintenance, PostgREST's hooks, and who may do what.
BEGIN;
SELECT plan(71);

-- The JSON of a token's header (1) or payload (2).
CREATE FUNCTION pg_temp.jwt_part(token text, part integer)
RETURNS jsonb
LANGUAGE sql
IMMUTABLE
AS $$
    SELECT convert_from(decode(rpad(translate(split_part(token, '.', part), '-_', '+/'),
                                    (length(split_part(token, '.', part)) + 3) / 4 * 4, '='),
                               'base64'), 'UTF8')::jsonb
$$;

-- Keys as deployed ---------------------------------------------------------------------
SELECT has_table('auth', 'signing_keys', 'auth.signing_keys exists');
SELECT is((SELECT count(*) FROM auth.signing_keys WHERE status = 'active'), 1::bigint,
          'a deployed database has one active key');
SELECT is((SELECT count(*) FROM auth.signing_keys WHERE status = 'next'), 1::bigint,
          'and one next key, published ahead of its turn');
SELECT kid AS active_kid FROM auth.signing_keys WHERE status = 'active' \gset
SELECT kid AS next_kid FROM auth.signing_keys WHERE status = 'next' \gset

SELECT ok((SELECT bool_and(kid ~ '^[A-Za-z0-9_-]{43}$') FROM auth.signing_keys),
          'a kid is a base64url SHA-256 thumbprint');
SELECT ok((SELECT bool_and(position('PRIVATE KEY'::bytea IN private_key) = 0)
             FROM auth.signing_keys),
          'private keys are not stored in the clear');
SELECT matches(internal.decrypt_secret(private_key, 'auth.signing_keys:' || kid),
               '^-----BEGIN PRIVATE KEY-----',
               'a private key decrypts, for its own row, to a PKCS#8 PEM')
  FROM auth.signing_keys WHERE kid = :'active_kid';
SELECT throws_ok(format($$SELECT internal.decrypt_secret(private_key, 'auth.signing_keys:%s')
                            FROM auth.signing_keys WHERE kid = %L$$, :'next_kid', :'active_kid'),
                 '39000', 'a stored secret cannot be decrypted: it was altered or moved to another row',
                 'a private key does not decrypt for another kid');
SELECT throws_ok(format($$UPDATE auth.signing_keys SET status = 'active', activated_at = now()
                           WHERE kid = %L$$, :'next_kid'),
                 '23505', 'duplicate key value violates unique constraint "signing_keys_one_active"',
                 'two keys cannot be active at once');
SELECT throws_ok($$INSERT INTO auth.signing_keys (kid, private_key, public_jwk)
                   VALUES (repeat('a', 43), '\x00', jsonb_build_object(
                       'kid', repeat('a', 43), 'kty', 'EC', 'crv', 'P-256', 'alg', 'ES256',
                       'use', 'sig', 'x', 'x', 'y', 'y', 'd', 'secret'))$$,
                 '23514', NULL, 'a public JWK with a private part ("d") is refused');

-- The JWKS -----------------------------------------------------------------------------
-- Keys retired by earlier rotations (of other tests) would be published too.
DELETE FROM auth.signing_keys WHERE status = 'retired';
SELECT api.jwks() AS jwks \gset
SELECT is(jsonb_typeof(:'jwks'::jsonb -> 'keys'), 'array', 'api.jwks() is {"keys": [...]}');
SELECT is((SELECT array_agg(k ->> 'kid') FROM jsonb_array_elements(:'jwks'::jsonb -> 'keys') k),
          ARRAY[:'active_kid', :'next_kid'], 'it publishes the active key, then the next one');
SELECT ok((SELECT bool_and(k ->> 'kty' = 'EC' AND k ->> 'crv' = 'P-256' AND k ->> 'alg' = 'ES256'
                           AND k ->> 'use' = 'sig' AND k ? 'x' AND k ? 'y')
             FROM jsonb_array_elements(:'jwks'::jsonb -> 'keys') k),
          'each key is a public EC P-256 JWK for ES256 signatures');
SELECT ok((SELECT bool_and(NOT k ? 'd') FROM jsonb_array_elements(:'jwks'::jsonb -> 'keys') k),
          'no key carries its private part');
SELECT is((SELECT array_agg(DISTINCT n ORDER BY n)
             FROM jsonb_array_elements(:'jwks'::jsonb -> 'keys') k, jsonb_object_keys(k) n),
          ARRAY['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y'],
          'and nothing but kty, crv, x, y, kid, alg and use');

-- Issued tokens ------------------------------------------------------------------------
SELECT auth.issue_access_token('00000000-0000-4000-8000-0000000000a1', 'user', 'authenticated',
                               '00000000-0000-4000-8000-0000000000b1',
                               '{"api_key_id": "00000000-0000-4000-8000-0000000000c1"}') AS token \gset
SELECT is(pg_temp.jwt_part(:'token', 1),
          jsonb_build_object('alg', 'ES256', 'typ', 'JWT', 'kid', :'active_kid'),
          'the header names ES256 and the active key');
SELECT is(pg_temp.jwt_part(:'token', 2) - ARRAY['iat', 'exp', 'jti'],
          '{"iss": "neuronplane", "aud": "neuronplane",
            "sub": "00000000-0000-4000-8000-0000000000a1", "role": "authenticated",
            "sid": "00000000-0000-4000-8000-0000000000b1", "principal_type": "user",
            "api_key_id": "00000000-0000-4000-8000-0000000000c1"}'::jsonb,
          'the claims: iss and aud from the settings, sub, role, sid, principal_type, extras');
SELECT ok((pg_temp.jwt_part(:'token', 2) ->> 'iat')::bigint
              BETWEEN floor(extract(epoch FROM now())) AND extract(epoch FROM clock_timestamp()),
          'iat is when it was signed');
SELECT is((pg_temp.jwt_part(:'token', 2) ->> 'exp')::bigint
              - (pg_temp.jwt_part(:'token', 2) ->> 'iat')::bigint,
          900::bigint, 'exp is iat + access_ttl (15 minutes)');
SELECT matches(pg_temp.jwt_part(:'token', 2) ->> 'jti',
               '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$',
               'jti is a random uuid');
SELECT isnt(pg_temp.jwt_part(auth.issue_access_token('00000000-0000-4000-8000-0000000000a1',
                                                     'user', 'authenticated'), 2) ->> 'jti',
            pg_temp.jwt_part(:'token', 2) ->> 'jti', 'each token has its own jti');
SELECT ok(NOT pg_temp.jwt_part(auth.issue_access_token('00000000-0000-4000-8000-0000000000a1',
                                                       'service_account', 'service'), 2) ? 'sid',
          'without a session there is no sid');
SELECT is(pg_temp.jwt_part(auth.issue_access_token('00000000-0000-4000-8000-0000000000a1',
                                                   'service_account', 'service'), 2)
              ->> 'role', 'service', 'service accounts get the service role');
SELECT is((SELECT (c ->> 'exp')::bigint - (c ->> 'iat')::bigint
             FROM pg_temp.jwt_part(auth.issue_access_token(
                      '00000000-0000-4000-8000-0000000000a1', 'user', 'authenticated',
                      lifetime => '1 minute'), 2) AS c),
          60::bigint, 'a shorter lifetime may be asked for');
UPDATE auth.settings SET access_ttl = '10 minutes', issuer = 'https://np.example', audience = 'np-api';
SELECT is((SELECT array[c ->> 'iss', c ->> 'aud', ((c ->> 'exp')::bigint - (c ->> 'iat')::bigint)::text]
             FROM pg_temp.jwt_part(auth.issue_access_token(
                      '00000000-0000-4000-8000-0000000000a1', 'user', 'authenticated'), 2) AS c),
          ARRAY['https://np.example', 'np-api', '600'], 'issuer, audience and lifetime follow auth.settings');
UPDATE auth.settings SET access_ttl = DEFAULT, issuer = DEFAULT, audience = DEFAULT;

-- Refusals -----------------------------------------------------------------------------
SELECT throws_ok($$SELECT auth.issue_access_token('00000000-0000-4000-8000-0000000000a1', 'user', 'postgres')$$,
                 '22023', 'an access token''s role is authenticated or service, not "postgres"',
                 'a token for a database role other than authenticated or service is refused');
SELECT throws_ok($$SELECT auth.issue_access_token('00000000-0000-4000-8000-0000000000a1', 'user', 'anon')$$,
                 '22023', 'an access token''s role is authenticated or service, not "anon"',
                 'a token for anon is refused');
SELECT throws_ok($$SELECT auth.issue_access_token(NULL, 'user', 'authenticated')$$,
                 '22023', 'an access token needs a principal', 'a token without a principal is refused');
SELECT throws_ok($$SELECT auth.issue_access_token('00000000-0000-4000-8000-0000000000a1', 'robot', 'authenticated')$$,
                 '22023', 'unknown principal type "robot"', 'an unknown principal type is refused');
SELECT throws_ok($$SELECT auth.issue_access_token('00000000-0000-4000-8000-0000000000a1', 'user',
                                                  'authenticated', extra_claims => '{"role": "service_role", "sub": "x", "scope": "all"}')$$,
                 '22023', 'extra claims may not set the standard claims sub, role',
                 'extra claims cannot override the standard ones');
SELECT throws_ok($$SELECT auth.issue_access_token('00000000-0000-4000-8000-0000000000a1', 'user',
                                                  'authenticated', extra_claims => '[1]')$$,
                 '22023', 'extra claims must be a JSON object, not array',
                 'extra claims must be an object');
SELECT throws_ok($$SELECT auth.issue_access_token('00000000-0000-4000-8000-0000000000a1', 'user',
                                                  'authenticated', lifetime => '16 minutes')$$,
                 '22023', 'a token lifetime of 00:16:00 exceeds auth.settings.access_ttl (00:15:00)',
                 'a lifetime beyond access_ttl is refused (its key might be unpublished first)');

-- Rotation -----------------------------------------------------------------------------
UPDATE auth.settings SET signing_key_publish_delay = '1 hour';
UPDATE auth.signing_keys SET created_at = clock_timestamp() - interval '30 minutes' WHERE kid = :'next_kid';
SELECT throws_ok($$SELECT auth.rotate_signing_key()$$, '55000',
                 'the next signing key has been published for 00:30:00 only; it may sign after 01:00:00',
                 'a next key signs only once it has been published for signing_key_publish_delay');
UPDATE auth.signing_keys SET created_at = now() - interval '2 hours' WHERE kid = :'next_kid';
SELECT is(auth.rotate_signing_key(), :'next_kid', 'rotation makes the next key active');
SELECT is((SELECT status FROM auth.signing_keys WHERE kid = :'next_kid'), 'active',
          'the promoted key is active');
SELECT ok((SELECT activated_at IS NOT NULL AND retired_at IS NULL
             FROM auth.signing_keys WHERE kid = :'next_kid'), 'with its activation time');
SELECT is((SELECT status FROM auth.signing_keys WHERE kid = :'active_kid'), 'retired',
          'the key that was active is retired');
SELECT ok((SELECT retired_at BETWEEN now() AND clock_timestamp()
             FROM auth.signing_keys WHERE kid = :'active_kid'), 'with its retirement time');
SELECT kid AS third_kid FROM auth.signing_keys WHERE status = 'next' \gset
SELECT isnt(:'third_kid'::text, :'next_kid'::text, 'a new next key is published');
SELECT is((SELECT array_agg(k ->> 'kid') FROM jsonb_array_elements(api.jwks() -> 'keys') k),
          ARRAY[:'next_kid', :'third_kid', :'active_kid'],
          'the JWKS has the active, the next and the retired key');
SELECT is(pg_temp.jwt_part(auth.issue_access_token('00000000-0000-4000-8000-0000000000a1',
                                                   'user', 'authenticated'), 1) ->> 'kid',
          :'next_kid', 'new tokens are signed with the promoted key');
SELECT is((SELECT details FROM audit.events
            WHERE action = 'auth.signing_key.rotated' AND resource_id = :'next_kid'),
          jsonb_build_object('kid', :'next_kid', 'retired_kid', :'active_kid', 'next_kid', :'third_kid'),
          'the rotation is audited with the kids involved');
SELECT throws_ok($$SELECT auth.rotate_signing_key()$$, '55000', NULL,
                 'rotating again at once is refused: the new next key is not published long enough');

-- Retirement and maintenance -----------------------------------------------------------
SELECT is(auth.maintain_signing_keys(), 0, 'a recently retired key is kept');
UPDATE auth.signing_keys SET activated_at = now() - interval '1 day',
                             retired_at = now() - interval '15 minutes 30 seconds'
 WHERE kid = :'active_kid';
SELECT ok(api.jwks() -> 'keys' @> jsonb_build_array(jsonb_build_object('kid', :'active_kid')),
          'a retired key stays published for access_ttl plus a minute');
UPDATE auth.signing_keys SET activated_at = now() - interval '1 day',
                             retired_at = now() - interval '16 minutes 30 seconds'
 WHERE kid = :'active_kid';
SELECT ok(NOT api.jwks() -> 'keys' @> jsonb_build_array(jsonb_build_object('kid', :'active_kid')),
          'after that it is no longer published');
SELECT is(auth.maintain_signing_keys(), 1, 'maintenance deletes it');
SELECT is((SELECT count(*) FROM auth.signing_keys WHERE kid = :'active_kid'), 0::bigint,
          'private key and all');
DELETE FROM auth.signing_keys WHERE status = 'next';
SELECT throws_ok($$SELECT auth.rotate_signing_key()$$, '55000', 'no next signing key is published',
                 'without a next key there is nothing to promote');
SELECT is(auth.maintain_signing_keys(), 0, 'maintenance publishes a next key when none is');
SELECT is((SELECT count(*) FROM auth.signing_keys WHERE status = 'next'), 1::bigint,
          'there is a next key again');
DELETE FROM auth.signing_keys WHERE status = 'active';
SELECT throws_ok($$SELECT auth.issue_access_token('00000000-0000-4000-8000-0000000000a1', 'user', 'authenticated')$$,
                 '55000', 'no signing key is active', 'without an active key no token is issued');

-- PostgREST's hooks --------------------------------------------------------------------
SELECT tests.authenticate_as('authenticator');
SELECT hooks.pre_config();
SELECT current_setting('pgrst.jwt_secret') AS pre_secret,
       current_setting('pgrst.jwt_aud') AS pre_aud,
       current_setting('pgrst.db_pre_request') AS pre_request \gset
SELECT tests.clear_authentication();
SELECT is(:'pre_secret'::jsonb, auth.jwks(),
          'pre-config, run by the authenticator, hands PostgREST the JWKS as its jwt-secret');
SELECT is(ARRAY[:'pre_aud', :'pre_request'], ARRAY['neuronplane', 'hooks.pre_request'],
          'and the audience and the pre-request hook');

UPDATE auth.signing_keys SET status = 'active', activated_at = now() WHERE status = 'next';
-- As every token the database issues, it names a live session of its subject.
INSERT INTO identity.users (id, username) VALUES ('00000000-0000-4000-8000-0000000000a1', 'pgtap-41-subject')
ON CONFLICT DO NOTHING;
INSERT INTO auth.sessions (principal_id, auth_method, expires_at, idle_expires_at)
VALUES ('00000000-0000-4000-8000-0000000000a1', 'password', now() + interval '1 hour', now() + interval '1 hour')
RETURNING id AS token_sid \gset
SELECT auth.issue_access_token('00000000-0000-4000-8000-0000000000a1', 'user', 'authenticated', :'token_sid') AS token \gset
SELECT pg_temp.jwt_part(:'token', 2) AS claims \gset
SELECT set_config('request.headers', jsonb_build_object('authorization', 'Bearer ' || :'token')::text,
                  true) AS headers \gset
SELECT tests.authenticate_as('authenticated', :'claims');
SELECT lives_ok('SELECT hooks.pre_request()', 'the pre-request hook (auth.check_access_token()) passes a token of ours');
SELECT tests.authenticate_as('authenticated', :'claims'::jsonb || '{"iss": "https://evil.example"}');
SELECT throws_ok('SELECT hooks.pre_request()', 'PGRST',
                 '{"code": "28000", "hint": "Sign in again for a token from neuronplane.", "details": null, "message": "the token was not issued by this server"}',
                 'it refuses another issuer');
SELECT tests.authenticate_as('authenticated', :'claims'::jsonb - 'aud');
SELECT throws_ok('SELECT hooks.pre_request()', 'PGRST',
                 '{"code": "28000", "hint": "Sign in again for a token from neuronplane.", "details": null, "message": "the token is not meant for this API"}',
                 'it refuses a token without audience');
SELECT tests.authenticate_as('authenticated', :'claims'::jsonb - 'exp');
SELECT throws_ok('SELECT hooks.pre_request()', 'PGRST',
                 '{"code": "28000", "hint": "Sign in again for a token from neuronplane.", "details": null, "message": "the token has no expiry"}',
                 'it refuses a token that never expires');
SELECT tests.clear_authentication();
UPDATE auth.signing_keys SET status = 'retired', activated_at = now() - interval '2 days',
                             retired_at = now() - interval '1 day'
 WHERE status = 'active';
SELECT tests.authenticate_as('authenticated', :'claims');
SELECT throws_ok('SELECT hooks.pre_request()', 'PGRST',
                 '{"code": "28000", "hint": "Sign in again for a token from neuronplane.", "details": null, "message": "the token names no published signing key"}',
                 'it refuses a token whose key is no longer published');
SELECT set_config('request.headers', '{}', true) AS headers \gset
SELECT tests.authenticate_as('anon', '{"role": "anon"}');
SELECT lives_ok('SELECT hooks.pre_request()', 'anonymous requests pass');
SELECT tests.clear_authentication();

-- Who may do what ----------------------------------------------------------------------
SELECT ok(NOT has_table_privilege(r, 'auth.signing_keys', 'SELECT'),
          format('%s cannot read auth.signing_keys', r))
  FROM unnest(ARRAY['anon', 'authenticated', 'service', 'authenticator', 'neuronplane_worker']) AS r;
SELECT ok(NOT has_function_privilege(r, 'auth.issue_access_token(uuid, text, text, uuid, jsonb, interval)', 'EXECUTE'),
          format('%s cannot issue tokens', r))
  FROM unnest(ARRAY['anon', 'authenticated', 'service', 'authenticator', 'neuronplane_worker']) AS r;
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a1"}');
SELECT throws_ok($$SELECT auth.issue_access_token('00000000-0000-4000-8000-0000000000a1', 'user', 'authenticated')$$,
                 '42501', 'permission denied for schema auth',
                 'an authenticated caller cannot reach the token function');
SELECT tests.clear_authentication();
SELECT auth.create_signing_key() AS fresh_kid \gset
SELECT tests.authenticate_as('anon');
SELECT is(api.jwks() -> 'keys' -> 0 ->> 'kid', :'fresh_kid', 'anon fetches the JWKS');
SELECT tests.clear_authentication();

SELECT * FROM finish();
ROLLBACK;
