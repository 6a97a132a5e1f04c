-- Verify neuronplane:auth/passwords on pg
-- STUB

BEGIN;

ROLLBACK;
