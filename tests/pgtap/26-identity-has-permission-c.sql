-- identity.has_permission() in C (ext/neuronplane_authz.c): what the C function adds to
-- the stored decisions of 25-identity-decisions.sql, whose matrix already compares it with
-- the sources. Here: its catalog entry, NULL arguments, the API roles (who may call it but
-- not the PL/pgSQL reading it hands on to), a snapshot taken before a change, and a table
-- changed under it in the same session.
BEGIN;

\ir fixtures/identity.sql

CREATE FUNCTION pg_temp.id(n text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE n WHEN 'owner_a' THEN '00000000-0000-4000-8000-0000000000a1'
                  WHEN 'member_a' THEN '00000000-0000-4000-8000-0000000000a2'
                  WHEN 'viewer_a' THEN '00000000-0000-4000-8000-0000000000a3'
                  WHEN 'admin' THEN '00000000-0000-4000-8000-0000000000a0'
                  WHEN 'A' THEN '00000000-0000-4000-8000-00000000000a'
                  WHEN 'PA1' THEN '00000000-0000-4000-8000-0000000001a0'
                  WHEN 'PB1' THEN '00000000-0000-4000-8000-0000000001b0'
                  WHEN 'AG1' THEN '00000000-0000-4000-8000-0000000003a0'
                  WHEN 'key_pa1' THEN '00000000-0000-4000-8000-0000000007a0' END::uuid
$$;

SELECT plan(26);

-- The catalog: the same function, now in C, owned and granted as before.
SELECT is((SELECT l.lanname::text FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
            WHERE p.oid = 'identity.has_permission(uuid, text, uuid, text, uuid)'::regprocedure),
          'c', 'has_permission() is a C function');
SELECT ok((SELECT NOT prosecdef AND provolatile = 's' AND proconfig IS NULL
             FROM pg_proc WHERE oid = 'identity.has_permission(uuid, text, uuid, text, uuid)'::regprocedure),
          'has_permission() is STABLE, not SECURITY DEFINER, with no SET clause');
SELECT is((SELECT pg_get_userbyid(proowner)::text FROM pg_proc
            WHERE oid = 'identity.has_permission(uuid, text, uuid, text, uuid)'::regprocedure),
          'neuronplane_owner', 'has_permission() is still owned by neuronplane_owner');
SELECT ok((SELECT prosecdef AND 'search_path=pg_catalog, pg_temp' = ANY (proconfig)
             FROM pg_proc WHERE oid = 'identity.has_permission_stored(uuid, text, uuid, text, uuid)'::regprocedure),
          'has_permission_stored() is SECURITY DEFINER with a pinned search_path');
SELECT ok(NOT has_function_privilege('public', 'identity.has_permission_stored(uuid, text, uuid, text, uuid)', 'EXECUTE'),
          'has_permission_stored() is not granted to PUBLIC');

-- NULL arguments. A NULL type or permission is nothing granted: false, from the C function
-- and from the PL/pgSQL reading alike (the sources answer true to an owner asked for a NULL
-- permission, as admin implies every permission; has_permission() does not pass it on).
-- A NULL principal goes to the sources.
SELECT is(identity.has_permission(NULL, 'project', pg_temp.id('PA1'), 'read'),
          identity.decide_from_sources(NULL, 'project', pg_temp.id('PA1'), 'read'),
          'a NULL principal: as the sources');
SELECT is(identity.has_permission(pg_temp.id('owner_a'), NULL, pg_temp.id('PA1'), 'read'), false,
          'a NULL type: false');
SELECT is(identity.has_permission(pg_temp.id('owner_a'), 'project', pg_temp.id('PA1'), NULL), false,
          'a NULL permission: false');
SELECT is(identity.has_permission_stored(pg_temp.id('owner_a'), 'project', pg_temp.id('PA1'), NULL, pg_temp.id('key_pa1')),
          false, 'a NULL permission with a key: false');
SELECT is(array_agg(identity.has_permission(pg_temp.id(p), 'org', '00000000-0000-0000-0000-000000000000', 'read')
                    ORDER BY p),
          array_agg(identity.decide_from_sources(pg_temp.id(p), 'org', '00000000-0000-0000-0000-000000000000', 'read')
                    ORDER BY p),
          'the nil uuid asked as a resource (the key of a principal''s own row): as the sources')
  FROM unnest(ARRAY['admin', 'member_a', 'owner_a']) p;
SELECT is(identity.has_permission(pg_temp.id('owner_a'), 'project', pg_temp.id('PA1'), 'fly'), false,
          'an unknown permission on a fresh row: false');
SELECT is(identity.has_permission(pg_temp.id('admin'), 'project', pg_temp.id('PB1'), 'fly'),
          identity.decide_from_sources(pg_temp.id('admin'), 'project', pg_temp.id('PB1'), 'fly'),
          'an unknown permission asked by a platform admin: as the sources');

-- The API roles that may call has_permission() (row security policies do, as the querying
-- role) may not call the PL/pgSQL reading it hands API keys to; the C function reaches that all
-- the same (fmgr checks no privilege): member_a's agents, through the API, without a key
-- and with the key limited to PA1.
SELECT ok(has_function_privilege(r, 'identity.has_permission(uuid, text, uuid, text, uuid)', 'EXECUTE')
          AND NOT has_function_privilege(r, 'identity.has_permission_stored(uuid, text, uuid, text, uuid)', 'EXECUTE'),
          r || ' may execute has_permission(), not has_permission_stored()')
  FROM unnest(ARRAY['authenticated', 'service']) r;
SELECT ok(NOT has_function_privilege('anon', 'identity.has_permission_stored(uuid, text, uuid, text, uuid)', 'EXECUTE'),
          'anon may not execute has_permission_stored()');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT is((SELECT jsonb_agg(name ORDER BY name) FROM api.agents), '["AG1", "AG2"]'::jsonb,
          'authenticated, without a key: the agents of both projects of A');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2", "api_key_id": "00000000-0000-4000-8000-0000000007a0"}');
SELECT is((SELECT jsonb_agg(name ORDER BY name) FROM api.agents), '["AG1"]'::jsonb,
          'authenticated, with the key of PA1: the agent of PA1 only');
SELECT tests.clear_authentication();

-- The calling statement's snapshot: a statement that changes a membership reads the
-- decision as it was before; the next statement sees the change.
CREATE TEMP TABLE seen (answer boolean);
WITH changed AS (UPDATE identity.org_memberships SET role = 'member'
                  WHERE org_id = pg_temp.id('A') AND user_id = pg_temp.id('viewer_a') RETURNING 1)
INSERT INTO seen
SELECT identity.has_permission(pg_temp.id('viewer_a'), 'project', pg_temp.id('PA1'), 'write') FROM changed;
SELECT is((SELECT answer FROM seen), false,
          'the statement that makes viewer_a a member reads the decision before its change');
SELECT ok(identity.has_permission(pg_temp.id('viewer_a'), 'project', pg_temp.id('PA1'), 'write'),
          'the next statement sees the change');

-- The table changed or replaced under it in the same session: it is found again by name.
SAVEPOINT renamed;
ALTER TABLE identity.decisions RENAME COLUMN granted TO granted_bits;
SELECT throws_ok($$SELECT identity.has_permission('00000000-0000-4000-8000-0000000000a1', 'project',
                                                  '00000000-0000-4000-8000-0000000001a0', 'read')$$,
                 '42703', 'identity.decisions has no column "granted"',
                 'a renamed column: a clear error, not a wrong answer');
ROLLBACK TO SAVEPOINT renamed;
SELECT ok(identity.has_permission(pg_temp.id('owner_a'), 'project', pg_temp.id('PA1'), 'read'),
          'the column back: it answers again');
SAVEPOINT unkeyed;
ALTER TABLE identity.decisions DROP CONSTRAINT decisions_pkey;
SELECT throws_ok($$SELECT identity.has_permission('00000000-0000-4000-8000-0000000000a1', 'project',
                                                  '00000000-0000-4000-8000-0000000001a0', 'read')$$,
                 '42704', 'identity.decisions has no primary key',
                 'no primary key: a clear error');
ROLLBACK TO SAVEPOINT unkeyed;
SELECT ok(NOT identity.has_permission(pg_temp.id('viewer_a'), 'org', pg_temp.id('A'), 'admin'),
          'the key back: it answers again');

SAVEPOINT gone;
ALTER TABLE identity.decisions RENAME TO decisions_gone;
SELECT throws_ok($$SELECT identity.has_permission('00000000-0000-4000-8000-0000000000a1', 'project',
                                                  '00000000-0000-4000-8000-0000000001a0', 'read')$$,
                 '42P01', 'relation "identity.decisions" does not exist',
                 'no table under the name: a clear error');
ROLLBACK TO SAVEPOINT gone;
SAVEPOINT replaced;
ALTER TABLE identity.decisions RENAME TO decisions_before;
CREATE TABLE identity.decisions (LIKE identity.decisions_before INCLUDING ALL);
INSERT INTO identity.decisions SELECT * FROM identity.decisions_before WHERE principal_id = pg_temp.id('owner_a');
UPDATE identity.decisions SET granted = 0
 WHERE principal_id = pg_temp.id('owner_a') AND resource_id = pg_temp.id('PA1');
SELECT ok(NOT identity.has_permission(pg_temp.id('owner_a'), 'project', pg_temp.id('PA1'), 'read'),
          'a table made again under the name is the one read (its row, set wrong on purpose, decides)');
ROLLBACK TO SAVEPOINT replaced;
SELECT ok(identity.has_permission(pg_temp.id('owner_a'), 'project', pg_temp.id('PA1'), 'read'),
          'the first table back: it is read again');

SELECT * FROM finish();
ROLLBACK;
