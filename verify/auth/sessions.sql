-- Verify neuronplane:auth/sessions on pg
-- STUB

BEGIN;

ROLLBACK;
