-- identity.import_legacy(): the legacy NeuronDesktop and NeuronAgent tables of sql/legacy/
-- into the unified model. Who may run it, what each messy case becomes, that no DSN
-- password stays in clear, that a second run changes nothing and reports the same, and
-- that fixing the legacy data and running again imports what was skipped.
BEGIN;
SELECT plan(52);

\ir ../../sql/legacy/neurondesktop.sql
\ir ../../sql/legacy/neuronagent.sql

-- Refusals ----------------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated');
SELECT throws_ok($$SELECT * FROM identity.import_legacy()$$,
                 '42501', 'permission denied for function import_legacy',
                 'no API role may run the import');
SELECT tests.clear_authentication();

-- Granted by mistake, it still refuses anyone but the superuser.
GRANT EXECUTE ON FUNCTION identity.import_legacy(text, text) TO service;
SELECT tests.authenticate_as('service');
SELECT throws_ok($$SELECT * FROM identity.import_legacy()$$,
                 '42501', 'identity.import_legacy() is run by a superuser, not by service',
                 'the import checks that the superuser runs it');
SELECT tests.clear_authentication();
REVOKE EXECUTE ON FUNCTION identity.import_legacy(text, text) FROM service;

SELECT throws_ok($$SELECT * FROM identity.import_legacy('no_such_schema', NULL)$$,
                 '3F000', 'schema "no_such_schema" does not exist',
                 'a schema that is not there is named');
SELECT throws_ok($$SELECT * FROM identity.import_legacy(NULL, NULL)$$,
                 '22023', 'nothing to import: both schemas are NULL',
                 'at least one system is imported');

CREATE SCHEMA legacy_empty;
CREATE SCHEMA legacy_broken;
CREATE TABLE legacy_broken.users (id text PRIMARY KEY, email text);
CREATE SCHEMA legacy_view;
CREATE VIEW legacy_view.users AS SELECT 'x'::text AS id, 'x'::text AS username;
SELECT throws_ok($$SELECT * FROM identity.import_legacy('legacy_empty', NULL)$$,
                 '42P01', 'legacy table legacy_empty.users does not exist',
                 'a missing legacy table is named');
SELECT throws_ok($$SELECT * FROM identity.import_legacy('legacy_broken', NULL)$$,
                 '42703', 'legacy table legacy_broken.users lacks column(s) username',
                 'a missing required column is named');
SELECT throws_ok($$SELECT * FROM identity.import_legacy('legacy_view', NULL)$$,
                 '42809', 'legacy_view.users is not a table',
                 'only plain tables are read (a view could run code as the superuser)');
SELECT is((SELECT count(*)::integer FROM identity.legacy_id_map)
          + (SELECT count(*)::integer FROM audit.events WHERE action = 'identity.legacy.imported'),
          0, 'a refused import changes nothing and records nothing');

-- First run ---------------------------------------------------------------------------------
CREATE TEMP TABLE run1 AS SELECT * FROM identity.import_legacy();

SELECT results_eq(
    $$SELECT source, outcome, count(*)::integer FROM run1 GROUP BY 1, 2 ORDER BY source COLLATE "C", outcome COLLATE "C"$$,
    $$VALUES ('neuronagent.api_keys', 'imported', 5), ('neuronagent.api_keys', 'skipped', 5),
             ('neuronagent.principals', 'imported', 3), ('neuronagent.principals', 'merged', 4),
             ('neuronagent.principals', 'skipped', 2),
             ('neurondesktop.api_keys', 'imported', 6), ('neurondesktop.api_keys', 'skipped', 3),
             ('neurondesktop.profiles', 'imported', 6), ('neurondesktop.profiles', 'skipped', 1),
             ('neurondesktop.users', 'imported', 7), ('neurondesktop.users', 'merged', 2)$$,
    'every legacy row is reported once: imported, merged or skipped');

SELECT new_id AS alice FROM run1 WHERE source = 'neurondesktop.users' AND legacy_id = 'user_42' \gset
SELECT id AS bob2 FROM identity.users WHERE username = 'Bob-2' \gset
SELECT new_id AS analytics FROM run1 WHERE legacy_id = '5d1f0a10-0000-4000-8000-000000000004' \gset

-- Users
SELECT is((SELECT count(*)::integer FROM run1 r JOIN identity.users u ON u.id = r.new_id
            WHERE r.source = 'neurondesktop.users'),
          9, 'every NeuronDesktop user is a user, merged or not');
