-- Revert neuronplane:audit/chain from pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION audit.verify_audit(timestamptz,timestamptz);
DROP FUNCTION audit.drop_partitions_older_than(interval);
DROP FUNCTION audit.mark_exported(date,int8,text,text);
DROP FUNCTION audit.verify_head(date,int8,text);
DROP FUNCTION audit.chain_head();
DROP FUNCTION audit.verify(timestamptz,timestamptz);
DROP FUNCTION audit.seal(int4);
DROP FUNCTION audit.canonical(audit.events);

COMMIT;
