-- workspace.note_ingest() merges the worker's notes into a job's details while the attempt
-- holds the job; api.details(api.ingest_jobs) shows them to whoever sees the job, and to
-- nobody else.
BEGIN;
SELECT plan(12);

\ir fixtures/identity.sql

\set member_a '{"sub": "00000000-0000-4000-8000-0000000000a2"}'
\set owner_b '{"sub": "00000000-0000-4000-8000-0000000000b1"}'
\set pa1 '00000000-0000-4000-8000-0000000001a0'
\set w1 '00000000-0000-4000-8000-00000000f201'

SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT id AS job FROM api.start_ingest(:'pa1', 'noted', 'url', '{"url": "http://h/a.csv"}') \gset
SELECT is((SELECT api.details(j) FROM api.ingest_jobs j WHERE j.id = :'job'), '{}'::jsonb,
          'a new job has empty details');

SELECT tests.authenticate_as('neuronplane_worker');
SELECT workspace.register_ingest_worker(:'w1', 'host', 1);
SELECT is((SELECT attempt FROM workspace.claim_ingest_job(:'w1')), 1, 'attempt 1 holds the job');
SELECT lives_ok(format('SELECT workspace.note_ingest(%L, 1, %L)', :'job',
                       '{"compression": "gzip", "byte_order_mark": true}'),
                'the holding attempt notes what it found');
SELECT lives_ok(format('SELECT workspace.note_ingest(%L, 1, %L)', :'job',
                       '{"restarts": [{"column": "zip", "from": "integer", "to": "text", "reason": "leading zero"}]}'),
                'and notes more later');
SELECT throws_ok(format('SELECT workspace.note_ingest(%L, 2, %L)', :'job', '{"x": 1}'),
                 '40001', format('ingest job %s is no longer held by this attempt', :'job'),
                 'another attempt may not write');
SELECT throws_ok(format('SELECT workspace.note_ingest(%L, 1, %L)', :'job', '["x"]'),
                 '22023', 'details must be a JSON object', 'notes are an object');

SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT is((SELECT api.details(j) FROM api.ingest_jobs j WHERE j.id = :'job'),
          '{"compression": "gzip", "byte_order_mark": true, "restarts": [{"column": "zip", "from": "integer", "to": "text", "reason": "leading zero"}]}'::jsonb,
          'the notes are merged, and the member who started the job reads them');
SELECT throws_ok(format('SELECT workspace.note_ingest(%L, 1, %L)', :'job', '{"x": 1}'),
                 '42501', 'permission denied for function note_ingest',
                 'API roles cannot write notes');
SELECT j::text AS jobrow FROM api.ingest_jobs j WHERE j.id = :'job' \gset

SELECT tests.authenticate_as('authenticated', :'owner_b');
SELECT is((SELECT count(*) FROM api.ingest_jobs j WHERE j.id = :'job'), 0::bigint,
          'the owner of another organization does not see the job');
SELECT is(api.details(:'jobrow'::api.ingest_jobs), NULL,
          'nor its details, even given the whole row');

SELECT tests.authenticate_as('authenticated', :'member_a');
SELECT lives_ok(format('SELECT api.cancel_ingest(%L)', :'job'), 'the member cancels the job');
-- 57014 is query_canceled, which pgTAP's throws_ok (WHEN OTHERS) cannot catch.
CREATE FUNCTION pg_temp.note_error(job uuid) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    PERFORM workspace.note_ingest(job, 1, '{"x": 1}');
    RETURN 'no error';
EXCEPTION WHEN query_canceled THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;
SELECT tests.authenticate_as('neuronplane_worker');
SELECT is(pg_temp.note_error(:'job'), format('57014: ingest job %s was cancelled', :'job'),
          'a cancelled job takes no more notes');

SELECT * FROM finish();
ROLLBACK;
