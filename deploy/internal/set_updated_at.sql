-- Deploy neuronplane:internal/set_updated_at to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- BEFORE UPDATE on every entity table: updated_at is the time of the change, and
-- created_at cannot be rewritten.
CREATE FUNCTION internal.tg_set_updated_at()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW.created_at := OLD.created_at;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION internal.tg_set_updated_at() IS
    'Trigger: sets updated_at on UPDATE and keeps created_at.';

RESET ROLE;

COMMIT;
