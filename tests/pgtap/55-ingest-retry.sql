-- An attempt that lost its database connection: workspace.retry_ingest() queues the job
-- again with the reason in details.attempts, fails it at max_attempts, leaves alone what
-- this attempt no longer holds; api.count_ingest_workers() counts live workers only.
BEGIN;
SELECT plan(14);

\ir fixtures/identity.sql

\set member_a '{"sub": "00000000-0000-4000-8000-0000000000a2"}'
\set pa1 '00000000-0000-4000-8000-0000000001a0'
\set w1 '00000000-0000-4000-8000-00000000f101'
\set w2 '00000000-0000-4000-8000-00000000f102'

-- No other workers count in this test.
UPDATE workspace.ingest_workers SET stopped_at = now() WHERE stopped_at IS NULL;
UPDATE workspace.ingest_settings SET max_attempts = 2;

SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT id AS job FROM api.start_ingest(:'pa1', 'retried', 'url', '{"url": "http://h/a.csv"}') \gset
SELECT is(api.count_ingest_workers(), 0, 'no worker runs');

SELECT tests.authenticate_as('neuronplane_worker');
SELECT workspace.register_ingest_worker(:'w1', 'host', 1);
SELECT workspace.register_ingest_worker(:'w2', 'host', 2);
SELECT is((SELECT attempt FROM workspace.claim_ingest_job(:'w1')), 1, 'attempt 1 runs');

SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT is(api.count_ingest_workers(), 2, 'two workers heartbeat');
SELECT tests.authenticate_as('service', :'member_a');
SELECT is(api.count_ingest_workers(), 2, 'the service role (API keys) may ask too');

SELECT tests.authenticate_as('neuronplane_worker');
SELECT is(workspace.retry_ingest(:'job'::uuid, 7, 'terminated'), 'lost',
          'an attempt that does not hold the job changes nothing');
SELECT is(workspace.retry_ingest(:'job'::uuid, 1, 'server closed the connection'), 'queued',
          'a lost connection queues the job again');
SELECT tests.clear_authentication();
SELECT is((SELECT (status, worker_id IS NULL, details -> 'attempts' -> 0 ->> 'reason',
                   (details -> 'attempts' -> 0 ->> 'attempt')::int)
             FROM workspace.ingest_jobs WHERE id = :'job'::uuid),
          ('queued'::text, true, 'server closed the connection'::text, 1),
          'queued, without a worker, the reason kept for attempt 1');
SELECT is((SELECT current_job_id FROM workspace.ingest_workers WHERE worker_id = :'w1'), NULL,
          'the worker holds no job any more');

SELECT tests.authenticate_as('neuronplane_worker');
SELECT is((SELECT attempt FROM workspace.claim_ingest_job(:'w2')), 2, 'the next worker takes attempt 2');
SELECT is(workspace.retry_ingest(:'job'::uuid, 2, 'terminating connection due to administrator command'),
          'failed', 'at max_attempts the job fails');
SELECT tests.clear_authentication();
SELECT is((SELECT (status, error) FROM workspace.ingest_jobs WHERE id = :'job'::uuid),
          ('failed'::text, 'gave up after 2 attempts: terminating connection due to administrator command'::text),
          'its error says how many attempts and the last reason');
SELECT is((SELECT jsonb_path_query_array(details, '$.attempts[*].reason')
             FROM workspace.ingest_jobs WHERE id = :'job'::uuid),
          '["server closed the connection", "terminating connection due to administrator command"]'::jsonb,
          'each attempt''s reason is kept');

SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT throws_ok(format('SELECT workspace.retry_ingest(%L, 2, %L)', :'job'::uuid, 'x'),
                 '42501', 'permission denied for function retry_ingest',
                 'API roles cannot requeue jobs');
SELECT tests.authenticate_as('anon');
SELECT throws_ok('SELECT api.count_ingest_workers()', '42501',
                 'permission denied for function count_ingest_workers',
                 'anon cannot count workers');

SELECT * FROM finish();
ROLLBACK;
