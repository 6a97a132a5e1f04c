-- Verify neuronplane:auth/signing_keys on pg
-- STUB

BEGIN;

ROLLBACK;
