-- auth/sessions: the audit event api.refresh() inserts itself is the row
-- audit.record() would write, with and without PostgREST's headers; the shared claims
-- helper; issue_access_token() unchanged in what it signs; a rotation without an active
-- key fails and writes nothing; the helper is closed to the API roles.
BEGIN;
SELECT plan(14);

\ir fixtures/identity.sql

SELECT auth.set_password('00000000-0000-4000-8000-0000000000a2', 'Orbit-Lantern-Quiet-77');
CREATE TEMP TABLE jwks AS SELECT auth.jwks() AS keys;

-- A fresh session of fx_member_a; its refresh token in :rtN, its id in :sidN.
CREATE FUNCTION pg_temp.login() RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE answer jsonb;
BEGIN
    PERFORM tests.authenticate_as('anon');
    answer := api.login('fx_member_a', 'Orbit-Lantern-Quiet-77');
    PERFORM tests.clear_authentication();
    RETURN answer;
END $$;
-- The audit row of an event, as the columns audit.record() fills.
CREATE FUNCTION pg_temp.event_row(event_id bigint) RETURNS text LANGUAGE sql AS $$
    SELECT row(principal_id, principal_type, org_id, project_id, action, resource_type,
               resource_id, outcome, ip, user_agent, request_id, details)::text
      FROM audit.events WHERE id = event_id
$$;

-- Behind PostgREST, with a trusted proxy --------------------------------------------------
UPDATE audit.settings SET trusted_proxy_header = 'x-forwarded-for';
SELECT pg_temp.login() AS l1 \gset
SELECT (:'l1'::jsonb) ->> 'refresh_token' AS rt1, (:'l1'::jsonb) ->> 'session_id' AS sid1 \gset
SELECT set_config('request.headers', json_build_object(
    'user-agent', 'Mozilla/5.0 ' || repeat('x', 600), 'x-request-id', 'req-' || repeat('7', 200),
    'x-forwarded-for', '203.0.113.9, 198.51.100.7')::text, true);
SELECT tests.authenticate_as('anon');
SELECT api.refresh(:'rt1') AS r1 \gset
SELECT tests.clear_authentication();
SELECT max(id) AS rotated_id FROM audit.events WHERE action = 'auth.refresh.rotated' AND resource_id = :'sid1' \gset
SELECT audit.record('auth.refresh.rotated', 'success', 'session', :'sid1', '{}',
                    '00000000-0000-4000-8000-0000000000a2', 'user',
                    ip => auth.request_ip(), user_agent => auth.request_user_agent()) AS recorded_id \gset
SELECT is(pg_temp.event_row(:rotated_id), pg_temp.event_row(:recorded_id),
          'behind a trusted proxy, the rotation''s audit row is the one audit.record() writes');
SELECT is((SELECT row(ip, length(user_agent), length(request_id))::text FROM audit.events WHERE id = :rotated_id),
          row('198.51.100.7'::inet, 512, 128)::text,
          'the proxy''s address, the user agent cut to 512 and the request id to 128 characters');
SELECT ok((SELECT occurred_at BETWEEN now() AND clock_timestamp() FROM audit.events WHERE id = :rotated_id),
          'occurred_at is the server''s clock');
SELECT set_config('request.headers', '', true);
UPDATE audit.settings SET trusted_proxy_header = NULL;

-- A direct SQL client ------------------------------------------------------------------------
SELECT (:'r1'::jsonb) ->> 'refresh_token' AS rt2 \gset
SELECT tests.authenticate_as('anon');
SELECT api.refresh(:'rt2') AS r2 \gset
SELECT tests.clear_authentication();
SELECT max(id) AS direct_id FROM audit.events WHERE action = 'auth.refresh.rotated' AND resource_id = :'sid1' \gset
SELECT audit.record('auth.refresh.rotated', 'success', 'session', :'sid1', '{}',
                    '00000000-0000-4000-8000-0000000000a2', 'user',
                    ip => auth.request_ip(), user_agent => auth.request_user_agent()) AS direct_recorded_id \gset
SELECT is(pg_temp.event_row(:direct_id), pg_temp.event_row(:direct_recorded_id),
          'without headers too: the connection''s address, no user agent, no request id');
