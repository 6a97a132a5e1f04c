-- Revert neuronplane:audit/record from pg

BEGIN;

REVOKE USAGE ON SCHEMA audit FROM neuronplane_worker;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION audit.record(text,text,text,text,jsonb,uuid,text,uuid,uuid,inet,text,text);
DROP FUNCTION audit.client_ip(jsonb);
DROP FUNCTION audit.try_inet(text);
DROP FUNCTION audit.redact(jsonb);

COMMIT;
