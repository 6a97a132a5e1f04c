-- identity.decisions: has_permission() read from stored decisions answers as the sources
-- do (identity.decide_from_sources()) for every principal, resource, asked type,
-- permission and API key of the fixture, after each kind of change the triggers keep up
-- with; the stored rows equal a full recomputation; stale rows fall back to the sources.
BEGIN;

\ir fixtures/identity.sql

CREATE TEMP TABLE ids (name text PRIMARY KEY, id uuid NOT NULL);
INSERT INTO ids VALUES
    ('admin', '00000000-0000-4000-8000-0000000000a0'), ('owner_a', '00000000-0000-4000-8000-0000000000a1'),
    ('member_a', '00000000-0000-4000-8000-0000000000a2'), ('viewer_a', '00000000-0000-4000-8000-0000000000a3'),
    ('outsider', '00000000-0000-4000-8000-0000000000a4'), ('owner_b', '00000000-0000-4000-8000-0000000000b1'),
    ('solo', '00000000-0000-4000-8000-0000000000c1'), ('disabled', '00000000-0000-4000-8000-0000000000d1'),
    ('A', '00000000-0000-4000-8000-00000000000a'), ('B', '00000000-0000-4000-8000-00000000000b'),
    ('PA1', '00000000-0000-4000-8000-0000000001a0'), ('PA2', '00000000-0000-4000-8000-0000000002a0'),
    ('PB1', '00000000-0000-4000-8000-0000000001b0'), ('PP', '00000000-0000-4000-8000-0000000001c0'),
    ('AG1', '00000000-0000-4000-8000-0000000003a0'), ('AG2', '00000000-0000-4000-8000-0000000004a0'),
    ('AGB', '00000000-0000-4000-8000-0000000003b0'), ('SA', '00000000-0000-4000-8000-0000000005a0'),
    ('nothing', '00000000-0000-4000-8000-00000000dead');

CREATE FUNCTION pg_temp.id(n text) RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT id FROM ids WHERE name = n $$;

-- Every question whose stored answer (has_permission() in C, and has_permission_stored(),
-- its PL/pgSQL reading) differs from the sources' answer: every principal
-- (and one that does not exist) asking, with no key and with each key, each permission
-- on each resource as its own type, the audit log of each organization, a resource of
-- the wrong type, one that does not exist, and every resource of a type (NULL).
CREATE FUNCTION pg_temp.mismatches()
RETURNS TABLE (principal uuid, rtype text, resource uuid, perm text, key uuid,
               stored boolean, stored_plpgsql boolean, sources boolean)
LANGUAGE sql
AS $$
    WITH asked (rtype, resource) AS (
            SELECT s.resource_type, s.resource_id FROM identity.resource_scopes s
            UNION ALL
            SELECT 'audit', s.resource_id FROM identity.resource_scopes s WHERE s.resource_type = 'org'
            UNION ALL
            SELECT 'project', s.resource_id FROM identity.resource_scopes s WHERE s.resource_type = 'agent'
            UNION ALL
            SELECT t, x.r FROM unnest(ARRAY['project', 'agent', 'org']) t,
                               unnest(ARRAY[pg_temp.id('nothing'), NULL]) x (r)),
         q AS (
            SELECT who.id AS principal, a.rtype, a.resource, perm, k.id AS key
              FROM (SELECT pr.id FROM identity.principals pr UNION ALL SELECT pg_temp.id('nothing')) who
             CROSS JOIN asked a
             CROSS JOIN unnest(ARRAY['read', 'write', 'execute', 'admin']) perm
             CROSS JOIN (SELECT NULL::uuid AS id UNION ALL SELECT k.id FROM identity.api_keys k) k)
    SELECT q.*, x.stored, x.stored_plpgsql, x.sources
      FROM q
     CROSS JOIN LATERAL (
            SELECT identity.has_permission(q.principal, q.rtype, q.resource, q.perm, q.key) AS stored,
                   identity.has_permission_stored(q.principal, q.rtype, q.resource, q.perm, q.key)
                       AS stored_plpgsql,
                   identity.decide_from_sources(q.principal, q.rtype, q.resource, q.perm, q.key) AS sources) x
     WHERE x.stored IS DISTINCT FROM x.sources OR x.stored_plpgsql IS DISTINCT FROM x.sources
$$;

