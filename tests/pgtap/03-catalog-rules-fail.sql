-- Each catalog rule of 00-catalog.sql catches a violation made on purpose.
BEGIN;
SELECT plan(9);

CREATE TABLE internal.loose (x int);
SELECT ok('internal.loose' = ANY (tests.tables_without_forced_rls()),
          'a table without forced RLS is reported');

CREATE FUNCTION internal.unpinned() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1';
SELECT ok('internal.unpinned()' = ANY (tests.definers_without_search_path()),
          'a SECURITY DEFINER function without search_path is reported');

GRANT EXECUTE ON FUNCTION internal.unpinned() TO PUBLIC;
SELECT ok('internal.unpinned()' = ANY (tests.functions_executable_by_public()),
          'a function executable by PUBLIC is reported');

GRANT SELECT ON internal.loose TO PUBLIC;
SELECT ok('internal.loose' = ANY (tests.relations_granted_to_public()),
          'a table granted to PUBLIC is reported');

GRANT USAGE ON SCHEMA internal TO PUBLIC;
SELECT ok('internal' = ANY (tests.schemas_granted_to_public()),
          'a schema granted to PUBLIC is reported');

CREATE FUNCTION api.undocumented() RETURNS int LANGUAGE sql AS 'SELECT 1';
SELECT ok('function api.undocumented()' = ANY (tests.api_objects_without_comment()),
          'an api function without a comment is reported');

CREATE VIEW api.plain AS SELECT 1 AS one;
SELECT ok('api.plain.one' = ANY (tests.api_view_columns_without_comment()),
          'an api view column without a comment is reported');
SELECT ok('api.plain' = ANY (tests.api_views_not_security_invoker()),
          'an api view without security_invoker is reported');

CREATE FUNCTION internal.broken() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
    RETURN (SELECT no_such_column FROM internal.loose);
END
$$;
SELECT CASE WHEN NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'plpgsql_check')
    THEN skip('plpgsql_check is not installed', 1)
    ELSE ok(EXISTS (SELECT FROM unnest(tests.plpgsql_check_errors()) e
                     WHERE e LIKE 'internal.broken(): column "no_such_column" does not exist%'),
            'plpgsql_check reports a PL/pgSQL function that cannot run')
END;

SELECT * FROM finish();
ROLLBACK;
