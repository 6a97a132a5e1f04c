-- Revert neuronplane:audit/chain from pg

BEGIN;

DROP FUNCTION audit.drop_partitions_older_than(interval);
DROP FUNCTION audit.mark_exported(date, bigint, text, text);
DROP FUNCTION audit.verify_head(date, bigint, text);
DROP FUNCTION audit.chain_head();
DROP FUNCTION audit.verify(timestamptz, timestamptz);
DROP FUNCTION audit.seal(integer);
DROP FUNCTION audit.canonical(audit.events);

COMMIT;
