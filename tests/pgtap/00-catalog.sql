-- Catalog rules that hold for every object deployed, including those created by dynamic
-- SQL, which the SQL lint cannot see. The rules live in sql/tests/catalog.sql;
-- 03-catalog-rules-fail.sql shows that each one catches a violation.
BEGIN;
SELECT plan(9);

SELECT is(tests.tables_without_forced_rls(), '{}',
          'every table has row level security enabled and forced');
SELECT is(tests.definers_without_search_path(), '{}',
          'every SECURITY DEFINER function pins search_path');
SELECT is(tests.functions_executable_by_public(), '{}',
          'no function of ours is executable by PUBLIC');
SELECT is(tests.relations_granted_to_public(), '{}',
          'no table, view or sequence grants anything to PUBLIC');
SELECT is(tests.schemas_granted_to_public(), '{}',
          'no schema grants anything to PUBLIC (schema public included)');
SELECT is(tests.api_objects_without_comment(), '{}',
          'every function and view in api has a COMMENT');
SELECT is(tests.api_view_columns_without_comment(), '{}',
          'every column of every view in api has a COMMENT');
SELECT is(tests.api_views_not_security_invoker(), '{}',
          'every view in api is security_invoker');
SELECT CASE WHEN NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'plpgsql_check')
    THEN skip('plpgsql_check is not installed', 1)
    ELSE is(tests.plpgsql_check_errors(), '{}',
            'plpgsql_check finds no error in any PL/pgSQL function')
END;

SELECT * FROM finish();
ROLLBACK;
