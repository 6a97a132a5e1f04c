"""The SQL lint catches each rule's violation, passes clean scripts, and names the place."""

from pathlib import Path

import pytest

from neuronplane.sqllint import lint_sources, lint_tree

ROOT = Path(__file__).resolve().parents[2]

CLEAN = """
-- Deploy neuronplane:example to pg
BEGIN;
CREATE TABLE identity.things (id uuid PRIMARY KEY);
ALTER TABLE identity.things ENABLE ROW LEVEL SECURITY;
ALTER TABLE identity.things FORCE ROW LEVEL SECURITY;
CREATE FUNCTION api.thing_count() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $$ SELECT count(*) FROM identity.things $$;
COMMENT ON FUNCTION api.thing_count() IS 'How many things there are.';
CREATE VIEW api.things WITH (security_invoker = true) AS SELECT id FROM identity.things;
COMMENT ON VIEW api.things IS 'Things.';
GRANT EXECUTE ON FUNCTION api.thing_count() TO anon;
GRANT SELECT ON api.things TO authenticated;
COMMIT;
"""


def messages(sql: str, name: str = "deploy/api/x.sql") -> list[str]:
    return [p.message for p in lint_sources({name: sql})]


def test_clean_script_passes():
    assert lint_sources({"deploy/api/x.sql": CLEAN}) == []


def test_the_project_deploy_scripts_pass():
    assert lint_tree(ROOT / "deploy") == []


@pytest.mark.parametrize(("missing", "word"), [
    ("ALTER TABLE identity.things ENABLE ROW LEVEL SECURITY;", "ENABLE"),
    ("ALTER TABLE identity.things FORCE ROW LEVEL SECURITY;", "FORCE"),
])
def test_table_without_rls(missing, word):
    assert messages(CLEAN.replace(missing, "")) == [
        f"table identity.things is created without {word} ROW LEVEL SECURITY"]


def test_table_without_any_rls_names_both():
    sql = "CREATE TABLE audit.events (id bigint);"
    assert messages(sql) == [
        "table audit.events is created without ENABLE and FORCE ROW LEVEL SECURITY"]


def test_partition_and_create_table_as_are_tables_too():
    sql = ("CREATE TABLE audit.events_2026_11 PARTITION OF audit.events "
           "FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');\n"
           "CREATE TABLE ops.copy AS SELECT 1 AS x;")
    assert len(messages(sql)) == 2


def test_temporary_tables_are_ignored():
    assert messages("CREATE TEMP TABLE scratch (x int);") == []


def test_rls_may_be_enabled_in_a_later_change():
    sources = {
        "deploy/identity/things.sql": "CREATE TABLE identity.things (id int);",
        "deploy/identity/things_policies.sql":
            "ALTER TABLE identity.things ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;",
    }
    assert lint_sources(sources) == []


def test_security_definer_without_search_path():
    sql = CLEAN.replace("SET search_path = pg_catalog, pg_temp ", "")
    assert messages(sql) == ["SECURITY DEFINER function api.thing_count does not SET search_path"]


def test_alter_function_security_definer_without_search_path():
    sql = ("CREATE FUNCTION internal.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n"
           "ALTER FUNCTION internal.f() SECURITY DEFINER;")
    assert messages(sql) == ["SECURITY DEFINER function internal.f does not SET search_path"]


def test_security_invoker_function_needs_no_search_path():
    sql = "CREATE FUNCTION internal.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;"
    assert messages(sql) == []


@pytest.mark.parametrize("grant", [
    "GRANT EXECUTE ON FUNCTION api.thing_count() TO PUBLIC;",
    "GRANT SELECT ON api.things TO anon, public;",
    "GRANT USAGE ON SCHEMA api TO PUBLIC;",
    "GRANT anon TO PUBLIC;",
    "ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC;",
])
def test_grant_to_public(grant):
    found = messages(CLEAN + grant)
    assert len(found) == 1 and "TO PUBLIC" in found[0]


def test_revoke_from_public_is_fine():
    assert messages("REVOKE ALL ON SCHEMA public FROM PUBLIC;") == []


def test_api_function_without_comment():
    sql = CLEAN.replace("COMMENT ON FUNCTION api.thing_count() IS 'How many things there are.';",
                        "")
    assert messages(sql) == ["function api.thing_count in schema api has no COMMENT ON FUNCTION"]


def test_api_view_without_comment():
    sql = CLEAN.replace("COMMENT ON VIEW api.things IS 'Things.';", "")
    assert messages(sql) == ["view api.things in schema api has no COMMENT ON VIEW"]


def test_comment_may_live_in_another_script():
    sources = {
        "deploy/api/a.sql": "CREATE FUNCTION api.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;",
        "deploy/api/b.sql": "COMMENT ON FUNCTION api.f() IS 'One.';",
    }
    assert lint_sources(sources) == []


def test_functions_outside_api_need_no_comment():
    assert messages("CREATE FUNCTION internal.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;") \
        == []


def test_api_view_must_be_security_invoker():
    sql = CLEAN.replace(" WITH (security_invoker = true)", "")
    assert messages(sql) == [
        "view api.things in schema api must be created WITH (security_invoker = true)"]


def test_problem_names_file_statement_and_line():
    sql = "BEGIN;\n\n-- a table\nCREATE TABLE ops.t (x int);\nCOMMIT;\n"
    (problem,) = lint_sources({"deploy/ops/t.sql": sql})
    assert (problem.file, problem.statement, problem.line) == ("deploy/ops/t.sql", 2, 4)
    assert str(problem).startswith("deploy/ops/t.sql:4: statement 2: table ops.t")


def test_unparsable_script_is_reported():
    (problem,) = lint_sources({"deploy/bad.sql": "CREATE TABLE (;"})
    assert problem.message.startswith("does not parse")


def test_api_objects_live_under_deploy_api():
    assert messages(CLEAN, name="deploy/identity/things.sql") == [
        "function api.thing_count of schema api belongs under deploy/api/",
        "view api.things of schema api belongs under deploy/api/"]


FUNCTION = "CREATE FUNCTION auth.f(a integer, b text[]) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;"


def test_a_function_created_by_two_changes_is_refused():
    sources = {"deploy/auth/a.sql": FUNCTION,
               "deploy/auth/b.sql": FUNCTION.replace("CREATE", "CREATE OR REPLACE")}
    (problem,) = lint_sources(sources)
    assert problem.message.startswith("function auth.f(int4, text[]) is created by 2 changes "
                                      "(deploy/auth/a.sql, deploy/auth/b.sql)")


def test_overloads_and_reworked_scripts_are_not_second_homes():
    sources = {"deploy/auth/a.sql": FUNCTION,
               "deploy/auth/a@v0.3.0.sql": FUNCTION,
               "deploy/auth/b.sql": FUNCTION.replace("b text[]", "b text")}
    assert lint_sources(sources) == []


def test_psql_meta_commands_are_skipped():
    sql = ("CREATE TEMPORARY TABLE t (x text);\n"
           "\\copy t FROM PROGRAM 'gzip -dc data/x.gz'\nSELECT 1;\n")
    assert lint_sources({"deploy/auth/x.sql": sql}) == []
