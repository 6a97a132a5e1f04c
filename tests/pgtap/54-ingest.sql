-- Dataset ingestion in the database: start_ingest's checks and refusals, RLS on jobs and
-- datasets, the worker's protocol (claim, heartbeat, stale takeover, attempts, publish,
-- fail) and cancellation.
BEGIN;
SELECT plan(43);

\ir fixtures/identity.sql

-- org A: owner a1, member a2, viewer a3; a4 outsider; PA1 ...1a0 in org A.
\set member_a '{"sub": "00000000-0000-4000-8000-0000000000a2"}'
\set viewer_a '{"sub": "00000000-0000-4000-8000-0000000000a3"}'
\set outsider '{"sub": "00000000-0000-4000-8000-0000000000a4"}'
\set pa1 '00000000-0000-4000-8000-0000000001a0'
\set w1 '00000000-0000-4000-8000-00000000f001'
\set w2 '00000000-0000-4000-8000-00000000f002'

-- Names ---------------------------------------------------------------------------------------
SELECT is(workspace.sanitize_identifier('x"; drop table y', 'f'), 'x_drop_table_y',
          'a hostile name keeps only letters, digits and underscores');
SELECT is(workspace.sanitize_identifier('Ünïcode ✓', 'fallback'), 'n_code',
          'non-ASCII characters are dropped');
SELECT is(workspace.sanitize_identifier('***', 'fallback'), 'fallback', 'nothing left: the fallback');
SELECT is(workspace.sanitize_identifier('xmin', 'f'), 'xmin_', 'system column names are avoided');

-- Starting ------------------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT id AS job, status AS job_status, has_credentials AS job_has_credentials
  FROM api.start_ingest(:'pa1', 'Sales 2024', 'github',
                        '{"repo": "octo/data", "path": "sales.csv"}',
                        credentials => '{"token": "ghp_pgtap_secret"}') \gset
SELECT is(:'job_status'::text, 'queued', 'a member queues a job');
SELECT ok(:'job_has_credentials'::boolean, 'the job says it has credentials');
SELECT is((SELECT count(*)::int FROM api.ingest_jobs WHERE id = :'job'::uuid), 1,
          'the member sees the job');
SELECT throws_ok($$SELECT credentials_secret FROM workspace.ingest_jobs$$, '42501',
                 'permission denied for table ingest_jobs', 'API roles cannot read the encrypted credentials');
SELECT throws_ok($$SELECT api.start_ingest('00000000-0000-4000-8000-00000000dead', 'x', 'url', '{"url": "http://h/a.csv"}')$$,
                 '42704', 'project 00000000-0000-4000-8000-00000000dead does not exist', 'a missing project is 42704');
SELECT throws_ok($$SELECT api.start_ingest('00000000-0000-4000-8000-0000000001a0', 'x', 'ftp', '{}')$$,
                 '22023', 'source_type must be upload, url, s3, github or huggingface', 'an unknown source type');
SELECT throws_ok($$SELECT api.start_ingest('00000000-0000-4000-8000-0000000001a0', 'x', 'url', '{"url": "http://h/a.csv", "extra": 1}')$$,
                 '22023', 'source: unknown key "extra"', 'an unknown source key is named');
SELECT throws_ok($$SELECT api.start_ingest('00000000-0000-4000-8000-0000000001a0', 'x', 'url', '{"url": "file:///etc/passwd"}')$$,
                 '22023', 'source.url is not valid', 'only http(s) URLs');
SELECT throws_ok($$SELECT api.start_ingest('00000000-0000-4000-8000-0000000001a0', 'x', 'url', '{"url": "http://h/a.csv"}', options => '{"delimiter": ";;"}')$$,
                 '22023', 'options.delimiter is not valid', 'a delimiter is one character');
