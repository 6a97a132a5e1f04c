-- Deploy neuronplane:auth/sessions to pg
-- STUB: replaced by the real change before it lands.

BEGIN;

COMMIT;