SELECT is((SELECT array_agg(row(r.new_id, u.username, u.is_admin)::text ORDER BY r.legacy_id) FROM run1 r
             JOIN identity.users u ON u.id = r.new_id
            WHERE r.legacy_id IN ('8b0b5a4e-2f6c-4c1e-9a57-3f1d2e4c5a01', 'c3f1e2d4-0000-4000-8000-00000000b0b2')),
          ARRAY[row('8b0b5a4e-2f6c-4c1e-9a57-3f1d2e4c5a01'::uuid, 'admin', true)::text,
                row('c3f1e2d4-0000-4000-8000-00000000b0b2'::uuid, 'Bob-2', false)::text],
          'a uuid-looking text id is kept as the uuid; the platform-admin flag is kept');
SELECT is((SELECT row(r.outcome, r.new_id = :'alice', r.reason)::text FROM run1 r
            WHERE r.source = 'neurondesktop.users' AND r.legacy_id = 'alice'),
          row('merged', true, 'same email as legacy user ''user_42'' (whatever the case): merged into alice; its profiles follow, its API keys are imported revoked')::text,
          'an account whose email differs only in case is merged into the older one');
SELECT is((SELECT count(*)::integer FROM identity.users WHERE email OPERATOR(extensions.=) 'ALICE@example.com'),
          1, 'so the email belongs to one user');
SELECT is((SELECT row(u.is_admin, r.reason LIKE '%it was a platform administrator, erin.old is not%')::text
             FROM run1 r JOIN identity.users u ON u.id = r.new_id
            WHERE r.source = 'neurondesktop.users' AND r.legacy_id = 'erin'),
          row(false, true)::text,
          'a merge does not make the surviving account a platform admin, and says so');
SELECT is((SELECT array_agg(u.username::text ORDER BY u.username::text COLLATE "C") FROM identity.users u
            WHERE lower(u.username::text) LIKE 'bob%'),
          ARRAY['Bob-2', 'bob'], 'usernames that differ only in case are both kept, the later one renamed');
SELECT is((SELECT row(u.username, u.email, u.metadata)::text FROM run1 r JOIN identity.users u ON u.id = r.new_id
            WHERE r.legacy_id = 'carol smith'),
          row('carol-smith', NULL, '{}')::text,
          'an invalid username is made valid; an invalid email and non-object metadata are dropped');
SELECT is((SELECT count(*)::integer FROM run1 r LEFT JOIN identity.principals p ON p.id = r.new_id
            WHERE r.source IN ('neurondesktop.users', 'neuronagent.principals') AND r.new_id IS NOT NULL
              AND p.id IS NULL),
          0, 'every imported user, organization and service account has its principal');

-- Profiles
SELECT is((SELECT row(outcome, reason)::text FROM run1 WHERE legacy_id = '5d1f0a10-0000-4000-8000-000000000005'),
          row('skipped', 'orphaned: user_id ''ghost'' is neither the id nor the username of an imported NeuronDesktop user')::text,
          'a profile whose user is gone is skipped and reported');
SELECT is((SELECT row(p.user_id = :'alice', p.name)::text FROM run1 r JOIN identity.projects p ON p.id = r.new_id
            WHERE r.legacy_id = '5d1f0a10-0000-4000-8000-000000000003'),
          row(true, 'default (2)')::text,
          'a merged account''s profile follows it, renamed when its name is taken whatever the case');
SELECT is((SELECT p.user_id FROM identity.projects p WHERE p.id = '5d1f0a10-0000-4000-8000-000000000006'),
          :'bob2'::uuid, 'a profile whose user_id holds a username belongs to that user');
SELECT is((SELECT jsonb_object_agg(right(r.legacy_id, 1), p.mcp_config) FROM run1 r
             JOIN identity.projects p ON p.id = r.new_id WHERE r.source = 'neurondesktop.profiles'),
          '{"1": {"command": "/usr/local/bin/neurondb-mcp", "args": [], "env": {"NEURONDB_HOST": "db.internal", "NEURONDB_PASSWORD": "[encrypted]"}},
            "2": null, "3": {"command": "neurondb-mcp"},
            "4": {"command": "neurondb-mcp", "args": ["--readonly"], "env": {"NEURONDB_DATABASE": "warehouse"}},
            "6": null, "7": null}'::jsonb,
          'mcp_config: valid kept, twice-encoded decoded, malformed dropped, secret env entries encrypted');
