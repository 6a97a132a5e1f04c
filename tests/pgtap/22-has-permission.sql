-- identity.has_permission(): the decision matrix, and explain_permission() and
-- permitted_ids() agreeing with it everywhere.
BEGIN;

\ir fixtures/identity.sql

-- Short names for the fixture's ids.
CREATE TEMP TABLE ids (name text PRIMARY KEY, id uuid NOT NULL);
INSERT INTO ids VALUES
    ('admin', '00000000-0000-4000-8000-0000000000a0'), ('owner_a', '00000000-0000-4000-8000-0000000000a1'),
    ('member_a', '00000000-0000-4000-8000-0000000000a2'), ('viewer_a', '00000000-0000-4000-8000-0000000000a3'),
    ('outsider', '00000000-0000-4000-8000-0000000000a4'), ('owner_b', '00000000-0000-4000-8000-0000000000b1'),
    ('solo', '00000000-0000-4000-8000-0000000000c1'), ('disabled', '00000000-0000-4000-8000-0000000000d1'),
    ('expired', '00000000-0000-4000-8000-0000000000e1'),
    ('A', '00000000-0000-4000-8000-00000000000a'), ('B', '00000000-0000-4000-8000-00000000000b'),
    ('PA1', '00000000-0000-4000-8000-0000000001a0'), ('PA2', '00000000-0000-4000-8000-0000000002a0'),
    ('PB1', '00000000-0000-4000-8000-0000000001b0'), ('PP', '00000000-0000-4000-8000-0000000001c0'),
    ('AG1', '00000000-0000-4000-8000-0000000003a0'), ('AG2', '00000000-0000-4000-8000-0000000004a0'),
    ('AGB', '00000000-0000-4000-8000-0000000003b0'), ('AGP', '00000000-0000-4000-8000-0000000003c0'),
    ('SA', '00000000-0000-4000-8000-0000000005a0'),
    ('key_viewer', '00000000-0000-4000-8000-0000000006a0'), ('key_pa1', '00000000-0000-4000-8000-0000000007a0'),
    ('key_revoked', '00000000-0000-4000-8000-0000000008a0'), ('key_expired', '00000000-0000-4000-8000-0000000009a0'),
    ('key_sa', '00000000-0000-4000-8000-0000000006b0'), ('key_solo', '00000000-0000-4000-8000-0000000006c0'),
    ('nothing', '00000000-0000-4000-8000-00000000dead');

CREATE FUNCTION pg_temp.id(n text) RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT id FROM ids WHERE name = n $$;

-- Policies under test.
INSERT INTO identity.policies (subject_id, subject_type, subject_role, resource_type, resource_id,
                               org_id, project_id, permission, effect, expires_at, conditions) VALUES
    -- deny beats the membership's allow
    (pg_temp.id('member_a'), 'user', NULL, 'project', pg_temp.id('PA2'), NULL, NULL, 'write', 'deny', NULL, NULL),
    -- a wildcard over org B's agents
    (pg_temp.id('outsider'), 'user', NULL, 'agent', NULL, pg_temp.id('B'), NULL, 'read', 'allow', NULL, NULL),
    -- a service account's explicit right on a project reaches the project's agents
    (pg_temp.id('SA'), 'service_account', NULL, 'project', pg_temp.id('PA1'), NULL, NULL, 'execute', 'allow', NULL, NULL),
    -- expired and not-yet-valid policies count for nothing
    (pg_temp.id('viewer_a'), 'user', NULL, 'org', pg_temp.id('B'), NULL, NULL, 'admin', 'allow', now() - interval '1 second', NULL),
    (pg_temp.id('viewer_a'), 'user', NULL, 'project', pg_temp.id('PB1'), NULL, NULL, 'read', 'allow', NULL,
     jsonb_build_object('not_before', now() + interval '1 day')),
    (pg_temp.id('viewer_a'), 'user', NULL, 'project', pg_temp.id('PB1'), NULL, NULL, 'write', 'allow', NULL,
     jsonb_build_object('not_before', now() - interval '1 day')),
    -- an org role as subject: every viewer of A may execute in PA1
    (pg_temp.id('A'), 'org', 'viewer', 'project', pg_temp.id('PA1'), NULL, NULL, 'execute', 'allow', NULL, NULL),
    -- a deny for an organization role reaches every member with that role
    (pg_temp.id('A'), 'org', 'member', 'project', pg_temp.id('PA2'), NULL, NULL, 'execute', 'deny', NULL, NULL),
    -- deny admin takes everything away, even from the owner
    (pg_temp.id('owner_a'), 'user', NULL, 'agent', pg_temp.id('AG1'), NULL, NULL, 'admin', 'deny', NULL, NULL),
    -- a platform-wide wildcard
    (pg_temp.id('owner_b'), 'user', NULL, 'project', NULL, NULL, NULL, 'read', 'allow', NULL, NULL),
    -- platform administrators come before denies
    (pg_temp.id('admin'), 'user', NULL, 'project', pg_temp.id('PA1'), NULL, NULL, 'read', 'deny', NULL, NULL);

