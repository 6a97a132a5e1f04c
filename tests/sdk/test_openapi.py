"""api/openapi.json: valid OpenAPI 3, describes every glue route, and is what the deployed
schema and the glue describe now (the test prints the diff when not)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from starlette.routing import Route

from neuronplane import openapi
from neuronplane.glue import create_app
from neuronplane.ingest import IngestSettings
from tests.conftest import ROOT


def committed() -> dict:
    return json.loads((ROOT / openapi.SPEC_FILE).read_text())


def test_the_committed_description_is_valid_openapi_3():
    spec = committed()
    openapi.validate(spec)
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["version"] == openapi.project_version(ROOT)
    # Views, RPCs and the glue's routes are all there.
    for path in ("/projects", "/rpc/login", "/rpc/refresh", "/auth/refresh", "/ingest/upload"):
        assert path in spec["paths"], path


def test_an_invalid_description_is_refused():
    spec = committed()
    spec["paths"]["/rpc/login"]["post"]["responses"] = "none"
    with pytest.raises(Exception, match="responses"):
        openapi.validate(spec)


def test_every_glue_route_is_described_and_nothing_else(tmp_path: Path):
    settings = IngestSettings(upload_dir=tmp_path, max_upload_bytes=1, github_raw_url="x",
                              huggingface_url="x", allow_private_hosts=False, poll_seconds=1,
                              heartbeat_seconds=1)
    app = create_app("host=/nonexistent", "http://127.0.0.1:1", settings, origins=[])
    served = {(route.path, method.lower()) for route in app.routes if isinstance(route, Route)
              for method in route.methods or () if method != "HEAD"}
    described = {(path, method) for path, item in openapi.GLUE_PATHS.items()
                 for method in item}
    assert served == described


@pytest.mark.e2e
def test_the_live_description_is_the_committed_one(database):
    with openapi.spec_postgrest(ROOT, database.port, database.dbname,
                                Path(database.passfile)) as url:
        live = openapi.dumps(openapi.build(ROOT, url))
    diff = openapi.difference(ROOT, live)
    if diff:
        print(diff)
    assert not diff, (f"the live API description differs from {openapi.SPEC_FILE} (diff above):"
                      " review it, then run scripts/generate-sdks.sh and commit the result")