SELECT is((SELECT array_agg(right(r.legacy_id, 1) ORDER BY r.legacy_id) FROM run1 r
            WHERE r.source = 'neurondesktop.profiles' AND r.reason LIKE '%mcp_config not imported: it is not%'),
          ARRAY['2', '6'], 'a malformed mcp_config is reported');
SELECT ok((SELECT r.reason LIKE '%mcp_config env NEURONDB_PASSWORD stored encrypted%'
                  AND internal.decrypt_secret(p.mcp_env_secret, 'identity.projects.mcp_env:' || p.id)
                      = '{"NEURONDB_PASSWORD": "S3cr3t-Adm1n"}'
             FROM run1 r JOIN identity.projects p ON p.id = r.new_id
            WHERE r.legacy_id = '5d1f0a10-0000-4000-8000-000000000001'),
          'a password in the MCP server''s env is kept encrypted, and reported');
SELECT is((SELECT row(p.agent_endpoint, r.reason LIKE '%agent_endpoint ''agent.internal:8080'' is not an http(s) URL%',
                      r.reason LIKE '%agent_api_key (kept in clear by NeuronDesktop) not imported%')::text
             FROM run1 r JOIN identity.projects p ON p.id = r.new_id
            WHERE r.legacy_id = '5d1f0a10-0000-4000-8000-000000000004'),
          row(NULL, true, true)::text,
          'an endpoint without scheme and a clear-text agent key are left out and reported');
SELECT is((SELECT jsonb_object_agg(right(r.legacy_id, 1), p.neurondb_dsn) FROM run1 r
             JOIN identity.projects p ON p.id = r.new_id
            WHERE r.legacy_id IN ('5d1f0a10-0000-4000-8000-000000000001', '5d1f0a10-0000-4000-8000-000000000004',
                                  '5d1f0a10-0000-4000-8000-000000000007')),
          '{"1": "postgresql://neurondb@db.internal:5432/neurondb?sslmode=require",
            "4": "postgresql://bob@analytics.internal/warehouse",
            "7": "host=reports.internal dbname=reports user=rob  sslmode=require"}'::jsonb,
          'DSNs are stored without their password');
SELECT is((SELECT jsonb_object_agg(right(r.legacy_id, 1),
                                   internal.decrypt_secret(p.neurondb_dsn_secret, 'identity.projects.neurondb_dsn:' || p.id))
             FROM run1 r JOIN identity.projects p ON p.id = r.new_id
            WHERE r.source = 'neurondesktop.profiles' AND p.neurondb_dsn_secret IS NOT NULL),
          '{"1": "S3cr3t-Adm1n", "2": "al1ce pw", "4": "p@ss/w0rd", "7": "r0b-Secret"}'::jsonb,
          'their passwords are stored encrypted');

-- NeuronDesktop API keys
SELECT is((SELECT array_agg(legacy_id ORDER BY legacy_id) FROM run1 WHERE reason LIKE 'orphaned:%'),
          ARRAY['5d1f0a10-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000004',
                'a0000000-0000-4000-8000-000000000005', 'c0000000-0000-4000-8000-000000000004'],
          'orphaned profiles and keys are skipped as orphaned');
SELECT is((SELECT row(k.principal_id = :'alice', k.principal_type, k.roles, k.revoked_at,
                      k.secret_hash = sha256(convert_to('legacy-key-alice-1', 'UTF8')),
                      k.prefix = left(encode(sha256(convert_to('legacy-key-alice-1', 'UTF8')), 'hex'), 12))::text
             FROM identity.api_keys k WHERE k.id = 'a0000000-0000-4000-8000-000000000002'),
          row(true, 'user', '{member}', NULL, true, true)::text,
          'a key with a SHA-256 hash stays live, re-pointed to its user; its prefix is the digest''s first 12 hex digits');
SELECT is((SELECT row(k.principal_id = :'bob2', k.revoked_at, k.rate_limit_per_min,
                      k.secret_hash = sha256(convert_to('legacy-key-rob-1', 'UTF8')))::text
             FROM identity.api_keys k WHERE k.id = 'a0000000-0000-4000-8000-000000000009'),
          row(true, NULL, 60, true)::text,
          'a base64url digest is carried over too; an unusable rate limit becomes the default');