CREATE TEMP TABLE matrix (principal text, rtype text, resource text, perm text, via_key text,
                          expected boolean, label text);
INSERT INTO matrix VALUES
    -- organization roles
    ('owner_a', 'org', 'A', 'admin', NULL, true, 'an owner administers the organization'),
    ('owner_a', 'project', 'PA1', 'admin', NULL, true, 'an owner administers its projects'),
    ('owner_a', 'agent', 'AG2', 'read', NULL, true, 'an owner reads the agents of its projects'),
    ('member_a', 'org', 'A', 'read', NULL, true, 'a member reads the organization'),
    ('member_a', 'org', 'A', 'admin', NULL, false, 'a member does not administer it'),
    ('member_a', 'project', 'PA1', 'write', NULL, true, 'a member writes the projects'),
    ('member_a', 'agent', 'AG1', 'execute', NULL, true, 'a member executes agents (org -> project -> agent)'),
    ('member_a', 'project', 'PA1', 'admin', NULL, false, 'a member does not administer projects'),
    ('viewer_a', 'project', 'PA2', 'read', NULL, true, 'a viewer reads'),
    ('viewer_a', 'project', 'PA2', 'write', NULL, false, 'a viewer does not write'),
    ('viewer_a', 'project', 'PA2', 'execute', NULL, false, 'a viewer does not execute'),
    ('outsider', 'org', 'A', 'read', NULL, false, 'a non-member reads nothing of the organization'),
    ('outsider', 'project', 'PA1', 'read', NULL, false, 'a non-member reads none of its projects'),
    ('owner_b', 'org', 'A', 'read', NULL, false, 'another organization''s owner reads nothing of A'),
    ('owner_b', 'project', 'PB1', 'admin', NULL, true, 'and administers its own'),
    -- deny wins
    ('member_a', 'project', 'PA2', 'write', NULL, false, 'a deny beats the membership''s allow'),
    ('member_a', 'project', 'PA2', 'read', NULL, true, 'a deny of write leaves read alone'),
    ('member_a', 'project', 'PA2', 'execute', NULL, false, 'a deny for an org role reaches its members'),
    ('member_a', 'project', 'PA1', 'execute', NULL, true, 'only on what it names'),
    ('owner_a', 'agent', 'AG1', 'read', NULL, false, 'a deny of admin takes every permission away'),
    ('owner_a', 'agent', 'AG2', 'read', NULL, true, 'a deny on one agent leaves the others'),
    -- wildcards
    ('outsider', 'agent', 'AGB', 'read', NULL, true, 'a wildcard over an organization''s agents grants them'),
    ('outsider', 'agent', 'AGB', 'write', NULL, false, 'only the granted permission'),
    ('outsider', 'project', 'PB1', 'read', NULL, false, 'a wildcard over agents grants no project'),
    ('outsider', 'agent', 'AG1', 'read', NULL, false, 'nor agents of another organization'),
    ('owner_b', 'project', 'PA1', 'read', NULL, true, 'a platform-wide wildcard reaches every project'),
    ('owner_b', 'project', 'PP', 'read', NULL, true, 'personal ones included'),
    ('owner_b', 'agent', 'AG1', 'read', NULL, true, 'and, inherited, their agents'),
    ('owner_b', 'project', 'PA1', 'write', NULL, false, 'only for the granted permission'),
    -- explicit rights of service accounts and org roles
    ('SA', 'project', 'PA1', 'execute', NULL, true, 'a service account has what a policy grants'),
    ('SA', 'agent', 'AG1', 'execute', NULL, true, 'inherited by the project''s agents'),
    ('SA', 'project', 'PA2', 'execute', NULL, false, 'and nothing else, although its org owns PA2'),
    ('SA', 'org', 'A', 'read', NULL, false, 'a service account gets nothing from its organization'),
    ('viewer_a', 'project', 'PA1', 'execute', NULL, true, 'a policy for the viewers of A grants every viewer'),
    ('viewer_a', 'project', 'PA2', 'execute', NULL, false, 'only on the named project'),
    -- expiry and conditions
    ('viewer_a', 'project', 'PB1', 'admin', NULL, false, 'an expired policy grants nothing'),
    ('viewer_a', 'project', 'PB1', 'read', NULL, false, 'a policy before its not_before grants nothing'),
    ('viewer_a', 'project', 'PB1', 'write', NULL, true, 'a policy after its not_before grants'),
    ('disabled', 'project', 'PA1', 'read', NULL, false, 'a disabled principal may do nothing'),
    ('expired', 'project', 'PA1', 'read', NULL, false, 'an expired principal may do nothing'),
    ('nothing', 'project', 'PA1', 'read', NULL, false, 'an unknown principal may do nothing'),
    -- platform administrators
    ('admin', 'project', 'PB1', 'admin', NULL, true, 'a platform administrator may do everything'),
    ('admin', 'project', 'PA1', 'read', NULL, true, 'even where a deny names it'),
    ('admin', 'project', NULL, 'admin', NULL, true, 'and on every resource of a type'),
    ('owner_a', 'project', NULL, 'read', NULL, false, 'others have no type-wide right by default'),
    ('owner_a', 'project', 'nothing', 'read', NULL, false, 'nobody but admins has rights on a missing resource'),
    ('owner_b', 'agent', 'nothing', 'read', NULL, false, 'not even through a platform-wide wildcard'),
    ('SA', 'agent', 'PA1', 'execute', NULL, false, 'a policy on a project does not answer for an agent of the same id'),
    ('SA', 'dataset', 'PA1', 'execute', NULL, false, 'nor for a dataset'),
    -- personal projects
    ('solo', 'project', 'PP', 'admin', NULL, true, 'a personal project''s owner administers it'),
    ('solo', 'agent', 'AGP', 'admin', NULL, true, 'and what it holds'),
    ('owner_a', 'project', 'PP', 'read', NULL, false, 'nobody else reads it'),
    -- resources with stricter rules
    ('member_a', 'api_key', 'key_viewer', 'admin', NULL, true, 'a key''s principal administers it'),
    ('viewer_a', 'api_key', 'key_viewer', 'read', NULL, false, 'other users do not see it'),
    ('owner_a', 'api_key', 'key_sa', 'admin', NULL, true, 'an owner administers the keys of its service accounts'),
    ('member_a', 'api_key', 'key_sa', 'read', NULL, false, 'a member does not read them'),
    ('owner_a', 'service_account', 'SA', 'admin', NULL, true, 'an owner administers its service accounts'),
    ('member_a', 'service_account', 'SA', 'read', NULL, false, 'a member does not read them'),
    ('SA', 'api_key', 'key_pa1', 'read', NULL, false, 'a read grant on a project does not reach its API keys'),
    ('owner_b', 'project', 'PB1', 'read', NULL, true, 'an owner reads its project'),
    ('outsider', 'audit', 'B', 'read', NULL, false, 'a wildcard on agents gives no audit log'),
    ('owner_a', 'audit', 'A', 'read', NULL, true, 'an owner reads the organization''s audit log'),
    ('member_a', 'audit', 'A', 'read', NULL, false, 'a member does not'),
    -- API keys narrow
    ('member_a', 'project', 'PA1', 'read', 'key_viewer', true, 'a viewer key lets reads through'),
    ('member_a', 'project', 'PA1', 'write', 'key_viewer', false, 'but not writes the user could do'),
    ('member_a', 'project', 'PA1', 'write', 'key_pa1', true, 'a project key works in its project'),
    ('member_a', 'agent', 'AG1', 'execute', 'key_pa1', true, 'and on what the project holds'),
    ('member_a', 'project', 'PA2', 'read', 'key_pa1', false, 'but not in another project'),
    ('member_a', 'org', 'A', 'read', 'key_pa1', false, 'nor on the organization'),
    ('member_a', 'project', 'PA1', 'admin', 'key_pa1', false, 'a member key adds nothing the user lacks'),
    ('member_a', 'project', 'PA1', 'read', 'key_revoked', false, 'a revoked key lets nothing through'),
    ('member_a', 'project', 'PA1', 'read', 'key_expired', false, 'an expired key lets nothing through'),
    ('member_a', 'project', 'PA1', 'read', 'key_sa', false, 'another principal''s key lets nothing through'),
    ('member_a', 'project', 'PA1', 'read', 'nothing', false, 'an unknown key lets nothing through'),
    ('SA', 'agent', 'AG1', 'execute', 'key_sa', true, 'a service key lets execute through'),
    ('admin', 'project', 'PA1', 'write', 'key_viewer', false, 'a key narrows even a platform administrator'),
    ('solo', 'agent', 'AGP', 'admin', 'key_solo', true, 'an admin key keeps all the principal may do');

