-- Catalog rules, as functions returning the offending objects (empty = rule holds).
-- tests/pgtap/00-catalog.sql asserts each is empty on the deployed database;
-- tests/pgtap/03-catalog-rules-fail.sql shows each one catches a violation.

-- Schemas whose objects are ours: not PostgreSQL's, sqitch's or the tests'.
CREATE FUNCTION tests.our_namespaces()
RETURNS SETOF oid
LANGUAGE sql STABLE
AS $$
    SELECT n.oid
      FROM pg_catalog.pg_namespace n
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'sqitch', 'tests')
       AND n.nspname NOT LIKE 'pg\_temp\_%'
       AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
$$;

-- Objects that belong to an extension are the extension's business.
CREATE FUNCTION tests.is_extension_member(classid regclass, objid oid)
RETURNS boolean
LANGUAGE sql STABLE
AS $$
    SELECT EXISTS (SELECT FROM pg_catalog.pg_depend d
                    WHERE d.classid = $1 AND d.objid = $2 AND d.deptype = 'e')
$$;

CREATE FUNCTION tests.tables_without_forced_rls()
RETURNS text[]
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(array_agg(c.oid::regclass::text ORDER BY 1), '{}')
      FROM pg_catalog.pg_class c
     WHERE c.relnamespace IN (SELECT tests.our_namespaces())
       AND c.relkind IN ('r', 'p')
       AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
       AND NOT tests.is_extension_member('pg_class', c.oid)
$$;

CREATE FUNCTION tests.definers_without_search_path()
RETURNS text[]
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(array_agg(p.oid::regprocedure::text ORDER BY 1), '{}')
      FROM pg_catalog.pg_proc p
     WHERE p.pronamespace IN (SELECT tests.our_namespaces())
       AND p.prosecdef
       AND NOT EXISTS (SELECT FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%')
$$;

-- A NULL proacl means the built-in default, which lets PUBLIC execute.
CREATE FUNCTION tests.functions_executable_by_public()
RETURNS text[]
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(array_agg(p.oid::regprocedure::text ORDER BY 1), '{}')
      FROM pg_catalog.pg_proc p
     WHERE p.pronamespace IN (SELECT tests.our_namespaces())
       AND (p.proacl IS NULL OR EXISTS (SELECT FROM aclexplode(p.proacl) a WHERE a.grantee = 0))
       AND NOT tests.is_extension_member('pg_proc', p.oid)
$$;

CREATE FUNCTION tests.relations_granted_to_public()
RETURNS text[]
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(array_agg(DISTINCT c.oid::regclass::text), '{}')
      FROM pg_catalog.pg_class c, aclexplode(c.relacl) a
     WHERE c.relnamespace IN (SELECT tests.our_namespaces())
       AND a.grantee = 0
$$;

CREATE FUNCTION tests.schemas_granted_to_public()
RETURNS text[]
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(array_agg(DISTINCT n.nspname::text), '{}')
      FROM pg_catalog.pg_namespace n, aclexplode(n.nspacl) a
     WHERE n.oid IN (SELECT tests.our_namespaces())
       AND a.grantee = 0
$$;

CREATE FUNCTION tests.api_objects_without_comment()
RETURNS text[]
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(array_agg(o ORDER BY o), '{}')
      FROM (SELECT format('%s %s', CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END,
                          p.oid::regprocedure) AS o
              FROM pg_catalog.pg_proc p
             WHERE p.pronamespace = 'api'::regnamespace
               AND obj_description(p.oid, 'pg_proc') IS NULL
            UNION ALL
            SELECT format('view %s', c.oid::regclass)
              FROM pg_catalog.pg_class c
             WHERE c.relnamespace = 'api'::regnamespace AND c.relkind IN ('v', 'm')
               AND obj_description(c.oid, 'pg_class') IS NULL) AS missing
$$;

CREATE FUNCTION tests.api_view_columns_without_comment()
RETURNS text[]
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(array_agg(format('%s.%s', c.oid::regclass, a.attname) ORDER BY 1), '{}')
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE c.relnamespace = 'api'::regnamespace AND c.relkind IN ('v', 'm')
       AND col_description(c.oid, a.attnum) IS NULL
$$;

CREATE FUNCTION tests.api_views_not_security_invoker()
RETURNS text[]
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(array_agg(c.oid::regclass::text ORDER BY 1), '{}')
      FROM pg_catalog.pg_class c
     WHERE c.relnamespace = 'api'::regnamespace AND c.relkind = 'v'
       AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)
$$;

-- plpgsql_check over every PL/pgSQL function of ours; a trigger function is checked
-- against each table that uses it (one that no table uses cannot be checked), with the
-- transition tables its triggers on that table name (a statement-level function that
-- serves INSERT, UPDATE and DELETE reads the ones its TG_OP has).
CREATE FUNCTION tests.plpgsql_check_errors()
RETURNS text[]
LANGUAGE sql VOLATILE
AS $$
    SELECT coalesce(array_agg(format('%s: %s (line %s)', t.fn, r.message, r.lineno) ORDER BY 1), '{}')
      FROM (SELECT p.oid AS fn_oid, p.oid::regprocedure::text AS fn,
                   coalesce(tg.tgrelid, 0) AS relid,
                   max(tg.tgoldtable) AS oldtable, max(tg.tgnewtable) AS newtable
              FROM pg_catalog.pg_proc p
              JOIN pg_catalog.pg_language l ON l.oid = p.prolang AND l.lanname = 'plpgsql'
              LEFT JOIN pg_catalog.pg_trigger tg ON tg.tgfoid = p.oid AND NOT tg.tgisinternal
             WHERE p.pronamespace IN (SELECT tests.our_namespaces())
               AND (p.prorettype <> 'trigger'::regtype OR tg.tgrelid IS NOT NULL)
               AND p.prorettype <> 'event_trigger'::regtype
               AND NOT tests.is_extension_member('pg_proc', p.oid)
             GROUP BY p.oid, tg.tgrelid) AS t,
           LATERAL extensions.plpgsql_check_function_tb(t.fn_oid, t.relid::regclass,
                                                        fatal_errors => false,
                                                        oldtable => t.oldtable,
                                                        newtable => t.newtable) AS r
     WHERE r.level = 'error'
$$;
