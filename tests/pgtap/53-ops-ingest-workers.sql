-- The ingestion workers in api.workers: busy, idle, stale and recently stopped workers, by
-- their heartbeats, for administrators only.
BEGIN;
SELECT plan(8);

\ir fixtures/identity.sql

INSERT INTO workspace.ingest_workers (worker_id, hostname, pid, started_at, heartbeat_at, jobs_done,
                                      stopped_at) VALUES
    ('00000000-0000-4000-8000-00000000f001', 'host-a', 101, now() - interval '1 hour', now(), 3, NULL),
    ('00000000-0000-4000-8000-00000000f002', 'host-b', 102, now() - interval '1 hour',
     now() - interval '10 minutes', 0, NULL),
    ('00000000-0000-4000-8000-00000000f003', 'host-c', 103, now() - interval '3 hours',
     now() - interval '2 hours', 7, now() - interval '2 hours'),
    ('00000000-0000-4000-8000-00000000f004', 'host-d', 104, now() - interval '3 days',
     now() - interval '2 days', 1, now() - interval '2 days');

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT throws_ok($$SELECT * FROM api.workers WHERE kind = 'ingest_worker'$$, '42501',
                 'permission denied: observability is for organization and platform administrators',
                 'a member may not see the ingestion workers');

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a0"}');
SELECT is((SELECT state FROM api.workers WHERE kind = 'ingest_worker' AND name = 'host-a:101'),
          'idle', 'a worker with a fresh heartbeat and no job is idle');
SELECT is((SELECT state FROM api.workers WHERE kind = 'ingest_worker' AND name = 'host-b:102'),
          'stale', 'a worker silent for longer than ingest_settings.stale_after is stale');
SELECT is((SELECT state FROM api.workers WHERE kind = 'ingest_worker' AND name = 'host-c:103'),
          'stopped', 'a worker stopped two hours ago is shown as stopped');
SELECT is((SELECT count(*) FROM api.workers WHERE kind = 'ingest_worker' AND name = 'host-d:104'),
          0::bigint, 'a worker stopped more than a day ago is no longer listed');
SELECT is((SELECT (details ->> 'jobs_done')::int FROM api.workers
            WHERE kind = 'ingest_worker' AND name = 'host-a:101'),
          3, 'details carry the jobs done');
SELECT is((SELECT last_seen_at FROM api.workers WHERE kind = 'ingest_worker' AND name = 'host-c:103'),
          now() - interval '2 hours', 'last_seen_at is the last heartbeat');

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000b1"}');
SELECT is((SELECT count(*) FROM api.workers WHERE kind = 'ingest_worker'
              AND name IN ('host-a:101', 'host-b:102', 'host-c:103')),
          3::bigint, 'an organization owner sees them too');

SELECT * FROM finish();
ROLLBACK;