SELECT throws_ok($$SELECT api.start_ingest('00000000-0000-4000-8000-0000000001a0', 'x', 'url', '{"url": "http://h/a.csv"}', format => 'xml')$$,
                 '22023', 'format must be auto, csv, json, jsonl or parquet', 'an unknown format');
SELECT throws_ok($$SELECT api.start_ingest('00000000-0000-4000-8000-0000000001a0', 'x', 'upload', '{"upload_id": "00000000-0000-4000-8000-00000000beef"}')$$,
                 '42704', 'upload 00000000-0000-4000-8000-00000000beef does not exist or was used already',
                 'an upload id the glue did not register');
SELECT throws_ok($$SELECT api.start_ingest('00000000-0000-4000-8000-0000000001a0', 'x', 's3', '{"bucket": "b", "key": "k"}', credentials => '{"access_key_id": "a"}')$$,
                 '22023', 'credentials.secret_access_key is required (a non-empty string)', 'S3 credentials need both parts');
SELECT throws_ok($$SELECT api.start_ingest('00000000-0000-4000-8000-0000000001a0', '', 'url', '{"url": "http://h/a.csv"}')$$,
                 '22023', 'dataset_name is required (1 to 200 characters)', 'a dataset needs a name');

SELECT tests.authenticate_as('authenticated', :'viewer_a');
SELECT throws_ok($$SELECT api.start_ingest('00000000-0000-4000-8000-0000000001a0', 'x', 'url', '{"url": "http://h/a.csv"}')$$,
                 '42501', 'permission denied: write on project 00000000-0000-4000-8000-0000000001a0',
                 'a viewer cannot start a job');
SELECT is((SELECT count(*)::int FROM api.ingest_jobs WHERE project_id = :'pa1'), 1,
          'a viewer sees the project''s jobs');
SELECT tests.authenticate_as('authenticated', :'outsider');
SELECT is((SELECT count(*)::int FROM api.ingest_jobs WHERE project_id = :'pa1'), 0,
          'an outsider sees none');
SELECT throws_ok(format('SELECT api.cancel_ingest(%L)', :'job'::uuid), '42704',
                 format('ingest job %s does not exist', :'job'::uuid),
                 'an outsider cannot cancel (nor learn the job exists)');
SELECT tests.authenticate_as('anon');
SELECT throws_ok($$SELECT api.start_ingest('00000000-0000-4000-8000-0000000001a0', 'x', 'url', '{"url": "http://h/a.csv"}')$$,
                 '42501', 'permission denied for function start_ingest', 'anon cannot start jobs');
SELECT tests.clear_authentication();

SELECT ok((SELECT position('ghp_pgtap_secret' IN encode(credentials_secret, 'escape')) = 0
             FROM workspace.ingest_jobs WHERE id = :'job'::uuid),
          'the token is stored encrypted');
SELECT is((SELECT count(*)::int FROM audit.events WHERE details::text LIKE '%ghp_pgtap_secret%'), 0,
          'the token is in no audit event');

-- The worker ------------------------------------------------------------------------------------
SELECT tests.authenticate_as('neuronplane_worker');
SELECT throws_ok($$SELECT * FROM workspace.ingest_jobs$$, '42501',
                 'permission denied for table ingest_jobs', 'the worker reads jobs only through its functions');
SELECT workspace.register_ingest_worker(:'w1', 'host', 1);
SELECT workspace.register_ingest_worker(:'w2', 'host', 2);
SELECT is((SELECT (job_id, attempt, credentials ->> 'token') FROM workspace.claim_ingest_job(:'w1')),
          (:'job'::uuid, 1, 'ghp_pgtap_secret'::text),
          'a worker claims the job, attempt 1, with its credentials decrypted');
SELECT is((SELECT count(*)::int FROM workspace.claim_ingest_job(:'w2')), 0,
          'a running job with a fresh heartbeat is nobody else''s');
SELECT is(workspace.ingest_heartbeat(:'w1', :'job'::uuid, 1, 'load', 10, 100),
          'running', 'its heartbeat reports progress');
