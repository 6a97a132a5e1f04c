"""The packages build (wheel, sdist, npm tarball) with a README and the project's version,
and install into a fresh virtualenv / npm project, where they import."""

from __future__ import annotations

import subprocess
import tarfile
import zipfile

from neuronplane import openapi
from neuronplane.sdk_cli import build_python, build_typescript
from tests.conftest import ROOT


def test_the_python_wheel_and_sdist_install_and_import(tmp_path):
    version = openapi.project_version(ROOT)
    artifacts = build_python(ROOT, tmp_path / "dist")
    names = sorted(p.name for p in artifacts)
    assert names == [f"neuronplane_client-{version}-py3-none-any.whl",
                     f"neuronplane_client-{version}.tar.gz"]
    wheel = tmp_path / "dist" / names[0]
    with zipfile.ZipFile(wheel) as z:
        listed = z.namelist()
        metadata = z.read(f"neuronplane_client-{version}.dist-info/METADATA").decode()
    assert "neuronplane_client/generated/api/rpc_login/post_rpc_login.py" in listed
    assert "neuronplane_client/py.typed" in listed
    assert "# neuronplane-client (Python)" in metadata  # the README is the long description
    with tarfile.open(tmp_path / "dist" / names[1]) as t:
        assert f"neuronplane_client-{version}/README.md" in t.getnames()

    venv = tmp_path / "venv"
    subprocess.run(["/usr/bin/python3", "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check",
                    str(wheel)], check=True)
    probe = ("import importlib.metadata as m, neuronplane_client as n;"
             "from neuronplane_client.generated.api.rpc_health import post_rpc_health;"
             "print(m.version('neuronplane-client'), n.Client.__name__, n.AsyncClient.__name__)")
    out = subprocess.run([str(venv / "bin" / "python"), "-c", probe], check=True, text=True,
                         capture_output=True, cwd=tmp_path).stdout.split()
    assert out == [version, "Client", "AsyncClient"]


def test_the_npm_tarball_installs_and_imports(tmp_path):
    version = openapi.project_version(ROOT)
    tarball = build_typescript(ROOT, tmp_path / "dist")
    assert tarball.name == f"neuronplane-client-{version}.tgz"
    with tarfile.open(tarball) as t:
        files = set(t.getnames())
    assert {"package/README.md", "package/dist/index.js", "package/dist/index.d.ts",
            "package/dist/client.d.ts"} <= files
    assert not any(f.startswith("package/src/") for f in files)

    project = tmp_path / "app"
    project.mkdir()
    (project / "package.json").write_text('{"name": "app", "private": true, "type": "module"}')
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                    str(tarball)], cwd=project, check=True, capture_output=True)
    probe = ("import { NeuronplaneClient, ApiError, postRpcLogin } from 'neuronplane-client';"
             "const c = new NeuronplaneClient({ baseUrl: 'http://127.0.0.1:9' });"
             "console.log(typeof postRpcLogin, c.glueUrl, new ApiError(409, '23505', 'x')"
             ".sqlstate);")
    out = subprocess.run(["node", "--input-type=module", "-e", probe], cwd=project,
                         check=True, text=True, capture_output=True).stdout.split()
    assert out == ["function", "http://127.0.0.1:9", "23505"]
