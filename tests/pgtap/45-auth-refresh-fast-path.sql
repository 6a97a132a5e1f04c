-- api.refresh() (auth/sessions): what one rotation writes and answers, the cases the one-statement
-- path must leave to the full checks (each answered as before, with nothing spent), and the
-- signer that signs the claims' text as it is.
BEGIN;
SELECT plan(24);

\ir fixtures/identity.sql

SELECT auth.set_password('00000000-0000-4000-8000-0000000000a2', 'Orbit-Lantern-Quiet-77');
SELECT auth.set_password('00000000-0000-4000-8000-0000000000a3', 'Viewer-Pebble-Marsh-31');

CREATE TEMP TABLE jwks AS SELECT auth.jwks() AS keys;
CREATE FUNCTION pg_temp.spent(token text) RETURNS boolean LANGUAGE sql AS $$
    SELECT used_at IS NOT NULL FROM auth.refresh_tokens
     WHERE token_hash = sha256(convert_to(token, 'UTF8'))
$$;

-- One rotation -------------------------------------------------------------------------------
SELECT tests.authenticate_as('anon');
SELECT api.login('fx_member_a', 'Orbit-Lantern-Quiet-77') AS l1 \gset
SELECT tests.clear_authentication();
SELECT (:'l1'::jsonb) ->> 'refresh_token' AS rt1, (:'l1'::jsonb) ->> 'session_id' AS sid1 \gset
-- make the session's idle deadline visibly old, so that the rotation must move it
UPDATE auth.sessions SET idle_expires_at = clock_timestamp() + interval '1 hour',
                         refreshed_at = clock_timestamp() - interval '1 hour'
 WHERE id = :'sid1';
SELECT tests.authenticate_as('anon');
SELECT api.refresh(:'rt1') AS r2 \gset
SELECT tests.clear_authentication();
SELECT (:'r2'::jsonb) ->> 'refresh_token' AS rt2, (:'r2'::jsonb) ->> 'access_token' AS at2 \gset

SELECT is((:'r2'::jsonb) - 'access_token' - 'refresh_token' - 'expires_at',
          jsonb_build_object('token_type', 'bearer', 'expires_in', 900, 'session_id', :'sid1',
                             'principal_id', '00000000-0000-4000-8000-0000000000a2',
                             'principal_type', 'user'),
          'a rotation answers like a login, in the same session');
SELECT is(:'rt2', auth.successor_refresh_token(:'rt1'), 'the new refresh token is the successor of the old');
SELECT ok(pg_temp.spent(:'rt1'), 'the old token is spent');
SELECT is((SELECT row(parent_id, session_id, used_at IS NULL, revoked_at IS NULL)::text
             FROM auth.refresh_tokens WHERE token_hash = sha256(convert_to(:'rt2', 'UTF8'))),
          row((SELECT id FROM auth.refresh_tokens WHERE token_hash = sha256(convert_to(:'rt1', 'UTF8'))),
              :'sid1'::uuid, true, true)::text,
          'its successor is stored (as a hash), names its parent and is live');
SELECT ok((SELECT expires_at BETWEEN clock_timestamp() + interval '7 days' - interval '1 minute'
                              AND clock_timestamp() + interval '7 days'
             FROM auth.refresh_tokens WHERE token_hash = sha256(convert_to(:'rt2', 'UTF8'))),
          'and lives refresh_ttl');
SELECT ok((SELECT idle_expires_at > clock_timestamp() + interval '6 days'
                  AND refreshed_at > clock_timestamp() - interval '1 minute'
             FROM auth.sessions WHERE id = :'sid1'),
          'the session''s idle deadline and last refresh moved');
SELECT is((SELECT array_agg(row(outcome, principal_type, resource_type)::text)
             FROM audit.events WHERE action = 'auth.refresh.rotated' AND resource_id = :'sid1'),
          ARRAY[row('success', 'user', 'session')::text], 'one audit event of the rotation');
SELECT is((SELECT auth.es256_verify(:'at2', keys, 'neuronplane', 'neuronplane', true) FROM jwks)
            - 'iat' - 'exp' - 'jti',
          jsonb_build_object('iss', 'neuronplane', 'aud', 'neuronplane',
                             'sub', '00000000-0000-4000-8000-0000000000a2', 'role', 'authenticated',
                             'sid', :'sid1', 'principal_type', 'user'),
          'the access token verifies against the JWKS with the session''s claims');
SELECT is((SELECT (c ->> 'exp')::bigint - (c ->> 'iat')::bigint
             FROM (SELECT auth.es256_verify(:'at2', keys, 'neuronplane', 'neuronplane', true) AS c
                     FROM jwks) v), 900::bigint, 'and expires access_ttl after it was issued');

