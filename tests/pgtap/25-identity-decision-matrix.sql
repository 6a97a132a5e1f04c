-- The decision matrix: every principal kind x resource type x permission, without and
-- with API keys, against answers written here; then permitted_ids() and
-- explain_permission() agree with has_permission() on the whole fixture.
BEGIN;

\ir fixtures/identity.sql

-- One resource of each type in organization A (project PA1 holds the tool, dataset, model).
INSERT INTO identity.tools (id, project_id, name) VALUES
    ('00000000-0000-4000-8000-00000000a001', '00000000-0000-4000-8000-0000000001a0', 'T1');
INSERT INTO identity.datasets (id, project_id, name) VALUES
    ('00000000-0000-4000-8000-00000000a002', '00000000-0000-4000-8000-0000000001a0', 'D1');
INSERT INTO workspace.llm_models (id, project_id, provider, model_name) VALUES
    ('00000000-0000-4000-8000-00000000a003', '00000000-0000-4000-8000-0000000001a0', 'local', 'm1');

CREATE TEMP TABLE who (name text PRIMARY KEY, id uuid NOT NULL);
INSERT INTO who VALUES
    ('platform admin', '00000000-0000-4000-8000-0000000000a0'),
    ('owner', '00000000-0000-4000-8000-0000000000a1'),
    ('member', '00000000-0000-4000-8000-0000000000a2'),
    ('viewer', '00000000-0000-4000-8000-0000000000a3'),
    ('outsider', '00000000-0000-4000-8000-0000000000a4'),
    ('disabled member', '00000000-0000-4000-8000-0000000000d1'),
    ('expired member', '00000000-0000-4000-8000-0000000000e1'),
    ('service account', '00000000-0000-4000-8000-0000000005a0'),
    ('agent', '00000000-0000-4000-8000-0000000003a0'),
    ('organization', '00000000-0000-4000-8000-00000000000a');

CREATE TEMP TABLE what (rtype text PRIMARY KEY, id uuid NOT NULL);
INSERT INTO what VALUES
    ('org', '00000000-0000-4000-8000-00000000000a'),
    ('project', '00000000-0000-4000-8000-0000000001a0'),
    ('agent', '00000000-0000-4000-8000-0000000003a0'),
    ('tool', '00000000-0000-4000-8000-00000000a001'),
    ('dataset', '00000000-0000-4000-8000-00000000a002'),
    ('model', '00000000-0000-4000-8000-00000000a003'),
    ('service_account', '00000000-0000-4000-8000-0000000005a0'),
    ('api_key', '00000000-0000-4000-8000-0000000006a0'),      -- the member's viewer key
    ('audit', '00000000-0000-4000-8000-00000000000a');

CREATE TEMP TABLE keys (name text PRIMARY KEY, id uuid NOT NULL);
INSERT INTO keys VALUES
    ('viewer key', '00000000-0000-4000-8000-0000000006a0'),
    ('member key of PA1', '00000000-0000-4000-8000-0000000007a0'),
    ('revoked admin key', '00000000-0000-4000-8000-0000000008a0'),
    ('service key', '00000000-0000-4000-8000-0000000006b0');

