-- Revert neuronplane:audit/events from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP TABLE audit.sealer_state;
DROP TABLE audit.chain_state;
DROP TABLE audit.seals;
DROP TABLE audit.events;
DROP TABLE audit.settings;
DROP TABLE audit.actions;
DROP FUNCTION audit.ensure_partitions(int4);
DROP FUNCTION audit.genesis_hash(date);
DROP FUNCTION audit.month_end(date);
DROP FUNCTION audit.month_start(date);
DROP FUNCTION audit.month_of(timestamptz);
DROP FUNCTION audit.tg_append_only__reject();
DROP FUNCTION audit.next_event_id();
DROP FUNCTION audit.is_known_action(text);
DROP FUNCTION audit.tg_actions__compile();

COMMIT;
