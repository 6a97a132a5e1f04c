-- Ingestion audit events carry their project's organization (issue 19, item 12), so the
-- organization's owners see their members' ingestions in api.audit_events.
BEGIN;
SELECT plan(7);

\ir fixtures/identity.sql

\set owner_a '{"sub": "00000000-0000-4000-8000-0000000000a1"}'
\set member_a '{"sub": "00000000-0000-4000-8000-0000000000a2"}'
\set owner_b '{"sub": "00000000-0000-4000-8000-0000000000b1"}'
\set org_a '00000000-0000-4000-8000-00000000000a'
\set pa1 '00000000-0000-4000-8000-0000000001a0'
\set w1 '00000000-0000-4000-8000-00000000f551'

SELECT coalesce(max(id), 0) AS audit0 FROM audit.events \gset

SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT id AS job FROM api.start_ingest(:'pa1', 'audited', 'url', '{"url": "http://h/a.csv"}') \gset
SELECT api.cancel_ingest(:'job');
SELECT id AS job2 FROM api.start_ingest(:'pa1', 'audited 2', 'url', '{"url": "http://h/b.csv"}') \gset
SELECT tests.clear_authentication();

-- The worker fails the second job.
SELECT workspace.register_ingest_worker(:'w1', 'host', 1);
SELECT attempt AS attempt2 FROM workspace.claim_ingest_job(:'w1') \gset
SELECT workspace.fail_ingest(:'job2', :'attempt2', 'source unreachable');

SELECT is((SELECT org_id FROM audit.events WHERE id > :audit0 AND action = 'workspace.ingest.started'
            AND details ->> 'job_id' = :'job'), :'org_a'::uuid,
          'workspace.ingest.started carries the project''s organization');
SELECT is((SELECT org_id FROM audit.events WHERE id > :audit0 AND action = 'workspace.ingest.cancelled'
            AND details ->> 'job_id' = :'job'), :'org_a'::uuid,
          'workspace.ingest.cancelled carries the project''s organization');
SELECT is((SELECT org_id FROM audit.events WHERE id > :audit0 AND action = 'workspace.ingest.failed'
            AND details ->> 'job_id' = :'job2'), :'org_a'::uuid,
          'workspace.ingest.failed (written by the worker) carries the project''s organization');
SELECT is((SELECT count(*)::integer FROM audit.events WHERE id > :audit0 AND action LIKE 'workspace.ingest.%'
            AND org_id IS NULL), 0, 'no ingestion event is without its organization');

SELECT tests.authenticate_as('authenticated', :'owner_a');
SELECT is((SELECT count(*)::integer FROM api.audit_events WHERE id > :audit0
            AND action LIKE 'workspace.ingest.%'), 4,
          'the owner of the organization sees the member''s ingestion events');
SELECT tests.clear_authentication();
SELECT tests.authenticate_as('authenticated', :'owner_b');
SELECT is((SELECT count(*)::integer FROM api.audit_events WHERE id > :audit0
            AND action LIKE 'workspace.ingest.%'), 0,
          'the owner of another organization does not');
SELECT tests.clear_authentication();

-- An event that names its organization keeps it.
SELECT audit.record('workspace.ingest.failed', 'failure', 'project', :'pa1', '{}',
                    org_id => '00000000-0000-4000-8000-00000000000b', project_id => :'pa1') AS explicit \gset
SELECT is((SELECT org_id FROM audit.events WHERE id = :explicit),
          '00000000-0000-4000-8000-00000000000b'::uuid, 'an explicit organization is kept');

SELECT * FROM finish();
ROLLBACK;
