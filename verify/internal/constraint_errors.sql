-- Verify neuronplane:internal/constraint_errors on pg

BEGIN;

SELECT 1/count(*) FROM pg_proc WHERE oid = 'internal.tg_check_constraints()'::regprocedure;

DO $$
BEGIN
    ASSERT (SELECT count(*) FROM pg_trigger
             WHERE tgname = 'zz_check_constraints'
               AND tgfoid = 'internal.tg_check_constraints()'::regprocedure) = 15,
        'the fifteen tables the api functions write check their constraints without the row';
    ASSERT EXISTS (SELECT FROM pg_trigger WHERE tgname = 'zz_check_constraints'
                      AND tgrelid = 'identity.projects'::regclass),
        'identity.projects checks its constraints without the row';
END
$$;

ROLLBACK;