-- Every listing of permitted_ids() that differs from has_permission() over every resource
-- of the type: every principal (and one that does not exist), type, permission, without a
-- key and with each key.
CREATE FUNCTION pg_temp.permitted_mismatches()
RETURNS TABLE (principal uuid, rtype text, perm text, key uuid)
LANGUAGE sql
AS $$
    SELECT who.id, t, perm, k.id
      FROM (SELECT pr.id FROM identity.principals pr UNION ALL SELECT pg_temp.id('nothing')) who
     CROSS JOIN unnest(ARRAY['org', 'project', 'agent', 'tool', 'dataset', 'service_account',
                             'api_key', 'audit']) t
     CROSS JOIN unnest(ARRAY['read', 'write', 'execute', 'admin']) perm
     CROSS JOIN (SELECT NULL::uuid AS id UNION ALL SELECT k.id FROM identity.api_keys k) k
     WHERE (SELECT coalesce(array_agg(x ORDER BY x), '{}')
              FROM unnest(identity.permitted_ids(who.id, t, perm, k.id)) x)
           IS DISTINCT FROM
           (SELECT coalesce(array_agg(s.resource_id ORDER BY s.resource_id), '{}')
              FROM identity.resource_scopes s
             WHERE s.resource_type = CASE t WHEN 'audit' THEN 'org' ELSE t END
               AND identity.has_permission(who.id, t, s.resource_id, perm, k.id))
$$;

-- After a change: the same answers, and the stored rows equal a full recomputation.
CREATE FUNCTION pg_temp.agrees(what text)
RETURNS SETOF text
LANGUAGE plpgsql
AS $$
BEGIN
    RETURN NEXT is_empty('SELECT * FROM pg_temp.mismatches()',
                         what || ': has_permission() and has_permission_stored() answer as the sources');
    RETURN NEXT is_empty('SELECT * FROM pg_temp.permitted_mismatches()',
                         what || ': permitted_ids() lists what has_permission() allows');
    RETURN NEXT is_empty('SELECT * FROM identity.decisions_drift()',
                         what || ': the stored decisions equal a recomputation');
END
$$;

SELECT plan(72);

SELECT ok((SELECT count(*) FROM identity.decisions
            WHERE resource_id <> '00000000-0000-0000-0000-000000000000') > 20,
          'the fixture''s memberships, ownerships and policies are stored as decisions');
SELECT is((SELECT count(*) FROM identity.decisions
            WHERE resource_id = '00000000-0000-0000-0000-000000000000'),
          (SELECT count(*) FROM identity.principals),
          'every principal has its own row');
SELECT * FROM pg_temp.agrees('the fixture');

-- Policies of every shape, in one statement.
INSERT INTO identity.policies (subject_id, subject_type, subject_role, resource_type, resource_id,
                               org_id, project_id, permission, effect, expires_at, conditions) VALUES
    (pg_temp.id('member_a'), 'user', NULL, 'project', pg_temp.id('PA2'), NULL, NULL, 'write', 'deny', NULL, NULL),
    (pg_temp.id('outsider'), 'user', NULL, 'agent', NULL, pg_temp.id('B'), NULL, 'read', 'allow', NULL, NULL),
    (pg_temp.id('outsider'), 'user', NULL, 'project', NULL, pg_temp.id('A'), NULL, 'execute', 'allow', NULL, NULL),
    (pg_temp.id('SA'), 'service_account', NULL, 'project', pg_temp.id('PA1'), NULL, NULL, 'execute', 'allow', NULL, NULL),
    (pg_temp.id('SA'), 'service_account', NULL, 'api_key', NULL, NULL, pg_temp.id('PA1'), 'admin', 'allow', NULL, NULL),
    (pg_temp.id('viewer_a'), 'user', NULL, 'org', pg_temp.id('B'), NULL, NULL, 'admin', 'allow', now() - interval '1 second', NULL),
    (pg_temp.id('viewer_a'), 'user', NULL, 'project', pg_temp.id('PB1'), NULL, NULL, 'read', 'allow', NULL,
     jsonb_build_object('not_before', now() + interval '1 day')),
    (pg_temp.id('viewer_a'), 'user', NULL, 'project', pg_temp.id('PB1'), NULL, NULL, 'write', 'allow',
     now() + interval '1 hour', jsonb_build_object('not_before', now() - interval '1 day')),
    (pg_temp.id('A'), 'org', 'viewer', 'project', pg_temp.id('PA1'), NULL, NULL, 'execute', 'allow', NULL, NULL),
    (pg_temp.id('A'), 'org', 'member', 'project', pg_temp.id('PA2'), NULL, NULL, 'execute', 'deny', NULL, NULL),
    (pg_temp.id('A'), 'org', 'viewer', 'audit', NULL, pg_temp.id('A'), NULL, 'read', 'allow', NULL, NULL),
    (pg_temp.id('owner_a'), 'user', NULL, 'agent', pg_temp.id('AG1'), NULL, NULL, 'admin', 'deny', NULL, NULL),
    (pg_temp.id('owner_b'), 'user', NULL, 'project', NULL, NULL, NULL, 'read', 'allow', NULL, NULL),
    (pg_temp.id('owner_b'), 'user', NULL, 'org', NULL, NULL, NULL, 'read', 'deny', now() + interval '2 hours', NULL),
    (pg_temp.id('A'), 'org', NULL, 'agent', NULL, pg_temp.id('A'), NULL, 'execute', 'allow', NULL, NULL),
    (pg_temp.id('admin'), 'user', NULL, 'project', pg_temp.id('PA1'), NULL, NULL, 'read', 'deny', NULL, NULL);
