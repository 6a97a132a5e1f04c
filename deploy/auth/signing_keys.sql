-- Deploy neuronplane:auth/signing_keys to pg
-- STUB: replaced by the real change before it lands.

BEGIN;

COMMIT;