SELECT plan((SELECT count(*)::integer FROM matrix) + 7);

SELECT is(identity.has_permission(pg_temp.id(principal), rtype, pg_temp.id(resource), perm,
                                  pg_temp.id(via_key)),
          expected, label)
  FROM matrix;

SELECT is((SELECT array_agg(label) FROM matrix m
            WHERE (SELECT x.effect = 'allow' FROM identity.explain_permission(
                       pg_temp.id(m.principal), m.rtype, pg_temp.id(m.resource), m.perm,
                       pg_temp.id(m.via_key)) x WHERE x.source = 'decision')
                  IS DISTINCT FROM m.expected),
          NULL, 'explain_permission() ends with the decision of has_permission() on every row');

SELECT ok(EXISTS (SELECT FROM identity.explain_permission(pg_temp.id('member_a'), 'project',
                                                          pg_temp.id('PA2'), 'write') x
                   WHERE x.source = 'policy' AND x.effect = 'deny'
                     AND x.detail LIKE 'deny write on project%'),
          'explain_permission() names the deny policy that decided');
SELECT ok(EXISTS (SELECT FROM identity.explain_permission(pg_temp.id('member_a'), 'project',
                                                          pg_temp.id('PA1'), 'write', pg_temp.id('key_viewer')) x
                   WHERE x.source = 'api_key' AND x.effect = 'deny'
                     AND x.detail = 'roles {viewer} do not include write'),
          'explain_permission() says why a key refused');

