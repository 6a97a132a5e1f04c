-- Roles, schemas, extensions and api.health(), from each role's point of view.
BEGIN;
SELECT plan(42);

-- Roles --------------------------------------------------------------------------------
SELECT has_role(r, format('role %s exists', r))
  FROM unnest(ARRAY['authenticator', 'anon', 'authenticated', 'service',
                    'neuronplane_owner', 'neuronplane_worker']) AS r;
SELECT isnt_superuser(r, format('%s is not a superuser', r))
  FROM unnest(ARRAY['authenticator', 'anon', 'authenticated', 'service',
                    'neuronplane_owner', 'neuronplane_worker']) AS r;
SELECT is_member_of('anon', 'authenticator', 'authenticator may become anon');
SELECT is_member_of('authenticated', 'authenticator', 'authenticator may become authenticated');
SELECT is_member_of('service', 'authenticator', 'authenticator may become service');
SELECT ok(NOT pg_has_role('authenticator', 'neuronplane_owner', 'MEMBER'),
          'authenticator may not become the owner');
SELECT ok((SELECT rolbypassrls FROM pg_roles WHERE rolname = 'neuronplane_owner'),
          'the owner bypasses RLS (SECURITY DEFINER functions run as it)');
SELECT is(ARRAY(SELECT rolname::text FROM pg_roles
                 WHERE rolname IN ('authenticator', 'anon', 'authenticated', 'service',
                                   'neuronplane_owner', 'neuronplane_worker')
                   AND rolbypassrls ORDER BY 1),
          ARRAY['neuronplane_owner'],
          'no other role of ours bypasses RLS');

-- Schemas ------------------------------------------------------------------------------
SELECT has_schema(s, format('schema %s exists', s))
  FROM unnest(ARRAY['identity', 'auth', 'audit', 'workspace', 'ops', 'api', 'internal']) AS s;
SELECT schema_owner_is('api', 'neuronplane_owner', 'api is owned by neuronplane_owner');
SELECT schema_privs_are('api', 'anon', ARRAY['USAGE'], 'anon may use api, not create in it');
SELECT schema_privs_are('internal', 'authenticated', ARRAY[]::text[],
                        'authenticated has no rights on internal');
SELECT schema_privs_are('auth', 'anon', ARRAY[]::text[], 'anon has no rights on auth');
SELECT schema_privs_are('public', 'anon', ARRAY[]::text[],
                        'anon has no rights on schema public');

-- Extensions ---------------------------------------------------------------------------
SELECT has_extension('extensions', 'pgcrypto', 'pgcrypto is in schema extensions');
SELECT has_extension('extensions', 'citext', 'citext is in schema extensions');
SELECT has_extension('plpython3u', 'plpython3u is installed');

-- api.health() -------------------------------------------------------------------------
SELECT function_returns('api', 'health', ARRAY[]::text[], 'jsonb',
                        'api.health() returns jsonb');
SELECT is_definer('api', 'health', ARRAY[]::text[], 'api.health() is SECURITY DEFINER');
SELECT volatility_is('api', 'health', ARRAY[]::text[], 'stable', 'api.health() is STABLE');
SELECT function_privs_are('api', 'health', ARRAY[]::text[], 'anon', ARRAY['EXECUTE'],
                          'anon may call api.health()');

CREATE TEMP TABLE expected AS
SELECT change FROM sqitch.changes WHERE project = 'neuronplane' ORDER BY committed_at DESC LIMIT 1;
GRANT SELECT ON expected TO anon;

SELECT tests.authenticate_as('anon');
SELECT is(api.health() ->> 'database', current_database()::text,
          'as anon, api.health() reports the database');
SELECT is(api.health() ->> 'last_change',
          (SELECT change FROM expected),
          'as anon, api.health() reports the last deployed change');
SELECT is((api.health() ->> 'server_time')::timestamptz, now(),
          'api.health() reports the server time');
SELECT throws_ok('SELECT change FROM sqitch.changes', '42501',
                 'permission denied for schema sqitch',
                 'anon cannot read the sqitch registry itself');
SELECT tests.clear_authentication();

SELECT tests.authenticate_as('authenticator');
SELECT throws_ok('SELECT api.health()', '42501', 'permission denied for schema api',
                 'authenticator must switch role before it can call the API');
SELECT tests.clear_authentication();

SELECT * FROM finish();
ROLLBACK;