SELECT is((SELECT array_agg(r.legacy_id ORDER BY r.legacy_id) FROM run1 r JOIN identity.api_keys k ON k.id = r.new_id
            WHERE k.revoked_at = now() AND r.reason LIKE '%hash cannot be checked against the SHA-256%'),
          ARRAY['a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000006',
                'c0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000009'],
          'keys with bcrypt or unrecognised hashes are imported revoked, saying why');
SELECT is((SELECT array_agg(r.legacy_id ORDER BY r.legacy_id) FROM run1 r JOIN identity.api_keys k ON k.id = r.new_id
            WHERE k.revoked_at = now() AND r.reason LIKE '%merged into another account, whose credentials it must not carry%'),
          ARRAY['a0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000008'],
          'keys of accounts merged by email are imported revoked, even with a SHA-256 hash');
SELECT is((SELECT k.revoked_at FROM identity.api_keys k WHERE k.id = 'a0000000-0000-4000-8000-000000000007'),
          '2024-05-01 00:00+00'::timestamptz, 'a key revoked in NeuronDesktop keeps its revocation time');
SELECT is((SELECT row(outcome, reason)::text FROM run1 WHERE legacy_id = 'a0000000-0000-4000-8000-000000000008'),
          row('skipped', 'its profile 5d1f0a10-0000-4000-8000-000000000005 was not imported (see that row)')::text,
          'a key limited to a profile that was not imported is skipped rather than widened');
SELECT is((SELECT k.project_id FROM identity.api_keys k WHERE k.id = 'a0000000-0000-4000-8000-000000000006'),
          :'analytics'::uuid, 'a key limited to a profile is limited to its project');

-- NeuronAgent principals
SELECT is((SELECT array_agg(row(r.outcome, r.new_id = u.new_id)::text ORDER BY r.legacy_id) FROM run1 r
             JOIN run1 u ON u.source = 'neurondesktop.users'
                        AND u.legacy_id = CASE r.legacy_id WHEN 'b0000000-0000-4000-8000-000000000001' THEN 'user_42' ELSE 'bob' END
            WHERE r.legacy_id IN ('b0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002')),
          ARRAY[row('merged', true)::text, row('merged', true)::text],
          'user principals named by a NeuronDesktop id or username are that user');
SELECT is((SELECT row(u.username, u.email, r2.outcome, r2.new_id = u.id)::text
             FROM run1 r JOIN identity.users u ON u.id = r.new_id
             JOIN run1 r2 ON r2.legacy_id = 'b0000000-0000-4000-8000-000000000004'
            WHERE r.legacy_id = 'b0000000-0000-4000-8000-000000000003'),
          row('frank', 'frank@example.com', 'merged', true)::text,
          'a principal known to NeuronAgent only becomes a user; a second one with its email in other case is merged');
SELECT is((SELECT array_agg(DISTINCT r.new_id::text) FROM run1 r
            WHERE r.legacy_id IN ('b0000000-0000-4000-8000-000000000005', 'b0000000-0000-4000-8000-000000000006')),
          ARRAY[(SELECT o.id::text FROM identity.organizations o WHERE o.slug OPERATOR(extensions.=) 'ACME')],
          'organizations whose names differ only in case are one organization');
SELECT is((SELECT row(s.name, s.org_id, s.project_id, k.principal_type, k.roles, k.rate_limit_per_min, k.revoked_at)::text
             FROM identity.service_accounts s JOIN identity.api_keys k ON k.principal_id = s.id
            WHERE s.id = 'b0000000-0000-4000-8000-000000000007'),
          row('indexer', NULL, NULL, 'service_account', '{service}', 600, NULL)::text,
          'a service account principal becomes a platform service account with its live key');
SELECT is((SELECT array_agg(reason ORDER BY legacy_id) FROM run1 WHERE source = 'neuronagent.principals' AND outcome = 'skipped'),
          ARRAY['a NeuronAgent agent names no project, and every agent belongs to one in the unified model: register ''support-bot'' in its project',
                'a NeuronAgent tool names no project, and every tool belongs to one in the unified model: register ''web_search'' in its project'],
          'agents and tools without a project are skipped and reported');

