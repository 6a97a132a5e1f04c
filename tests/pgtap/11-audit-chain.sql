-- Sealing, verification and tampering: what audit.verify() catches.
BEGIN;
-- Start from a sealer that never ran (pg_cron may have run it before the tests began).
UPDATE audit.sealer_state
   SET watermark = 0, watermark_read_at = NULL, pending_id = NULL, pending_xmax = NULL,
       pending_read_at = NULL;
SELECT plan(31);

-- Five events, sealed.
SELECT audit.record('auth.login.failed', 'failure', details => jsonb_build_object('n', n))
  FROM generate_series(1, 5) AS n;
SELECT ok(audit.seal() >= 5, 'seal() seals the new events');
SELECT is(audit.seal(), 0, 'a second seal() finds nothing new');

CREATE TEMP TABLE sealed AS
SELECT s.* FROM audit.seals s
  JOIN audit.events e ON e.id = s.event_id AND e.details ? 'n'
 ORDER BY s.position;
SELECT is((SELECT count(*)::integer FROM sealed), 5, 'each event has one seal');
SELECT ok((SELECT bool_and(s.hash = sha256(s.prev_hash || audit.canonical(e)))
             FROM sealed s JOIN audit.events e ON e.id = s.event_id),
          'each seal is sha256(previous hash || canonical event)');
SELECT ok((SELECT bool_and(s.prev_hash = p.hash)
             FROM sealed s JOIN audit.seals p ON p.month = s.month AND p.position = s.position - 1),
          'each seal links to the seal before it');
SELECT is((SELECT prev_hash FROM audit.seals
            WHERE month = audit.month_of(now()) AND position = 1),
          audit.genesis_hash(audit.month_of(now())),
          'the first seal of a month links to the month''s genesis hash');

SELECT is((SELECT row(ok, event_id, problem)::text FROM audit.verify()),
          row(true, NULL::bigint, NULL::text)::text, 'an untouched chain verifies');
SELECT is((SELECT row(month, "position", hash)::text FROM audit.chain_head()),
          (SELECT row(month, last_position, encode(head_hash, 'hex'))::text
             FROM audit.chain_state WHERE month = audit.month_of(now())),
          'chain_head() returns the latest sealed hash');
SELECT is((SELECT "position" FROM audit.chain_head()), (SELECT max(position) FROM sealed),
          'the head is the last seal');

-- The serialization does not depend on session settings.
CREATE TEMP TABLE canon AS
SELECT audit.canonical(e) AS bytes FROM audit.events e WHERE e.id = (SELECT min(event_id) FROM sealed);
SET LOCAL TimeZone = 'Asia/Tokyo';
SET LOCAL DateStyle = 'SQL, DMY';
SELECT is((SELECT audit.canonical(e) FROM audit.events e WHERE e.id = (SELECT min(event_id) FROM sealed)),
          (SELECT bytes FROM canon), 'canonical() ignores TimeZone and DateStyle');
RESET TimeZone;
RESET DateStyle;

-- Tampering, each inside a savepoint that is rolled back afterwards. The superuser turns
-- the append-only triggers off with session_replication_role.
SAVEPOINT tamper;
SET LOCAL session_replication_role = replica;
UPDATE audit.events SET details = '{"n": 99}'
 WHERE id = (SELECT event_id FROM sealed WHERE position = (SELECT min(position) + 2 FROM sealed));
SET LOCAL session_replication_role = origin;
SELECT ok AS v_ok, event_id AS v_event, problem AS v_problem FROM audit.verify() \gset
ROLLBACK TO SAVEPOINT tamper;
SELECT is(row(:'v_ok', :'v_event')::text,
          (SELECT row('f', event_id)::text FROM sealed WHERE position = (SELECT min(position) + 2 FROM sealed)),
          'an edited event is reported, by id');
SELECT matches(:'v_problem'::text, 'does not match its seal: its content was altered',
               'and the problem says its content was altered');

SAVEPOINT tamper;
SET LOCAL session_replication_role = replica;
DELETE FROM audit.events WHERE id = (SELECT event_id FROM sealed WHERE position = (SELECT min(position) + 1 FROM sealed));
SET LOCAL session_replication_role = origin;
SELECT ok AS v_ok, event_id AS v_event, problem AS v_problem FROM audit.verify() \gset
ROLLBACK TO SAVEPOINT tamper;
SELECT is(row(:'v_ok', :'v_event')::text,
          (SELECT row('f', event_id)::text FROM sealed WHERE position = (SELECT min(position) + 1 FROM sealed)),
          'a deleted event is reported, by id');
SELECT matches(:'v_problem'::text, 'is missing: it was sealed, then deleted',
               'and the problem says it is missing');

SAVEPOINT tamper;
SET LOCAL session_replication_role = replica;
DELETE FROM audit.events WHERE id = (SELECT event_id FROM sealed WHERE position = (SELECT min(position) + 1 FROM sealed));
DELETE FROM audit.seals WHERE month = audit.month_of(now())
   AND position = (SELECT min(position) + 1 FROM sealed);
SET LOCAL session_replication_role = origin;
SELECT problem AS v_problem FROM audit.verify() \gset
ROLLBACK TO SAVEPOINT tamper;
SELECT matches(:'v_problem'::text,
               format('^%s: seal %s is missing', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM'),
                      (SELECT min(position) + 1 FROM sealed)),
               'an event deleted with its seal leaves a gap in the chain that is reported');

SAVEPOINT tamper;
SET LOCAL session_replication_role = replica;
UPDATE audit.seals SET prev_hash = sha256('forged'::bytea)
 WHERE month = audit.month_of(now()) AND position = (SELECT min(position) + 3 FROM sealed);
