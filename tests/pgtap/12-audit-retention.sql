-- Retention: old months go only when sealed and anchored outside; all or nothing.
BEGIN;
-- Start from a sealer that never ran (pg_cron may have run it before the tests began).
UPDATE audit.sealer_state
   SET watermark = 0, watermark_read_at = NULL, pending_id = NULL, pending_xmax = NULL,
       pending_read_at = NULL;
SELECT plan(12);

-- Two old months with one event each, as if the log had run since 2020.
CREATE TABLE audit.events_2020_01 PARTITION OF audit.events
    FOR VALUES FROM ('2020-01-01 00:00+00') TO ('2020-02-01 00:00+00');
CREATE TABLE audit.seals_2020_01 PARTITION OF audit.seals FOR VALUES FROM ('2020-01-01') TO ('2020-02-01');
CREATE TABLE audit.events_2020_02 PARTITION OF audit.events
    FOR VALUES FROM ('2020-02-01 00:00+00') TO ('2020-03-01 00:00+00');
CREATE TABLE audit.seals_2020_02 PARTITION OF audit.seals FOR VALUES FROM ('2020-02-01') TO ('2020-03-01');
INSERT INTO audit.events (occurred_at, action, outcome)
VALUES ('2020-01-15 12:00+00', 'auth.logout', 'success'),
       ('2020-02-15 12:00+00', 'auth.logout', 'success');
SELECT audit.seal();

SELECT throws_ok($$SELECT audit.drop_partitions_older_than('1 week')$$, '22023',
                 'max_age must be at least one month, not 7 days', 'a retention under a month is refused');
SELECT throws_ok($$SELECT audit.drop_partitions_older_than('1 year')$$, '55000',
                 'audit partition events_2020_01 cannot be dropped: its chain is not sealed yet',
                 'a month whose chain is not final is not dropped');

UPDATE audit.chain_state SET finalized_at = now() WHERE month IN ('2020-01-01', '2020-02-01');
SELECT throws_ok($$SELECT audit.drop_partitions_older_than('1 year')$$, '55000',
                 'audit partition events_2020_01 cannot be dropped: its final chain head has not been exported',
                 'a month whose head was not exported is not dropped');

SELECT audit.mark_exported('2020-01-01', last_position, encode(head_hash, 'hex'), 'worm://anchors')
  FROM audit.chain_state WHERE month = '2020-01-01';
SELECT throws_ok($$SELECT audit.drop_partitions_older_than('1 year')$$, '55000',
                 'audit partition events_2020_02 cannot be dropped: its final chain head has not been exported',
                 'one month not exported stops the whole run');
SELECT ok(to_regclass('audit.events_2020_01') IS NOT NULL,
          'and nothing was dropped: all or nothing');

SELECT audit.mark_exported('2020-02-01', last_position, encode(head_hash, 'hex'), 'worm://anchors')
  FROM audit.chain_state WHERE month = '2020-02-01';
SELECT results_eq($$SELECT audit.drop_partitions_older_than('1 year')$$,
                  ARRAY['audit.events_2020_01', 'audit.events_2020_02'],
                  'sealed, exported months are dropped');
SELECT ok(to_regclass('audit.events_2020_01') IS NULL AND to_regclass('audit.seals_2020_01') IS NULL,
          'their events and seals partitions are gone');
SELECT is((SELECT count(*)::integer FROM audit.chain_state
            WHERE month IN ('2020-01-01', '2020-02-01') AND dropped_at IS NOT NULL), 2,
          'their heads stay in chain_state, marked dropped');
SELECT is((SELECT count(*)::integer FROM audit.events WHERE action = 'audit.partition.dropped'), 2,
          'each drop is audited');
SELECT is((SELECT ok FROM audit.verify()), true, 'the remaining log still verifies');
SELECT is_empty($$SELECT audit.drop_partitions_older_than('1 year')$$,
                'a second run drops nothing');
SELECT ok(to_regclass(format('audit.events_%s', to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM'))) IS NOT NULL,
          'the current month is untouched');

SELECT * FROM finish();
ROLLBACK;