-- NeuronAgent API keys
SELECT is((SELECT array_agg(reason ORDER BY legacy_id) FROM run1
            WHERE legacy_id IN ('c0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000005',
                                'c0000000-0000-4000-8000-000000000006', 'c0000000-0000-4000-8000-00000000000a')),
          ARRAY['a key of an organization: in the unified model keys belong to users, service accounts or agents; issue a service account key instead',
                'a key of an organization: in the unified model keys belong to users, service accounts or agents; issue a service account key instead',
                'its principal b0000000-0000-4000-8000-000000000008 was not imported (see that row)',
                'its project_id ''not-a-profile'' is not an imported NeuronDesktop profile'],
          'organization keys, keys of skipped principals and keys of unknown projects are skipped');
SELECT is((SELECT row(k.principal_id = u.id, k.roles, k.project_id = :'analytics', k.expires_at, k.revoked_at,
                      r.reason LIKE '%role(s) superuser unknown to the unified model: dropped%')::text
             FROM run1 r JOIN identity.api_keys k ON k.id = r.new_id, identity.users u
            WHERE r.legacy_id = 'c0000000-0000-4000-8000-000000000007' AND u.username = 'bob'),
          row(true, '{admin,member}', true, '2024-12-31 00:00+00'::timestamptz, NULL, true)::text,
          'legacy roles are mapped (user = member), unknown ones dropped; project and expiry are kept');
SELECT is((SELECT row(k.principal_id = u.id, k.roles)::text
             FROM identity.api_keys k, identity.users u
            WHERE k.id = 'c0000000-0000-4000-8000-000000000009' AND u.username = 'dave'),
          row(true, '{viewer}')::text,
          'a key 014 did not link follows its user_id; without a known role it gets viewer');

-- The audit event
SELECT is((SELECT details - 'run_by' FROM audit.events WHERE action = 'identity.legacy.imported'),
          '{"desktop_schema": "legacy_desktop", "agent_schema": "legacy_agent", "imported_live": 4, "imported_revoked": 7,
            "counts": [
              {"source": "neurondesktop.users", "imported": 7, "merged": 2, "already_imported": 0, "skipped": 0},
              {"source": "neurondesktop.profiles", "imported": 6, "merged": 0, "already_imported": 0, "skipped": 1},
              {"source": "neurondesktop.api_keys", "imported": 6, "merged": 0, "already_imported": 0, "skipped": 3},
              {"source": "neuronagent.principals", "imported": 3, "merged": 4, "already_imported": 0, "skipped": 2},
              {"source": "neuronagent.api_keys", "imported": 5, "merged": 0, "already_imported": 0, "skipped": 5}]}'::jsonb,
          'one audit event records the run with its counts');

-- Second run: nothing changes -----------------------------------------------------------------
SELECT concat_ws(' ',
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM identity.principals t),
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM identity.users t),
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM identity.organizations t),
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM identity.service_accounts t),
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM identity.projects t),
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM identity.api_keys t),
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM identity.legacy_id_map t)) AS before_second_run \gset

CREATE TEMP TABLE run2 AS SELECT * FROM identity.import_legacy();

SELECT is(concat_ws(' ',
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM identity.principals t),
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM identity.users t),
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM identity.organizations t),
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM identity.service_accounts t),
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM identity.projects t),
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM identity.api_keys t),
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM identity.legacy_id_map t)),
    :'before_second_run', 'a second run changes no row');
SELECT is((SELECT array_agg(DISTINCT outcome ORDER BY outcome) FROM run2),
          ARRAY['already_imported', 'skipped'], 'and reports every row as already imported or skipped');
SELECT set_eq($$SELECT source, legacy_id, new_id, CASE WHEN outcome = 'skipped' THEN reason END FROM run1$$,
              $$SELECT source, legacy_id, new_id, CASE WHEN outcome = 'skipped' THEN reason END FROM run2$$,
              'the same rows, the same new ids, the same reasons for what was skipped');
SELECT is((SELECT reason FROM run2 WHERE source = 'neurondesktop.users' AND legacy_id = 'alice'),
          'merged: same email as legacy user ''user_42'' (whatever the case): merged into alice; its profiles follow, its API keys are imported revoked',
          'an already imported row repeats what happened to it');
