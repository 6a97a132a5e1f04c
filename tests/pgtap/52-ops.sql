-- Observability: who may read the ops views (organization owners/admins and platform
-- administrators), that they return sane values on this live cluster, that they run as
-- the pg_monitor role and not as a superuser; usage counted from the API-key request path
-- and reported by api.record_usage(), with its row level security.
BEGIN;
SELECT plan(47);

\ir fixtures/identity.sql

-- Who may look -------------------------------------------------------------------------------
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT throws_ok('SELECT * FROM api.db_health', '42501',
                 'permission denied: observability is for organization and platform administrators',
                 'a member may not read db_health');
SELECT throws_ok('SELECT * FROM api.index_health', '42501',
                 'permission denied: observability is for organization and platform administrators',
                 'nor index_health');
SELECT throws_ok('SELECT * FROM api.workers', '42501',
                 'permission denied: observability is for organization and platform administrators',
                 'nor workers');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a4"}');
SELECT throws_ok('SELECT * FROM api.db_health', '42501', NULL, 'a user in no organization may not');
SELECT tests.authenticate_as('service', '{"sub": "00000000-0000-4000-8000-0000000005a0"}');
SELECT throws_ok('SELECT * FROM api.db_health', '42501', NULL, 'a service account may not');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000c1", "api_key_id": "00000000-0000-4000-8000-0000000006c0"}');
SELECT throws_ok('SELECT * FROM api.db_health', '42501', NULL, 'the owner of a personal project only may not');
SELECT tests.authenticate_as('anon');
SELECT throws_ok('SELECT * FROM api.db_health', '42501', 'permission denied for view db_health', 'anon may not');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a0", "api_key_id": "00000000-0000-4000-8000-0000000006a0"}');
SELECT throws_ok('SELECT * FROM api.db_health', '42501', NULL,
                 'a viewer key does not carry a platform administrator''s right (key of another principal)');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a0"}');
SELECT lives_ok('SELECT * FROM api.db_health', 'a platform administrator may');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000b1"}');
SELECT lives_ok('SELECT * FROM api.db_health', 'an organization owner may');

-- db_health: sane values ----------------------------------------------------------------------
SELECT is((SELECT count(*) FROM api.db_health), 1::bigint, 'db_health is one row');
SELECT is((SELECT server_version FROM api.db_health), current_setting('server_version'), 'the server version');
SELECT is((SELECT database_name FROM api.db_health), current_database()::name, 'this database');
SELECT ok((SELECT uptime > interval '0' AND started_at < now() FROM api.db_health), 'a positive uptime');
SELECT ok((SELECT database_size_bytes > 1000000 FROM api.db_health), 'a database size of more than a megabyte');
SELECT ok((SELECT connections >= 1 AND connections <= max_connections
                  AND max_connections = current_setting('max_connections')::integer FROM api.db_health),
          'at least this connection, within max_connections');
SELECT ok((SELECT (connections_by_state ->> 'active')::integer >= 1 FROM api.db_health),
          'this session is counted as active');
SELECT ok((SELECT (SELECT sum(v::integer) FROM jsonb_each_text(connections_by_state) AS e(k, v)) = connections
             FROM api.db_health), 'the states add up to the connections');
SELECT ok((SELECT cache_hit_ratio BETWEEN 0 AND 1 FROM api.db_health), 'a cache hit ratio between 0 and 1');
SELECT ok((SELECT commits > 0 AND rollbacks >= 0 AND deadlocks >= 0 FROM api.db_health), 'commit, rollback and deadlock counts');
SELECT ok((SELECT NOT is_replica AND replicas = 0 AND replication_lag_seconds IS NULL FROM api.db_health),
          'a primary without replicas has no replication lag');
SELECT ok((SELECT xid_age > 0 AND xid_wraparound_headroom BETWEEN 1000000000 AND 2147483647 - 3000000 - xid_age
             FROM api.db_health), 'wraparound headroom: most of the 2^31 transaction ids are left');

-- index_health: unused, duplicate, invalid ----------------------------------------------------
SELECT tests.clear_authentication();
CREATE TABLE public.np_test_indexed (id integer PRIMARY KEY, v integer);
CREATE INDEX np_test_v_a ON public.np_test_indexed (v);
CREATE INDEX np_test_v_b ON public.np_test_indexed (v);
CREATE INDEX np_test_v_partial ON public.np_test_indexed (v) WHERE v > 0;
UPDATE pg_catalog.pg_index SET indisvalid = false WHERE indexrelid = 'public.np_test_v_partial'::regclass;
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a1"}');
SELECT is((SELECT duplicate_of FROM api.index_health WHERE index_name = 'np_test_v_a'), ARRAY['np_test_v_b']::name[],
          'two indexes with one definition are duplicates of each other');
SELECT is((SELECT duplicate_of FROM api.index_health WHERE index_name = 'np_test_v_partial'), NULL,
          'an index with a predicate is not a duplicate of one without');
SELECT ok((SELECT is_unused FROM api.index_health WHERE index_name = 'np_test_v_a'), 'a never scanned index is unused');
SELECT ok((SELECT NOT is_unused AND is_unique FROM api.index_health WHERE index_name = 'np_test_indexed_pkey'),
          'a primary key is never reported unused');
SELECT is((SELECT is_valid FROM api.index_health WHERE index_name = 'np_test_v_partial'), false,
          'an invalid index is reported');
SELECT ok((SELECT bool_and(size_bytes >= 0 AND scans >= 0) FROM api.index_health)
          AND (SELECT bool_and(size_bytes >= 8192) FROM api.index_health WHERE table_name = 'np_test_indexed'),
          'every index has a size (a btree at least its metapage) and a scan count');