SELECT is(workspace.ingest_heartbeat(:'w1', :'job'::uuid, 7), 'lost',
          'another attempt''s heartbeat is told it lost the job');

-- The worker stops heartbeating: another takes the job over.
SELECT tests.clear_authentication();
UPDATE workspace.ingest_jobs SET heartbeat_at = now() - interval '1 hour'
 WHERE id = :'job'::uuid;
SELECT tests.authenticate_as('neuronplane_worker');
SELECT is((SELECT attempt FROM workspace.claim_ingest_job(:'w2')), 2,
          'a stale job is taken over with a new attempt');
SELECT is(workspace.ingest_heartbeat(:'w1', :'job'::uuid, 1), 'lost',
          'the first worker learns it lost the job');
SELECT throws_ok(format('SELECT workspace.begin_ingest_load(%L, 1, %L)', :'job'::uuid,
                        '[{"name": "a", "type": "text"}]'),
                 '40001', format('ingest job %s is no longer held by this attempt', :'job'::uuid),
                 'and cannot load any more');
SELECT throws_ok(format('SELECT workspace.begin_ingest_load(%L, 2, %L)', :'job'::uuid,
                        '[{"name": "a", "type": "text; drop table x"}]'),
                 '22023', 'column a has an unsupported type text; drop table x',
                 'column types come from a fixed list');

-- Attempt 2 loads and publishes.
SELECT is(workspace.begin_ingest_load(:'job'::uuid, 2,
                                      '[{"name": "Region", "type": "text"}, {"name": "region", "type": "bigint"}]'),
          ARRAY['region', 'region_2'], 'column names are sanitized and made unique');
SELECT lives_ok(format('INSERT INTO %I.%I VALUES (''north'', 1), (''south'', 2)',
                       workspace.dataset_schema(:'pa1'), workspace.staging_table(:'job'::uuid)),
                'the worker fills the staging table');
SELECT isnt(workspace.publish_ingest(:'job'::uuid, 2, 2, '[]'), NULL, 'publishing returns the dataset id');
SELECT tests.clear_authentication();
SELECT is((SELECT (status, rows_done, dataset_id IS NOT NULL) FROM workspace.ingest_jobs
            WHERE id = :'job'::uuid), ('succeeded'::text, 2::bigint, true),
          'publishing marks the job succeeded with its dataset');
SELECT ok((SELECT relrowsecurity AND relforcerowsecurity FROM pg_class
            WHERE oid = format('%I.sales_2024', workspace.dataset_schema(:'pa1'))::regclass),
          'the dataset table has forced row level security');

SELECT workspace.dataset_schema(:'pa1') AS ds \gset
SELECT tests.authenticate_as('authenticated', :'viewer_a');
SELECT is((SELECT count(*)::int FROM :"ds".sales_2024), 2,
          'a reader of the project reads the rows');
SELECT tests.authenticate_as('authenticated', :'outsider');
SELECT is((SELECT count(*)::int FROM :"ds".sales_2024), 0,
          'an outsider reads none');

-- Cancelling and failing ----------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT id AS second FROM api.start_ingest(:'pa1', 'other', 'url', '{"url": "http://h/b.csv"}') \gset
SELECT is((SELECT status FROM api.cancel_ingest(:'second'::uuid)), 'cancelled',
          'the starter cancels a queued job');
SELECT throws_ok(format('SELECT api.cancel_ingest(%L)', :'second'::uuid), 'PT409',
                 format('ingest job %s has already finished (cancelled)', :'second'::uuid),
                 'a finished job cannot be cancelled (HTTP 409)');
SELECT tests.authenticate_as('neuronplane_worker');
SELECT is((SELECT count(*)::int FROM workspace.claim_ingest_job(:'w1')), 0,
          'a cancelled job is not claimed');

SELECT * FROM finish();
ROLLBACK;
