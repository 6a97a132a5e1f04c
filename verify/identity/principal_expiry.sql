-- Verify neuronplane:identity/principal_expiry on pg

BEGIN;

SELECT expires_at FROM identity.principals WHERE false;
SELECT disabled_at FROM identity.organizations WHERE false;
SELECT 1 / count(*) FROM pg_catalog.pg_proc WHERE oid = 'identity.is_active(uuid)'::regprocedure;

ROLLBACK;