SELECT ok((SELECT count(*) > 50 FROM api.index_health WHERE schema_name IN ('identity', 'auth', 'audit', 'workspace', 'ops')),
          'neuronplane''s own indexes are listed');

-- workers -----------------------------------------------------------------------------------------
SELECT ok((SELECT count(*) = 1 FROM api.workers WHERE kind = 'background_worker' AND name = 'pg_cron scheduler'),
          'pg_cron''s scheduler is a background worker');
SELECT ok((SELECT count(*) >= 1 FROM api.workers WHERE kind = 'background_worker' AND name = 'checkpointer'),
          'the server''s own background processes are listed');
SELECT is((SELECT details ->> 'schedule' FROM api.workers WHERE kind = 'scheduler_job' AND name = 'neuronplane-audit-seal'),
          '* * * * *', 'the audit sealer is a scheduler job with its schedule');
SELECT tests.clear_authentication();

SELECT is((SELECT array_agg(DISTINCT pg_get_userbyid(p.proowner)) FROM pg_proc p
            WHERE p.oid IN ('ops.db_health_snapshot()'::regprocedure, 'ops.index_health_snapshot()'::regprocedure,
                            'ops.workers_snapshot()'::regprocedure)),
          ARRAY['neuronplane_monitor']::name[], 'the observability functions run as neuronplane_monitor');
SELECT ok((SELECT NOT rolsuper AND pg_has_role(oid, 'pg_monitor'::regrole, 'USAGE') FROM pg_roles
            WHERE rolname = 'neuronplane_monitor'), 'which has pg_monitor and is no superuser');

-- usage ---------------------------------------------------------------------------------------------
-- Key ...7a0 (a2, limited to PA1, rate limit 3 a minute for this test): four requests
-- counted by the limiter (three let through, one refused), one refusal of a bad secret.
UPDATE identity.api_keys SET rate_limit_per_min = 3 WHERE id = '00000000-0000-4000-8000-0000000007a0';
-- A key without a project is not counted (there is no project to count it for).
DO $$
BEGIN
    PERFORM auth.count_api_key_request('00000000-0000-4000-8000-0000000007a0', 3, 1, false, NULL, NULL, NULL)
       FROM generate_series(1, 4);
    PERFORM auth.record_api_key_rejection('00000000-0000-4000-8000-0000000007a0', 'f00000000007',
                                          'wrong secret', NULL, NULL, NULL);
    PERFORM auth.count_api_key_request('00000000-0000-4000-8000-0000000006a0', 100, 1, false, NULL, NULL, NULL);
END
$$;

SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2", "api_key_id": "00000000-0000-4000-8000-0000000007a0"}');
SELECT lives_ok($$SELECT api.record_usage('00000000-0000-4000-8000-0000000001a0', 1200, 300)$$,
                'NeuronAgent (here a member''s key) reports the tokens of an LLM call');
SELECT lives_ok($$SELECT api.record_usage('00000000-0000-4000-8000-0000000001a0', 800, 200, 2)$$,
                'and of two more calls');
SELECT throws_ok($$SELECT api.record_usage('00000000-0000-4000-8000-0000000001a0', -1, 0)$$, '22023',
                 'tokens_in must be a count from 0 to 1000000000', 'a negative token count is refused, naming the field');
SELECT throws_ok($$SELECT api.record_usage('00000000-0000-4000-8000-0000000001a0', 1, 0, 1, '00000000-0000-4000-8000-00000000ffff')$$,
                 '42704', 'there is no LLM model with id 00000000-0000-4000-8000-00000000ffff in project 00000000-0000-4000-8000-0000000001a0',
                 'an unknown model is refused');
SELECT throws_ok($$SELECT api.record_usage('00000000-0000-4000-8000-0000000002a0', 1, 1)$$, '42704',
                 'there is no project with id 00000000-0000-4000-8000-0000000002a0',
                 'through a key limited to PA1, PA2 does not exist');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a3"}');
SELECT throws_ok($$SELECT api.record_usage('00000000-0000-4000-8000-0000000001a0', 1, 1)$$, '42501',
                 'permission denied: reporting usage needs execute on project 00000000-0000-4000-8000-0000000001a0',
                 'a viewer may not report usage');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a1"}');
SELECT is((SELECT row(requests, errors, llm_calls, tokens_in, tokens_out)::text FROM api.usage
            WHERE project_id = '00000000-0000-4000-8000-0000000001a0' AND day = (now() AT TIME ZONE 'UTC')::date),
          row(3, 2, 3, 2000, 500)::text,
          'the owner reads PA1''s day: 3 requests, 2 errors (rate limited, bad secret), 3 calls, 2000 tokens in, 500 out');
SELECT is((SELECT count(*) FROM api.usage), 1::bigint, 'a key without a project added no row');
SELECT is((SELECT array_agg(api_key_id::text ORDER BY api_key_id) FROM ops.usage_counters),
          ARRAY['00000000-0000-4000-8000-0000000007a0'], 'the owner reads the counters of PA1''s key');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000a2"}');
SELECT is((SELECT count(*) FROM api.usage), 0::bigint, 'a member (no admin on the project) sees no usage');
SELECT is((SELECT count(*) FROM ops.usage_counters), 0::bigint, 'nor any row of the table itself');
SELECT throws_ok($$INSERT INTO ops.usage_counters (project_id, day) VALUES ('00000000-0000-4000-8000-0000000001a0', current_date)$$,
                 '42501', 'permission denied for table usage_counters', 'and nobody writes counters but the functions');
SELECT tests.authenticate_as('authenticated', '{"sub": "00000000-0000-4000-8000-0000000000b1"}');
SELECT is((SELECT count(*) FROM api.usage), 0::bigint, 'another organization''s owner sees none');
SELECT tests.clear_authentication();

SELECT * FROM finish();
ROLLBACK;
