"""A SQL lint for the deploy scripts, built on PostgreSQL's own parser (pglast).

It fails, naming file, statement and line, on:
  - a table created without both ENABLE and FORCE ROW LEVEL SECURITY (in any deploy script);
  - a SECURITY DEFINER function without SET search_path;
  - any GRANT ... TO PUBLIC (objects, roles, default privileges);
  - a function or view in schema api without a COMMENT ON (in any deploy script);
  - a view in schema api without security_invoker = true;
  - a function created by more than one change (reworked scripts, `name@tag.sql`, are
    history and do not count): its current definition has one home;
  - an object of schema api created outside deploy/api/.
psql meta-commands (a `\\copy` that loads a data file) are skipped.
Dynamic SQL (EXECUTE in DO blocks and functions) is out of its reach: the pgTAP catalog
tests check the deployed database for the same properties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pglast import ast, parse_sql
from pglast.enums import AlterTableType, FunctionParameterMode, ObjectType, RoleSpecType
from pglast.parser import ParseError

API_SCHEMA = "api"


@dataclass(frozen=True)
class Problem:
    file: str
    statement: int
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: statement {self.statement}: {self.message}"


@dataclass
class _Where:
    file: str
    statement: int
    line: int


@dataclass
class _State:
    problems: list[Problem] = field(default_factory=list)
    tables: dict[str, _Where] = field(default_factory=dict)
    rls_enabled: set[str] = field(default_factory=set)
    rls_forced: set[str] = field(default_factory=set)
    api_objects: dict[tuple[str, str], _Where] = field(default_factory=dict)
    comments: set[tuple[str, str]] = field(default_factory=set)
    # SECURITY DEFINER functions and whether some statement pinned their search_path.
    definers: dict[str, _Where] = field(default_factory=dict)
    pinned: set[str] = field(default_factory=set)
    # Where each function signature is created, by script.
    homes: dict[str, list[_Where]] = field(default_factory=dict)

    def add(self, where: _Where, message: str) -> None:
        self.problems.append(Problem(where.file, where.statement, where.line, message))


def _qualified(schema: str | None, name: str) -> str:
    return f"{schema}.{name}" if schema else name


def _names(nodes) -> str:
    return ".".join(n.sval for n in nodes)


def _schema_of(nodes) -> str | None:
    return nodes[0].sval if len(nodes) > 1 else None


def _is_public(role) -> bool:
    return isinstance(role, ast.RoleSpec) and role.roletype == RoleSpecType.ROLESPEC_PUBLIC


def _function_options(options) -> tuple[bool | None, bool]:
    """(security definer? None if unstated, sets search_path?) from CREATE/ALTER FUNCTION."""
    definer: bool | None = None
    pins = False
    for opt in options or ():
        if opt.defname == "security" and isinstance(opt.arg, ast.Boolean):
            definer = bool(opt.arg.boolval)
        elif (opt.defname == "set" and isinstance(opt.arg, ast.VariableSetStmt)
              and opt.arg.name == "search_path"):
            pins = True
    return definer, pins


def _type_name(node) -> str:
    names = [n.sval for n in node.names]
    if len(names) > 1 and names[0] == "pg_catalog":
        names = names[1:]
    return ".".join(names) + ("[]" if node.arrayBounds else "")


def _signature(stmt) -> str:
    """schema.name(argument types) of a CREATE FUNCTION, as PostgreSQL identifies it."""
    args = [_type_name(p.argType) for p in stmt.parameters or ()
            if p.mode not in (FunctionParameterMode.FUNC_PARAM_OUT,
                              FunctionParameterMode.FUNC_PARAM_TABLE)]
    return f"{_names(stmt.funcname)}({', '.join(args)})"


def _in_api_dir(file: str) -> bool:
    return Path(file).parts[-2:-1] == ("api",)


def _check_statement(state: _State, stmt, where: _Where) -> None:
    if isinstance(stmt, ast.CreateStmt | ast.CreateTableAsStmt):
        rel = stmt.relation if isinstance(stmt, ast.CreateStmt) else stmt.into.rel
        if rel.relpersistence != "t" and not (
            isinstance(stmt, ast.CreateTableAsStmt) and stmt.objtype != ObjectType.OBJECT_TABLE
        ):
            state.tables[_qualified(rel.schemaname, rel.relname)] = where
    elif isinstance(stmt, ast.AlterTableStmt):
        name = _qualified(stmt.relation.schemaname, stmt.relation.relname)
        for cmd in stmt.cmds or ():
            if cmd.subtype == AlterTableType.AT_EnableRowSecurity:
                state.rls_enabled.add(name)
            elif cmd.subtype == AlterTableType.AT_ForceRowSecurity:
                state.rls_forced.add(name)
    elif isinstance(stmt, ast.CreateFunctionStmt):
        name = _names(stmt.funcname)
        definer, pins = _function_options(stmt.options)
        if definer:
            state.definers[name] = where
        if pins:
            state.pinned.add(name)
        if "@" not in Path(where.file).name:
            state.homes.setdefault(_signature(stmt), []).append(where)
        if _schema_of(stmt.funcname) == API_SCHEMA:
            kind = "procedure" if stmt.is_procedure else "function"
            state.api_objects[(kind, name)] = where
            if not _in_api_dir(where.file):
                state.add(where, f"{kind} {name} of schema api belongs under deploy/api/")
    elif isinstance(stmt, ast.AlterFunctionStmt):
        name = _names(stmt.func.objname)
        definer, pins = _function_options(stmt.actions)
        if definer:
            state.definers[name] = where
        if pins:
            state.pinned.add(name)
    elif isinstance(stmt, ast.ViewStmt):
        if stmt.view.schemaname == API_SCHEMA:
            name = _qualified(stmt.view.schemaname, stmt.view.relname)
            state.api_objects[("view", name)] = where
            if not _in_api_dir(where.file):
                state.add(where, f"view {name} of schema api belongs under deploy/api/")
            invoker = any(
                o.defname == "security_invoker"
                and (o.arg is None or str(getattr(o.arg, "sval", getattr(o.arg, "boolval", "")))
                     .lower() in {"true", "on", "1"})
                for o in stmt.options or ())
            if not invoker:
                state.add(where, f"view {name} in schema api must be created "
                                 "WITH (security_invoker = true)")
    elif isinstance(stmt, ast.CommentStmt):
        if stmt.objtype in (ObjectType.OBJECT_FUNCTION, ObjectType.OBJECT_PROCEDURE):
            kind = "procedure" if stmt.objtype == ObjectType.OBJECT_PROCEDURE else "function"
            state.comments.add((kind, _names(stmt.object.objname)))
        elif stmt.objtype == ObjectType.OBJECT_VIEW:
            state.comments.add(("view", _names(stmt.object)))
    elif isinstance(stmt, ast.GrantStmt):
        if stmt.is_grant and any(_is_public(r) for r in stmt.grantees or ()):
            state.add(where, "GRANT ... TO PUBLIC: grant to the roles that need it instead")
    elif isinstance(stmt, ast.GrantRoleStmt):
        if stmt.is_grant and any(_is_public(r) for r in stmt.grantee_roles or ()):
            state.add(where, "GRANT role TO PUBLIC: grant to the roles that need it instead")
    elif isinstance(stmt, ast.AlterDefaultPrivilegesStmt):
        action = stmt.action
        if action.is_grant and any(_is_public(r) for r in action.grantees or ()):
            state.add(where, "ALTER DEFAULT PRIVILEGES ... GRANT ... TO PUBLIC")


def _line_of(text: str, offset: int) -> int:
    # pglast reports byte offsets into the UTF-8 encoded script.
    prefix = text.encode("utf-8")[:offset].decode("utf-8", "replace")
    # Skip the blank lines and comments that precede the statement itself.
    line = prefix.count("\n") + 1
    rest = text.encode("utf-8")[offset:].decode("utf-8", "replace")
    for raw in rest.splitlines():
        stripped = raw.strip()
        if stripped and not stripped.startswith("--"):
            break
        line += 1
    return line


def _lint_text(state: _State, text: str, file: str) -> None:
    # psql meta-commands are not SQL: blank them, keeping the line numbers.
    text = "\n".join("" if line.startswith("\\") else line for line in text.split("\n"))
    try:
        statements = parse_sql(text)
    except ParseError as exc:
        state.problems.append(Problem(file, 0, 0, f"does not parse: {exc}"))
        return
    for number, raw in enumerate(statements, start=1):
        where = _Where(file, number, _line_of(text, raw.stmt_location or 0))
        _check_statement(state, raw.stmt, where)


def _finish(state: _State) -> list[Problem]:
    for table, where in state.tables.items():
        missing = [what for what, done in (("ENABLE", table in state.rls_enabled),
                                           ("FORCE", table in state.rls_forced)) if not done]
        if missing:
            state.add(where, f"table {table} is created without "
                             f"{' and '.join(missing)} ROW LEVEL SECURITY")
    for name, where in state.definers.items():
        if name not in state.pinned:
            state.add(where, f"SECURITY DEFINER function {name} does not SET search_path")
    for signature, wheres in state.homes.items():
        files = sorted({w.file for w in wheres})
        if len(files) > 1:
            state.add(wheres[-1], f"function {signature} is created by {len(files)} changes "
                                  f"({', '.join(files)}): give it one home, change it with "
                                  "sqitch rework")
    for (kind, name), where in state.api_objects.items():
        if (kind, name) not in state.comments:
            state.add(where, f"{kind} {name} in schema api has no COMMENT ON {kind.upper()}")
    return sorted(state.problems, key=lambda p: (p.file, p.line, p.message))


def lint_sources(sources: dict[str, str]) -> list[Problem]:
    """Lint scripts given as {file name: SQL text}; tables and comments are matched
    across all of them, as sqitch deploys them into one database."""
    state = _State()
    for file, text in sources.items():
        _lint_text(state, text, file)
    return _finish(state)


def lint_tree(deploy_dir: Path) -> list[Problem]:
    base = deploy_dir.parent
    return lint_sources({str(p.relative_to(base)): p.read_text()
                         for p in sorted(deploy_dir.rglob("*.sql"))})