SELECT is((SELECT count(*)::integer FROM audit.events
            WHERE action = 'auth.refresh.rotated' AND resource_id = :'sid1'), 4,
          'one event per rotation (two rotations, two comparison rows)');

-- The answer and its token -----------------------------------------------------------------
SELECT ok((:'r2'::jsonb) ->> 'expires_at' ~ '^[0-9]+$'
          AND ((:'r2'::jsonb) ->> 'expires_at')::bigint
              BETWEEN extract(epoch FROM now() + interval '15 minutes')::bigint - 1
                  AND extract(epoch FROM clock_timestamp() + interval '15 minutes')::bigint + 1,
          'expires_at is access_ttl from now, in epoch seconds');
SELECT is((SELECT c ->> 'exp' FROM (SELECT auth.es256_verify((:'r2'::jsonb) ->> 'access_token', keys,
                                                            'neuronplane', 'neuronplane', true) AS c
                                      FROM jwks) v),
          (:'r2'::jsonb) ->> 'expires_at', 'and it is the access token''s exp');

-- The claims helper --------------------------------------------------------------------------
SELECT is(auth.access_token_claims('iss-x', 'aud-y', '00000000-0000-4000-8000-0000000000a2', 'service',
                                   NULL, 'service_account', 1000, interval '90 seconds') - 'jti',
          '{"iss": "iss-x", "aud": "aud-y", "sub": "00000000-0000-4000-8000-0000000000a2",
            "role": "service", "principal_type": "service_account", "iat": 1000, "exp": 1090}'::jsonb,
          'the claims: no sid without a session, exp = iat + lifetime');
SELECT isnt(auth.access_token_claims('i', 'a', gen_random_uuid(), 'service', NULL, 'user', 1, '1 s') ->> 'jti',
            auth.access_token_claims('i', 'a', gen_random_uuid(), 'service', NULL, 'user', 1, '1 s') ->> 'jti',
            'every call draws a new jti');
SELECT is((SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(
              auth.es256_verify(auth.issue_access_token('00000000-0000-4000-8000-0000000000a2', 'user',
                                                        'authenticated', :'sid1', '{"scope": "x"}'),
                                (SELECT keys FROM jwks), 'neuronplane', 'neuronplane', true)) AS k),
          ARRAY['aud', 'exp', 'iat', 'iss', 'jti', 'principal_type', 'role', 'scope', 'sid', 'sub'],
          'issue_access_token() signs the same claims as before, extra claims included');
SELECT ok(NOT has_function_privilege('anon', 'auth.access_token_claims(text, text, uuid, text, uuid, text, bigint, interval)', 'EXECUTE')
          AND NOT has_function_privilege('authenticated', 'auth.access_token_claims(text, text, uuid, text, uuid, text, bigint, interval)', 'EXECUTE')
          AND NOT has_function_privilege('service', 'auth.access_token_claims(text, text, uuid, text, uuid, text, bigint, interval)', 'EXECUTE'),
          'no API role may call the claims helper');

-- No active key: the rotation fails, and nothing of it stays -------------------------------------
SELECT pg_temp.login() AS l3 \gset
SELECT (:'l3'::jsonb) ->> 'refresh_token' AS rt3, (:'l3'::jsonb) ->> 'session_id' AS sid3 \gset
UPDATE auth.signing_keys SET status = 'retired', retired_at = clock_timestamp() WHERE status = 'active';
SELECT tests.authenticate_as('anon');
SAVEPOINT no_key;
SELECT throws_ok(format('SELECT api.refresh(%L)', :'rt3'), '55000', 'no signing key is active',
                 'without an active key a rotation fails with 55000');
ROLLBACK TO SAVEPOINT no_key;
SELECT tests.clear_authentication();
SELECT is((SELECT row(count(*), count(used_at))::text FROM auth.refresh_tokens WHERE session_id = :'sid3'),
          row(1, 0)::text, 'its token is not spent and has no successor');
SELECT is((SELECT count(*)::integer FROM audit.events
            WHERE action = 'auth.refresh.rotated' AND resource_id = :'sid3'), 0, 'and no rotation was audited');

SELECT * FROM finish();
ROLLBACK;
