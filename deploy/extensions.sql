-- Deploy neuronplane:extensions to pg

BEGIN;

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA extensions;
-- PL/Python: argon2id, JWT signing and ID-token checks import the modules in plpython/.
CREATE EXTENSION IF NOT EXISTS plpython3u;

-- plpgsql_check is a development aid; a server without it still runs neuronplane.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_available_extensions WHERE name = 'plpgsql_check') THEN
        CREATE EXTENSION IF NOT EXISTS plpgsql_check WITH SCHEMA extensions;
    END IF;
END
$$;

-- Extension functions are not executable by PUBLIC (baseline). Grant what each role needs:
-- the owner's SECURITY DEFINER functions hash and generate random bytes with pgcrypto, and
-- every role that reads or compares citext columns needs citext's functions.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT d.objid::regprocedure
          FROM pg_catalog.pg_depend d
          JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
         WHERE d.classid = 'pg_catalog.pg_proc'::regclass
           AND d.deptype = 'e'
           AND e.extname IN ('pgcrypto', 'citext')
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO neuronplane_owner', f);
    END LOOP;
    FOR f IN
        SELECT d.objid::regprocedure
          FROM pg_catalog.pg_depend d
          JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
         WHERE d.classid = 'pg_catalog.pg_proc'::regclass
           AND d.deptype = 'e'
           AND e.extname = 'citext'
    LOOP
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO anon, authenticated, service, neuronplane_worker', f);
    END LOOP;
END
$$;

COMMIT;