SELECT * FROM pg_temp.agrees('sixteen policies inserted in one statement');

SELECT is((SELECT d.valid_until FROM identity.decisions d
            WHERE d.principal_id = pg_temp.id('viewer_a') AND d.resource_id = pg_temp.id('PB1')),
          now() + interval '1 hour',
          'a row carries the first time one of its policies starts or ends');

-- One policy at a time: insert, update, delete.
INSERT INTO identity.policies (subject_id, subject_type, resource_type, resource_id, permission)
VALUES (pg_temp.id('outsider'), 'user', 'agent', pg_temp.id('AG2'), 'write');
SELECT * FROM pg_temp.agrees('a policy on one agent');
UPDATE identity.policies SET permission = 'admin'
 WHERE subject_id = pg_temp.id('outsider') AND resource_id = pg_temp.id('AG2');
SELECT * FROM pg_temp.agrees('that policy raised to admin');
UPDATE identity.policies SET subject_role = 'member'
 WHERE subject_id = pg_temp.id('A') AND subject_role = 'viewer' AND resource_type = 'project';
SELECT * FROM pg_temp.agrees('a role policy moved from viewers to members');
DELETE FROM identity.policies WHERE subject_id = pg_temp.id('member_a') AND effect = 'deny';
SELECT * FROM pg_temp.agrees('a deny deleted');

-- Memberships.
INSERT INTO identity.org_memberships (org_id, user_id, role)
VALUES (pg_temp.id('B'), pg_temp.id('member_a'), 'viewer');
SELECT * FROM pg_temp.agrees('a new membership');
UPDATE identity.org_memberships SET role = 'admin'
 WHERE org_id = pg_temp.id('A') AND user_id = pg_temp.id('viewer_a');
SELECT * FROM pg_temp.agrees('a viewer made admin');
DELETE FROM identity.org_memberships WHERE org_id = pg_temp.id('A') AND user_id = pg_temp.id('member_a');
SELECT * FROM pg_temp.agrees('a membership removed');

-- Principals and users.
UPDATE identity.users SET disabled_at = now() WHERE id = pg_temp.id('owner_b');
SELECT * FROM pg_temp.agrees('a user disabled');
UPDATE identity.users SET disabled_at = NULL WHERE id = pg_temp.id('owner_b');
UPDATE identity.principals SET expires_at = now() + interval '1 day' WHERE id = pg_temp.id('outsider');
SELECT * FROM pg_temp.agrees('a user enabled again, another given an end of validity');
UPDATE identity.users SET is_admin = true WHERE id = pg_temp.id('solo');
UPDATE identity.users SET is_admin = false WHERE id = pg_temp.id('admin');
SELECT * FROM pg_temp.agrees('one platform admin made, one unmade');

-- Resources made, moved, deleted.
INSERT INTO identity.projects (id, org_id, name)
VALUES ('00000000-0000-4000-8000-0000000001d0', pg_temp.id('B'), 'PB2');
INSERT INTO identity.agents (id, project_id, name)
VALUES ('00000000-0000-4000-8000-0000000003d0', '00000000-0000-4000-8000-0000000001d0', 'AGB2');
SELECT * FROM pg_temp.agrees('a project and an agent made');
UPDATE identity.projects SET org_id = pg_temp.id('A') WHERE id = '00000000-0000-4000-8000-0000000001d0';
SELECT * FROM pg_temp.agrees('the project moved to another organization, its agent along');
DELETE FROM identity.agents WHERE id = pg_temp.id('AG2');
SELECT * FROM pg_temp.agrees('an agent deleted');
SELECT is((SELECT count(*) FROM identity.decisions WHERE resource_id = pg_temp.id('AG2')), 0::bigint,
          'no decision outlives its resource');