SET LOCAL session_replication_role = origin;
SELECT ok AS v_ok, event_id AS v_event, problem AS v_problem FROM audit.verify() \gset
ROLLBACK TO SAVEPOINT tamper;
SELECT is(row(:'v_ok', :'v_event', :'v_problem')::text,
          (SELECT row('f', event_id, format('event %s: its seal does not link to the seal before it', event_id))::text
             FROM sealed WHERE position = (SELECT min(position) + 3 FROM sealed)),
          'a forged link is reported');

SAVEPOINT tamper;
SET LOCAL session_replication_role = replica;
DELETE FROM audit.seals WHERE month = audit.month_of(now()) AND position = (SELECT max(position) FROM sealed);
SET LOCAL session_replication_role = origin;
SELECT problem AS v_problem FROM audit.verify() \gset
ROLLBACK TO SAVEPOINT tamper;
SELECT matches(:'v_problem'::text, 'the chain ends at seal \d+ but its head says \d+',
               'a seal cut from the end of the chain is reported');

SAVEPOINT tamper;
UPDATE audit.sealer_state SET watermark = (SELECT max(id) FROM audit.events) + 10;
INSERT INTO audit.events (action, outcome) VALUES ('auth.logout', 'success')
RETURNING id AS v_slipped \gset
SELECT ok AS v_ok, event_id AS v_event FROM audit.verify() \gset
ROLLBACK TO SAVEPOINT tamper;
SELECT is(row(:'v_ok', :'v_event')::text, row('f', :'v_slipped')::text,
          'an event slipped in below the sealer''s watermark is reported');

SELECT is((SELECT ok FROM audit.verify()), true, 'after each rollback the chain verifies again');
SELECT is((SELECT ok FROM audit.verify('2001-01-01', '2001-02-01')), true,
          'a range with no months verifies trivially');
SELECT throws_ok($$SELECT * FROM audit.verify('2026-02-01', '2026-01-01')$$, '22023',
                 'verify needs from_time < to_time', 'an empty range is refused');

-- Exported heads ---------------------------------------------------------------------------
CREATE TEMP TABLE head AS SELECT * FROM audit.chain_head();
SELECT ok(audit.verify_head((SELECT month FROM head), (SELECT "position" FROM head), (SELECT hash FROM head)),
          'verify_head() confirms the current head');
SELECT ok(NOT audit.verify_head((SELECT month FROM head), (SELECT "position" FROM head), repeat('0', 64)),
          'verify_head() rejects another hash');
SELECT throws_ok(format($$SELECT audit.mark_exported(%L, %s, %L, 'vault')$$,
                        (SELECT month FROM head), (SELECT "position" FROM head), repeat('0', 64)),
                 '22023', format('the chain of %s has no seal %s with that hash',
                                 to_char((SELECT month FROM head), 'YYYY-MM'), (SELECT "position" FROM head)),
                 'mark_exported() refuses a head the chain does not have');
SELECT throws_ok(format($$SELECT audit.mark_exported(%L, %s, 'ABC', 'vault')$$,
                        (SELECT month FROM head), (SELECT "position" FROM head)),
                 '22023', 'hash must be 64 lower-case hex digits', 'mark_exported() checks the hash''s form');
SELECT throws_ok('SELECT audit.seal(0)', '22023', 'max_events must be positive',
                 'seal() needs a positive batch size');
SELECT throws_ok(format($$SELECT audit.mark_exported(%L, %s, %L, '')$$,
                        (SELECT month FROM head), (SELECT "position" FROM head), (SELECT hash FROM head)),
                 '22023', 'say where the head was exported to', 'mark_exported() needs a destination');
SELECT lives_ok(format($$SELECT audit.mark_exported(%L, %s, %L, 's3://anchors/audit')$$,
                       (SELECT month FROM head), (SELECT "position" FROM head), (SELECT hash FROM head)),
                'mark_exported() records a real head');
SELECT is((SELECT row(exported_position, encode(exported_hash, 'hex'), exported_to)::text
             FROM audit.chain_state WHERE month = (SELECT month FROM head)),
          (SELECT row("position", hash, 's3://anchors/audit')::text FROM head),
          'the export is kept in chain_state');
SELECT is((SELECT action FROM audit.events ORDER BY id DESC LIMIT 1), 'audit.head.exported',
          'and audited');

-- Rewriting the whole chain after an export is caught by the exported head.
SAVEPOINT tamper;
SET LOCAL session_replication_role = replica;
-- A consistent rewrite: new content, its seal recomputed, the head moved along.
UPDATE audit.events SET details = '{"n": 1000}'
 WHERE id = (SELECT event_id FROM audit.seals
              WHERE month = (SELECT month FROM head) AND position = (SELECT "position" FROM head));
UPDATE audit.seals s SET hash = sha256(s.prev_hash || audit.canonical(e))
  FROM audit.events e
 WHERE e.id = s.event_id AND s.month = (SELECT month FROM head)
   AND s.position = (SELECT "position" FROM head);
UPDATE audit.chain_state c SET head_hash = s.hash
  FROM audit.seals s
 WHERE c.month = (SELECT month FROM head) AND s.month = c.month AND s.position = c.last_position;
SET LOCAL session_replication_role = origin;
SELECT problem AS v_problem FROM audit.verify() \gset
ROLLBACK TO SAVEPOINT tamper;
SELECT matches(:'v_problem'::text, 'the chain was rewritten: the head exported at position',
               'a chain rewritten after its head was exported is reported');

SELECT * FROM finish();
ROLLBACK;
