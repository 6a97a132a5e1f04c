-- Revert neuronplane:audit/events from pg

BEGIN;

-- Dropping a partitioned table drops its partitions.
DROP TABLE audit.seals;
DROP TABLE audit.events;
DROP FUNCTION audit.next_event_id();
DROP FUNCTION audit.ensure_partitions(integer);
DROP FUNCTION audit.genesis_hash(date);
DROP FUNCTION audit.month_end(date);
DROP FUNCTION audit.month_start(date);
DROP FUNCTION audit.month_of(timestamptz);
DROP FUNCTION audit.tg_append_only__reject();
DROP TABLE audit.sealer_state;
DROP TABLE audit.chain_state;
DROP TABLE audit.settings;
DROP TABLE audit.actions;
DROP FUNCTION audit.is_known_action(text);
DROP FUNCTION audit.tg_actions__compile();

COMMIT;
