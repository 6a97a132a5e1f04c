-- Deploy neuronplane:internal/constraint_errors to pg

BEGIN;

SET LOCAL ROLE neuronplane_owner;

-- The api functions write these tables as neuronplane_owner, which bypasses row-level
-- security; PostgreSQL then prints the whole row in a violated constraint's DETAIL
-- ("Failing row contains (...)") and PostgREST forwards it to the client. Checking the
-- table's own constraints in a BEFORE trigger, the last to run, raises the same error
-- and message without the row: the rules stay in the constraints, and this reads them.
CREATE FUNCTION internal.tg_check_constraints()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    c record;
    passes boolean;
    v_row jsonb := to_jsonb(NEW);
BEGIN
    FOR c IN SELECT a.attname FROM pg_attribute a
              WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped
                AND a.attnotnull AND a.attgenerated = ''
              ORDER BY a.attnum LOOP
        IF v_row ->> c.attname IS NULL THEN
            RAISE EXCEPTION 'null value in column "%" of relation "%" violates not-null constraint',
                            c.attname, TG_TABLE_NAME
                USING ERRCODE = '23502', COLUMN = c.attname, TABLE = TG_TABLE_NAME,
                      SCHEMA = TG_TABLE_SCHEMA;
        END IF;
    END LOOP;
    FOR c IN SELECT k.conname, pg_get_expr(k.conbin, k.conrelid) AS expr
               FROM pg_constraint k
              WHERE k.conrelid = TG_RELID AND k.contype = 'c' AND k.convalidated
              ORDER BY k.conname LOOP
        EXECUTE format('SELECT (%s) IS NOT FALSE FROM (SELECT ($1).*) AS t', c.expr)
           INTO passes USING NEW;
        IF NOT passes THEN
            RAISE EXCEPTION 'new row for relation "%" violates check constraint "%"',
                            TG_TABLE_NAME, c.conname
                USING ERRCODE = '23514', CONSTRAINT = c.conname, TABLE = TG_TABLE_NAME,
                      SCHEMA = TG_TABLE_SCHEMA,
                      HINT = 'The function''s documentation (COMMENT) lists what it accepts.';
        END IF;
    END LOOP;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION internal.tg_check_constraints() IS
    'Trigger: the table''s NOT NULL and CHECK constraints, raised without the row image PostgreSQL would put in DETAIL for a role that bypasses RLS.';

-- Named to fire after the other BEFORE triggers, which may still change the row.
DO $$
DECLARE
    t regclass;
BEGIN
    FOREACH t IN ARRAY ARRAY['identity.principals', 'identity.organizations', 'identity.projects',
                             'identity.service_accounts', 'identity.agents', 'identity.users',
                             'identity.datasets', 'identity.tools', 'identity.policies',
                             'identity.org_memberships', 'identity.api_keys',
                             'workspace.llm_models', 'workspace.project_agent_keys',
                             'workspace.datasets', 'workspace.ingest_jobs']::regclass[] LOOP
        EXECUTE format('CREATE TRIGGER zz_check_constraints BEFORE INSERT OR UPDATE ON %s'
                       ' FOR EACH ROW EXECUTE FUNCTION internal.tg_check_constraints()', t);
    END LOOP;
END
$$;

RESET ROLE;

COMMIT;