SELECT is((SELECT array_agg(jsonb_build_array(c ->> 'source', c -> 'imported', c -> 'merged', c -> 'already_imported', c -> 'skipped'))
             FROM audit.events e, jsonb_array_elements(e.details -> 'counts') c
            WHERE e.action = 'identity.legacy.imported'
              AND e.id = (SELECT max(x.id) FROM audit.events x WHERE x.action = 'identity.legacy.imported')),
          ARRAY['["neurondesktop.users", 0, 0, 9, 0]', '["neurondesktop.profiles", 0, 0, 6, 1]',
                '["neurondesktop.api_keys", 0, 0, 6, 3]', '["neuronagent.principals", 0, 0, 7, 2]',
                '["neuronagent.api_keys", 0, 0, 5, 5]']::jsonb[],
          'the second run is audited too, with nothing imported');

-- Fix the legacy data, run again ------------------------------------------------------------
INSERT INTO legacy_desktop.users (id, username, email, created_at)
VALUES ('ghost', 'ghost', 'ghost@example.com', '2023-10-31 00:00+00');
CREATE TEMP TABLE run3 AS SELECT * FROM identity.import_legacy();

SELECT results_eq(
    $$SELECT source, legacy_id, outcome FROM run3 WHERE outcome <> 'already_imported' ORDER BY source COLLATE "C", legacy_id COLLATE "C"$$,
    $$VALUES ('neuronagent.api_keys', 'c0000000-0000-4000-8000-000000000003', 'skipped'),
             ('neuronagent.api_keys', 'c0000000-0000-4000-8000-000000000004', 'skipped'),
             ('neuronagent.api_keys', 'c0000000-0000-4000-8000-000000000005', 'skipped'),
             ('neuronagent.api_keys', 'c0000000-0000-4000-8000-000000000006', 'skipped'),
             ('neuronagent.api_keys', 'c0000000-0000-4000-8000-00000000000a', 'skipped'),
             ('neuronagent.principals', 'b0000000-0000-4000-8000-000000000008', 'skipped'),
             ('neuronagent.principals', 'b0000000-0000-4000-8000-000000000009', 'skipped'),
             ('neurondesktop.api_keys', 'a0000000-0000-4000-8000-000000000004', 'imported'),
             ('neurondesktop.api_keys', 'a0000000-0000-4000-8000-000000000005', 'skipped'),
             ('neurondesktop.api_keys', 'a0000000-0000-4000-8000-000000000008', 'imported'),
             ('neurondesktop.profiles', '5d1f0a10-0000-4000-8000-000000000005', 'imported'),
             ('neurondesktop.users', 'ghost', 'imported')$$,
    'once the missing user is restored, its profile and the keys that waited for them are imported');

-- No password in clear, after all three runs ----------------------------------------------------
SELECT is((SELECT count(*)::integer
             FROM unnest(ARRAY['S3cr3t-Adm1n', 'al1ce pw', 'p@ss/w0rd', 'p%40ss%2Fw0rd', 'r0b-Secret', 'gh0st-pw',
                               'agent-key-bob-plaintext']) AS s(secret),
                  (SELECT p::text AS t, p.neurondb_dsn_secret AS b FROM identity.projects p) AS p
            WHERE position(s.secret IN p.t) > 0 OR position(convert_to(s.secret, 'UTF8') IN p.b) > 0),
          0, 'no DSN password, nor the agent key, is anywhere in identity.projects in clear');
SELECT is((SELECT count(*)::integer
             FROM unnest(ARRAY['S3cr3t-Adm1n', 'al1ce pw', 'p@ss/w0rd', 'p%40ss%2Fw0rd', 'r0b-Secret', 'gh0st-pw',
                               'agent-key-bob-plaintext']) AS s(secret),
                  (SELECT r::text FROM run1 r UNION ALL SELECT r::text FROM run3 r
                   UNION ALL SELECT m::text FROM identity.legacy_id_map m
                   UNION ALL SELECT e.details::text FROM audit.events e) AS t(t)
            WHERE position(s.secret IN t.t) > 0),
          0, 'nor in the report, the id map or the audit log');
SELECT is((SELECT internal.decrypt_secret(p.neurondb_dsn_secret, 'identity.projects.neurondb_dsn:' || p.id)
             FROM identity.projects p WHERE p.id = '5d1f0a10-0000-4000-8000-000000000005'),
          'gh0st-pw', 'the password of a profile imported later is encrypted too');

SELECT * FROM finish();
ROLLBACK;