DELETE FROM identity.users WHERE id = pg_temp.id('outsider');
SELECT * FROM pg_temp.agrees('a user deleted');
SELECT is((SELECT count(*) FROM identity.decisions WHERE principal_id = pg_temp.id('outsider')), 0::bigint,
          'no decision outlives its principal');

-- has_permission() reads the stored row when it is fresh (a row set wrong on purpose is
-- believed), and asks the sources once the row is past its valid_until.
UPDATE identity.decisions SET granted = 0
 WHERE principal_id = pg_temp.id('owner_a') AND resource_id = pg_temp.id('PA1');
SELECT ok(NOT identity.has_permission(pg_temp.id('owner_a'), 'project', pg_temp.id('PA1'), 'read')
          AND identity.decide_from_sources(pg_temp.id('owner_a'), 'project', pg_temp.id('PA1'), 'read'),
          'a fresh stored row decides (the sources are not asked)');
UPDATE identity.decisions SET valid_until = now() - interval '1 second'
 WHERE principal_id = pg_temp.id('owner_a') AND resource_id = pg_temp.id('PA1');
SELECT ok(identity.has_permission(pg_temp.id('owner_a'), 'project', pg_temp.id('PA1'), 'read'),
          'a stale row is decided from the sources');
UPDATE identity.decisions SET valid_until = now() - interval '1 second', is_admin = true
 WHERE principal_id = pg_temp.id('member_a') AND resource_id = '00000000-0000-0000-0000-000000000000';
SELECT is((SELECT count(*) FROM identity.decisions
            WHERE principal_id = pg_temp.id('member_a') AND resource_id = pg_temp.id('PP')), 0::bigint,
          'member_a holds no row on the personal project PP');
SELECT ok(NOT identity.has_permission(pg_temp.id('member_a'), 'project', pg_temp.id('PP'), 'read'),
          'without a row on the resource, a stale principal row is decided from the sources');
UPDATE identity.decisions d SET granted = 15, valid_until = now() - interval '1 second'
 WHERE (d.principal_id, d.resource_id) =
       (SELECT w.principal_id, w.resource_id FROM identity.decisions w
         WHERE w.resource_id <> '00000000-0000-0000-0000-000000000000' AND NOT w.is_admin
           AND w.valid_until IS NULL AND w.principal_id <> pg_temp.id('member_a')
           AND NOT identity.decide_from_sources(w.principal_id, w.resource_type, w.resource_id, 'admin')
         ORDER BY 1, 2 LIMIT 1);
SELECT is_empty('SELECT * FROM pg_temp.permitted_mismatches()',
                'with stale rows (one granting everything on purpose, a stale principal row), permitted_ids() lists what has_permission() allows');
UPDATE identity.decisions SET valid_until = NULL
 WHERE principal_id = pg_temp.id('member_a') AND resource_id = '00000000-0000-0000-0000-000000000000';
SELECT ok(identity.has_permission(pg_temp.id('member_a'), 'project', pg_temp.id('PP'), 'read'),
          'without a row on the resource, a fresh principal row decides (platform admin here)');
UPDATE identity.decisions SET valid_until = now() - interval '1 second'
 WHERE principal_id = pg_temp.id('member_a') AND resource_id = '00000000-0000-0000-0000-000000000000';
SELECT cmp_ok(identity.refresh_stale_decisions(), '>', 0::bigint,
              'refresh_stale_decisions() recomputes the stale rows');
SELECT * FROM pg_temp.agrees('after refresh_stale_decisions()');

-- The stored rows are closed to every API role.
CREATE FUNCTION pg_temp.closed_to(role_name text)
RETURNS SETOF text
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM tests.authenticate_as(role_name, jsonb_build_object('sub', pg_temp.id('member_a')));
    RETURN NEXT throws_ok('SELECT count(*) FROM identity.decisions', '42501', NULL,
                          role_name || ' cannot read identity.decisions');
    RETURN NEXT throws_ok('SELECT count(*) FROM identity.decisions_epoch', '42501', NULL,
                          role_name || ' cannot read identity.decisions_epoch');
    RETURN NEXT throws_ok('SELECT identity.refresh_decisions(NULL, NULL)', '42501', NULL,
                          role_name || ' cannot recompute identity.decisions');
    PERFORM tests.clear_authentication();
END
$$;
SELECT * FROM pg_temp.closed_to('anon');
SELECT * FROM pg_temp.closed_to('authenticated');
SELECT * FROM pg_temp.closed_to('service');

SELECT * FROM finish();
ROLLBACK;
