-- Revert neuronplane:internal/constraint_errors from pg

BEGIN;

DO $$
DECLARE
    t regclass;
BEGIN
    FOR t IN SELECT tgrelid::regclass FROM pg_trigger WHERE tgname = 'zz_check_constraints' LOOP
        EXECUTE format('DROP TRIGGER zz_check_constraints ON %s', t);
    END LOOP;
END
$$;

SET LOCAL ROLE neuronplane_owner;

DROP FUNCTION internal.tg_check_constraints();

COMMIT;
