-- Catalog rules that hold for every object deployed, including those created by dynamic
-- SQL, which the SQL lint cannot see.
BEGIN;
SELECT plan(9);

CREATE TEMP VIEW our_namespaces AS
SELECT n.oid, n.nspname
  FROM pg_catalog.pg_namespace n
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'sqitch', 'tests')
   AND n.nspname NOT LIKE 'pg\_temp\_%'
   AND n.nspname NOT LIKE 'pg\_toast\_temp\_%';

-- Objects that belong to an extension are the extension's business.
CREATE TEMP VIEW extension_members AS
SELECT d.classid, d.objid FROM pg_catalog.pg_depend d WHERE d.deptype = 'e';

SELECT is(
    ARRAY(SELECT c.oid::regclass::text
            FROM pg_catalog.pg_class c JOIN our_namespaces n ON n.oid = c.relnamespace
           WHERE c.relkind IN ('r', 'p')
             AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
             AND NOT EXISTS (SELECT FROM extension_members e
                              WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid)
           ORDER BY 1),
    ARRAY[]::text[],
    'every table has row level security enabled and forced');

SELECT is(
    ARRAY(SELECT p.oid::regprocedure::text
            FROM pg_catalog.pg_proc p JOIN our_namespaces n ON n.oid = p.pronamespace
           WHERE p.prosecdef
             AND NOT EXISTS (SELECT FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%')
           ORDER BY 1),
    ARRAY[]::text[],
    'every SECURITY DEFINER function pins search_path');

-- A NULL proacl means the built-in default, which lets PUBLIC execute.
SELECT is(
    ARRAY(SELECT p.oid::regprocedure::text
            FROM pg_catalog.pg_proc p JOIN our_namespaces n ON n.oid = p.pronamespace
           WHERE (p.proacl IS NULL
                  OR EXISTS (SELECT FROM aclexplode(p.proacl) a WHERE a.grantee = 0))
             AND NOT EXISTS (SELECT FROM extension_members e
                              WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid)
           ORDER BY 1),
    ARRAY[]::text[],
    'no function of ours is executable by PUBLIC');

SELECT is(
    ARRAY(SELECT c.oid::regclass::text
            FROM pg_catalog.pg_class c JOIN our_namespaces n ON n.oid = c.relnamespace,
                 aclexplode(c.relacl) a
           WHERE a.grantee = 0
           ORDER BY 1),
    ARRAY[]::text[],
    'no table, view or sequence grants anything to PUBLIC');

SELECT is(
    ARRAY(SELECT n.nspname::text
            FROM our_namespaces n JOIN pg_catalog.pg_namespace ns ON ns.oid = n.oid,
                 aclexplode(ns.nspacl) a
           WHERE a.grantee = 0
           ORDER BY 1),
    ARRAY[]::text[],
    'no schema grants anything to PUBLIC (schema public included)');

SELECT is(
    ARRAY(SELECT format('%s %s', CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END,
                        p.oid::regprocedure)
            FROM pg_catalog.pg_proc p
           WHERE p.pronamespace = 'api'::regnamespace
             AND obj_description(p.oid, 'pg_proc') IS NULL
          UNION ALL
          SELECT format('view %s', c.oid::regclass)
            FROM pg_catalog.pg_class c
           WHERE c.relnamespace = 'api'::regnamespace AND c.relkind IN ('v', 'm')
             AND obj_description(c.oid, 'pg_class') IS NULL
          ORDER BY 1),
    ARRAY[]::text[],
    'every function and view in api has a COMMENT');

SELECT is(
    ARRAY(SELECT format('%s.%s', c.oid::regclass, a.attname)
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
                                          AND NOT a.attisdropped
           WHERE c.relnamespace = 'api'::regnamespace AND c.relkind IN ('v', 'm')
             AND col_description(c.oid, a.attnum) IS NULL
           ORDER BY 1),
    ARRAY[]::text[],
    'every column of every view in api has a COMMENT');

SELECT is(
    ARRAY(SELECT c.oid::regclass::text
            FROM pg_catalog.pg_class c
           WHERE c.relnamespace = 'api'::regnamespace AND c.relkind = 'v'
             AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)
           ORDER BY 1),
    ARRAY[]::text[],
    'every view in api is security_invoker');

-- plpgsql_check over every PL/pgSQL function of ours; trigger functions are checked
-- against each table that uses them.
SELECT CASE WHEN NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'plpgsql_check')
    THEN skip('plpgsql_check is not installed', 1)
    ELSE is(
        ARRAY(SELECT format('%s: %s (%s)', t.fn, r.message, r.lineno)
                FROM (SELECT p.oid AS fn_oid, p.oid::regprocedure::text AS fn,
                             coalesce(tg.tgrelid, 0) AS relid
                        FROM pg_catalog.pg_proc p
                        JOIN our_namespaces n ON n.oid = p.pronamespace
                        JOIN pg_catalog.pg_language l ON l.oid = p.prolang
                                                      AND l.lanname = 'plpgsql'
                        LEFT JOIN pg_catalog.pg_trigger tg ON tg.tgfoid = p.oid
                                                           AND NOT tg.tgisinternal
                       WHERE (p.prorettype <> 'trigger'::regtype OR tg.tgrelid IS NOT NULL)
                         AND p.prorettype <> 'event_trigger'::regtype
                         AND NOT EXISTS (SELECT FROM extension_members e
                                          WHERE e.classid = 'pg_proc'::regclass
                                            AND e.objid = p.oid)) t,
                     LATERAL extensions.plpgsql_check_function_tb(
                         t.fn_oid, t.relid::regclass, fatal_errors => false) r
               WHERE r.level = 'error'
               ORDER BY 1),
        ARRAY[]::text[],
        'plpgsql_check finds no error in any PL/pgSQL function')
END;

SELECT * FROM finish();
ROLLBACK;