-- Expected answers: r, w, x, a for read, write, execute, admin; "-" for no.
CREATE TEMP TABLE expected (principal text, via_key text, rtype text, mask text);
INSERT INTO expected
SELECT principal, via_key, rtype, mask FROM (VALUES
    ('platform admin', NULL, 'org rwxa project rwxa agent rwxa tool rwxa dataset rwxa model rwxa service_account rwxa api_key rwxa audit rwxa'),
    -- (the api_key is the member's own: a personal key belongs to no organization)
    ('owner',          NULL, 'org rwxa project rwxa agent rwxa tool rwxa dataset rwxa model rwxa service_account rwxa api_key ---- audit rwxa'),
    ('member',         NULL, 'org rwx- project rwx- agent rwx- tool rwx- dataset rwx- model rwx- service_account ---- api_key rwxa audit ----'),
    ('viewer',         NULL, 'org r--- project r--- agent r--- tool r--- dataset r--- model r--- service_account ---- api_key ---- audit ----'),
    ('outsider',       NULL, 'org ---- project ---- agent ---- tool ---- dataset ---- model ---- service_account ---- api_key ---- audit ----'),
    ('disabled member', NULL, 'org ---- project ---- agent ---- tool ---- dataset ---- model ---- service_account ---- api_key ---- audit ----'),
    ('expired member', NULL, 'org ---- project ---- agent ---- tool ---- dataset ---- model ---- service_account ---- api_key ---- audit ----'),
    ('service account', NULL, 'org ---- project ---- agent ---- tool ---- dataset ---- model ---- service_account ---- api_key ---- audit ----'),
    ('agent',          NULL, 'org ---- project ---- agent ---- tool ---- dataset ---- model ---- service_account ---- api_key ---- audit ----'),
    ('organization',   NULL, 'org ---- project ---- agent ---- tool ---- dataset ---- model ---- service_account ---- api_key ---- audit ----'),
    -- a key narrows to its roles, and to its project if it has one
    ('member', 'viewer key', 'org r--- project r--- agent r--- tool r--- dataset r--- model r--- service_account ---- api_key r--- audit ----'),
    ('member', 'member key of PA1', 'org ---- project rwx- agent rwx- tool rwx- dataset rwx- model rwx- service_account ---- api_key ---- audit ----'),
    ('member', 'revoked admin key', 'org ---- project ---- agent ---- tool ---- dataset ---- model ---- service_account ---- api_key ---- audit ----'),
    ('service account', 'service key', 'org ---- project ---- agent ---- tool ---- dataset ---- model ---- service_account ---- api_key ---- audit ----'),
    -- another principal's key lets nothing through
    ('owner', 'viewer key', 'org ---- project ---- agent ---- tool ---- dataset ---- model ---- service_account ---- api_key ---- audit ----')
) AS rows (principal, via_key, answers)
CROSS JOIN LATERAL (
    SELECT a[2 * i - 1] AS rtype, a[2 * i] AS mask
      FROM (SELECT string_to_array(answers, ' ') AS a) x, generate_series(1, 9) i) pairs;

CREATE TEMP TABLE asked (perm text, letter text);
INSERT INTO asked VALUES ('read', 'r'), ('write', 'w'), ('execute', 'x'), ('admin', 'a');

SELECT plan(13);

SELECT is((SELECT count(*)::integer FROM expected), 135,
          'the matrix covers 15 principal-and-key cases on 9 resource types');
SELECT is((SELECT count(DISTINCT rtype)::integer FROM expected e
            WHERE EXISTS (SELECT FROM identity.resource_types t WHERE t.name = e.rtype)), 9,
          'every resource type of the catalogue is in the matrix');

SELECT is((SELECT array_agg(format('%s%s: %s %s', e.principal, coalesce(' with ' || e.via_key, ''),
                                   q.perm, e.rtype) ORDER BY e.principal, e.rtype, q.perm)
             FROM expected e
             JOIN who p ON p.name = e.principal
             JOIN what r ON r.rtype = e.rtype
             LEFT JOIN keys k ON k.name = e.via_key
            CROSS JOIN asked q
            WHERE identity.has_permission(p.id, e.rtype, r.id, q.perm, k.id)
                  IS DISTINCT FROM (strpos(e.mask, q.letter) > 0)),
          NULL, 'has_permission() gives the expected answer on all 540 questions');

-- Agreement on the whole fixture: every principal, type, permission, and no key or any key.
CREATE TEMP TABLE questions AS
SELECT p.id AS principal_id, t.name AS rtype, t.scope_type, q.perm, k.id AS key_id
  FROM (SELECT id FROM who UNION SELECT id FROM identity.users) p
 CROSS JOIN identity.resource_types t
 CROSS JOIN asked q
 CROSS JOIN (SELECT NULL::uuid AS id UNION ALL SELECT id FROM identity.api_keys) k;

SELECT cmp_ok((SELECT count(*)::integer FROM questions), '>', 3000, 'the fixture asks thousands of questions');
SELECT is((SELECT array_agg(format('%s %s %s %s', x.principal_id, x.rtype, x.perm, x.key_id))
             FROM questions x
            WHERE (SELECT coalesce(array_agg(i ORDER BY i), '{}')
                     FROM unnest(identity.permitted_ids(x.principal_id, x.rtype, x.perm, x.key_id)) i)
                  IS DISTINCT FROM
                  (SELECT coalesce(array_agg(s.resource_id ORDER BY s.resource_id), '{}')
                     FROM identity.resource_scopes s
                    WHERE s.resource_type = x.scope_type
                      AND identity.has_permission(x.principal_id, x.rtype, s.resource_id, x.perm, x.key_id))),
          NULL, 'permitted_ids() lists exactly the resources has_permission() allows, for every question');
SELECT is((SELECT array_agg(format('%s %s %s %s %s', x.principal_id, x.rtype, s.resource_id, x.perm, x.key_id))
             FROM questions x
             JOIN identity.resource_scopes s ON s.resource_type = x.scope_type
            WHERE x.principal_id IN (SELECT id FROM who)
              AND (SELECT e.effect FROM identity.explain_permission(x.principal_id, x.rtype, s.resource_id,
                                                                     x.perm, x.key_id) e
                    WHERE e.source = 'decision')
                  IS DISTINCT FROM
                  CASE WHEN identity.has_permission(x.principal_id, x.rtype, s.resource_id, x.perm, x.key_id)
                       THEN 'allow' ELSE 'deny' END),
          NULL, 'explain_permission() ends with has_permission()''s decision on every resource');
SELECT is((SELECT array_agg(format('%s %s %s', p.name, r.rtype, q.perm))
             FROM who p CROSS JOIN what r CROSS JOIN asked q
            WHERE identity.has_permission(p.id, r.rtype, r.id, q.perm)
              AND NOT EXISTS (SELECT FROM identity.explain_permission(p.id, r.rtype, r.id, q.perm) e
                               WHERE e.source IN ('platform_admin', 'owner', 'membership', 'policy')
                                 AND e.effect IN ('allow', 'override'))),
          NULL, 'every allowed answer is explained by a fact that allows');
SELECT is((SELECT array_agg(format('%s %s %s', p.name, r.rtype, q.perm))
             FROM who p CROSS JOIN what r CROSS JOIN asked q
            WHERE NOT identity.has_permission(p.id, r.rtype, r.id, q.perm)
              AND EXISTS (SELECT FROM identity.explain_permission(p.id, r.rtype, r.id, q.perm) e
                           WHERE e.effect IN ('allow', 'override') AND e.source <> 'decision')
              AND NOT EXISTS (SELECT FROM identity.explain_permission(p.id, r.rtype, r.id, q.perm) e
                               WHERE e.effect = 'deny' AND e.source <> 'decision')),
          NULL, 'every refusal with an allowing fact names a deny');

-- The explanation names the facts.
SELECT ok(EXISTS (SELECT FROM identity.explain_permission('00000000-0000-4000-8000-0000000000a2', 'agent',
                                                          '00000000-0000-4000-8000-0000000003a0', 'write') e
                   WHERE e.source = 'membership' AND e.effect = 'allow'
                     AND e.detail = 'member of organization 00000000-0000-4000-8000-00000000000a, a role granting write on agent'),
          'a membership is explained with its role and what the role grants');
SELECT ok(EXISTS (SELECT FROM identity.explain_permission('00000000-0000-4000-8000-0000000000d1', 'project',
                                                          '00000000-0000-4000-8000-0000000001a0', 'read') e
                   WHERE e.source = 'principal' AND e.effect = 'deny' AND e.detail LIKE 'disabled at %'),
          'a disabled principal is explained as such');
SELECT ok(EXISTS (SELECT FROM identity.explain_permission('00000000-0000-4000-8000-0000000000a2', 'org',
                                                          '00000000-0000-4000-8000-00000000000a', 'read',
                                                          '00000000-0000-4000-8000-0000000007a0') e
                   WHERE e.source = 'api_key' AND e.effect = 'allow'
                     AND e.detail = 'roles {member} allow read, only on what project 00000000-0000-4000-8000-0000000001a0 holds'),
          'a key limited to a project says so');
SELECT ok(EXISTS (SELECT FROM identity.explain_permission('00000000-0000-4000-8000-0000000000a1', 'project',
                                                          '00000000-0000-4000-8000-00000000dead', 'read') e
                   WHERE e.source = 'resource' AND e.detail = 'there is no project with this id'),
          'a missing resource is explained');
SELECT is(identity.has_permission('00000000-0000-4000-8000-0000000000a1', 'project',
                                  '00000000-0000-4000-8000-0000000001a0', 'read', NULL),
          true, 'a NULL key is no key');

SELECT * FROM finish();
ROLLBACK;