-- What the one statement leaves to the full checks ----------------------------------------------
-- An idle-expired session: refused, the session revoked as expired, the token not spent.
SELECT tests.authenticate_as('anon');
SELECT api.login('fx_member_a', 'Orbit-Lantern-Quiet-77') AS l3 \gset
SELECT tests.clear_authentication();
SELECT (:'l3'::jsonb) ->> 'refresh_token' AS rt3, (:'l3'::jsonb) ->> 'session_id' AS sid3 \gset
UPDATE auth.sessions SET idle_expires_at = clock_timestamp() - interval '1 second' WHERE id = :'sid3';
SELECT tests.authenticate_as('anon');
SELECT is(api.refresh(:'rt3') ->> 'message', 'the session has expired', 'an idle-expired session is refused');
SELECT tests.clear_authentication();
SELECT is((SELECT revoked_reason FROM auth.sessions WHERE id = :'sid3'), 'expired', 'and ended as expired');
SELECT ok(NOT pg_temp.spent(:'rt3'), 'its token was not spent');
SELECT is((SELECT count(*)::integer FROM auth.refresh_tokens WHERE session_id = :'sid3'), 1, 'and has no successor');

-- An expired refresh token in a live session.
SELECT tests.authenticate_as('anon');
SELECT api.login('fx_member_a', 'Orbit-Lantern-Quiet-77') AS l4 \gset
SELECT tests.clear_authentication();
SELECT (:'l4'::jsonb) ->> 'refresh_token' AS rt4, (:'l4'::jsonb) ->> 'session_id' AS sid4 \gset
UPDATE auth.refresh_tokens SET expires_at = clock_timestamp() - interval '1 second'
 WHERE token_hash = sha256(convert_to(:'rt4', 'UTF8'));
SELECT tests.authenticate_as('anon');
SELECT is(api.refresh(:'rt4') ->> 'message', 'the session has expired', 'an expired refresh token is refused');
SELECT tests.clear_authentication();
SELECT ok(NOT pg_temp.spent(:'rt4'), 'and not spent');

-- A revoked token in a live session.
SELECT tests.authenticate_as('anon');
SELECT api.login('fx_member_a', 'Orbit-Lantern-Quiet-77') AS l5 \gset
SELECT tests.clear_authentication();
SELECT (:'l5'::jsonb) ->> 'refresh_token' AS rt5 \gset
UPDATE auth.refresh_tokens SET revoked_at = clock_timestamp()
 WHERE token_hash = sha256(convert_to(:'rt5', 'UTF8'));
SELECT tests.authenticate_as('anon');
SELECT is(api.refresh(:'rt5') ->> 'message', 'the session has ended', 'a revoked refresh token is refused');
SELECT tests.clear_authentication();
SELECT ok(NOT pg_temp.spent(:'rt5'), 'and not spent');

-- A principal disabled behind the session's back (the trigger that ends its sessions is
-- bypassed here, as a restore or a manual fix could).
SELECT tests.authenticate_as('anon');
SELECT api.login('fx_viewer_a', 'Viewer-Pebble-Marsh-31') AS l6 \gset
SELECT tests.clear_authentication();
SELECT (:'l6'::jsonb) ->> 'refresh_token' AS rt6, (:'l6'::jsonb) ->> 'session_id' AS sid6 \gset
SET LOCAL session_replication_role = replica;
UPDATE identity.principals SET disabled_at = now() WHERE id = '00000000-0000-4000-8000-0000000000a3';
RESET session_replication_role;
SELECT is((SELECT revoked_at FROM auth.sessions WHERE id = :'sid6'), NULL, 'the session is still live');
SELECT tests.authenticate_as('anon');
SELECT is(api.refresh(:'rt6') ->> 'message', 'the account is disabled', 'a disabled principal''s token is refused');
SELECT tests.clear_authentication();
SELECT is((SELECT revoked_reason FROM auth.sessions WHERE id = :'sid6'), 'principal_disabled',
          'and its session ended');
SELECT ok(NOT pg_temp.spent(:'rt6'), 'without spending the token');

-- The signer ---------------------------------------------------------------------------------
-- It signs the claims' jsonb text as it is: the payload decodes to exactly that text.
SELECT (SELECT auth.issue_access_token('00000000-0000-4000-8000-0000000000a2', 'user', 'authenticated',
                                       extra_claims => '{"name": "Zoë"}')) AS t7 \gset
SELECT is(convert_from(decode(translate(split_part(:'t7', '.', 2), '-_', '+/')
                              || repeat('=', (4 - length(split_part(:'t7', '.', 2)) % 4) % 4), 'base64'), 'UTF8')::jsonb
            ->> 'name', 'Zoë', 'a non-ASCII claim is carried as UTF-8');
SELECT is((SELECT auth.es256_verify(:'t7', keys, 'neuronplane', 'neuronplane', true) ->> 'name' FROM jwks),
          'Zoë', 'and the token verifies');
SELECT isnt((SELECT auth.es256_verify(overlay(:'t7' placing 'x' from length(:'t7') - 3 for 1), keys,
                                      'neuronplane', 'neuronplane', true) FROM jwks) IS NOT NULL, true,
            'a token whose signature was changed does not');

SELECT * FROM finish();
ROLLBACK;