-- permitted_ids() is has_permission() over every resource of the type, for every
-- principal and permission of the fixture.
SELECT is((SELECT array_agg(format('%s %s %s', p.name, t.rtype, perm.p))
             FROM ids p
            CROSS JOIN (VALUES ('org'), ('project'), ('agent'), ('service_account'), ('api_key'), ('audit')) t(rtype)
            CROSS JOIN (VALUES ('read'), ('write'), ('admin')) perm(p)
            WHERE p.name IN ('admin', 'owner_a', 'member_a', 'viewer_a', 'outsider', 'owner_b', 'solo',
                             'disabled', 'SA')
              AND (SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM unnest(
                       identity.permitted_ids(p.id, t.rtype, perm.p)) x)
                  IS DISTINCT FROM
                  (SELECT coalesce(array_agg(s.resource_id ORDER BY s.resource_id), '{}')
                     FROM identity.resource_scopes s
                    WHERE s.resource_type = CASE t.rtype WHEN 'audit' THEN 'org' ELSE t.rtype END
                      AND identity.has_permission(p.id, t.rtype, s.resource_id, perm.p))),
          NULL, 'permitted_ids() lists exactly what has_permission() allows');
SELECT is(identity.permitted_ids(pg_temp.id('member_a'), 'project', 'write', pg_temp.id('key_pa1')),
          ARRAY[pg_temp.id('PA1')], 'permitted_ids() narrows through an API key too');
SELECT is((SELECT array_agg(format('%s %s %s %s', m.principal, m.rtype, m.perm, m.via_key))
             FROM (SELECT DISTINCT principal, rtype, perm, via_key FROM matrix WHERE via_key IS NOT NULL) m
            WHERE (SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM unnest(
                       identity.permitted_ids(pg_temp.id(m.principal), m.rtype, m.perm, pg_temp.id(m.via_key))) x)
                  IS DISTINCT FROM
                  (SELECT coalesce(array_agg(s.resource_id ORDER BY s.resource_id), '{}')
                     FROM identity.resource_scopes s
                    WHERE s.resource_type = CASE m.rtype WHEN 'audit' THEN 'org' ELSE m.rtype END
                      AND identity.has_permission(pg_temp.id(m.principal), m.rtype, s.resource_id,
                                                  m.perm, pg_temp.id(m.via_key)))),
          NULL, 'through every API key of the matrix too');
SELECT is(identity.permitted_ids(NULL, 'project', 'read'), '{}'::uuid[],
          'an anonymous caller is permitted nothing');

SELECT * FROM finish();
ROLLBACK;
