"""The SDKs' generated code, from the committed api/openapi.json, with pinned generators.

Python: PyPI openapi-python-client (requirements-dev.lock) into
sdks/python/src/neuronplane_client/generated/. TypeScript: npm @hey-api/openapi-ts
(scripts/sdk-tools) into sdks/typescript/src/generated/. Nobody edits those folders: the test
run regenerates them into a temporary folder and fails on any difference. The hand-written
layer (auth, refresh, errors, pagination) sits next to them.
"""

from __future__ import annotations

import copy
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .openapi import SPEC_FILE, ensure_tools, project_version

PY_GENERATED = Path("sdks/python/src/neuronplane_client/generated")
TS_GENERATED = Path("sdks/typescript/src/generated")
PY_PROJECT = Path("sdks/python/pyproject.toml")
TS_PACKAGE = Path("sdks/typescript/package.json")

# PostgREST offers CSV and its own vnd.pgrst media types besides JSON. Each comes with the
# same inline schema, which openapi-python-client refuses as duplicate models (it then drops
# the whole operation): the generators get JSON (and the upload's multipart) only.
GENERATED_MEDIA_TYPES = {"application/json", "multipart/form-data"}

# openapi-python-client formats its output with ruff; --isolated keeps the repository's own
# ruff settings out, so the output does not depend on where it is generated.
PY_CONFIG = """\
project_name_override: neuronplane-client
package_name_override: neuronplane_client
post_hooks:
  - "ruff check --isolated --no-cache --fix-only --select F401,I ."
  - "ruff format --isolated --no-cache ."
"""


def generator_view(spec: dict[str, Any]) -> dict[str, Any]:
    """The description the generators read: JSON bodies only, and PostgREST's row filters
    (`?id=eq.<uuid>`: an operator, a dot, a value) typed as the strings they are."""
    view = copy.deepcopy(spec)

    def trim(holder: dict[str, Any]) -> None:
        if "content" in holder:
            holder["content"] = {k: v for k, v in holder["content"].items()
                                 if k in GENERATED_MEDIA_TYPES}

    for item in view["paths"].values():
        for op in item.values():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            if "requestBody" in op:
                trim(op["requestBody"])
            for answer in op["responses"].values():
                trim(answer)
    components = view.get("components", {})
    for body in components.get("requestBodies", {}).values():
        trim(body)
    for name, param in components.get("parameters", {}).items():
        if name.startswith("rowFilter."):
            param["schema"] = {"type": "string"}
    return view


def _write_view(root: Path, tmp: Path, spec_path: Path | None) -> Path:
    spec = json.loads((spec_path or root / SPEC_FILE).read_text())
    view = tmp / "openapi.view.json"
    view.write_text(json.dumps(generator_view(spec), indent=1, sort_keys=True))
    return view


def generate_python(root: Path, view: Path, out: Path) -> None:
    """openapi-python-client's package (no project metadata) into out, replacing it."""
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.yaml"
        config.write_text(PY_CONFIG)
        target = Path(tmp) / "generated"
        binary = Path(sys.executable).parent / "openapi-python-client"
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
        result = subprocess.run(
            [str(binary), "generate", "--path", str(view), "--config", str(config),
             "--meta", "none", "--output-path", str(target)],
            cwd=tmp, env=env, capture_output=True, text=True)
        if result.returncode != 0 or "WARNING" in result.stdout:
            raise RuntimeError(f"openapi-python-client failed:\n{result.stdout}\n{result.stderr}")
        shutil.rmtree(out, ignore_errors=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(target, out)


# openapi-ts's client carries a link to a package registry's web page in a comment; the
# project's files name no registry host, so the link becomes the package's name.
REGISTRY_LINK = re.compile(r"\{@link https?://[^ }]*/package/[^ }]+ (`[^`]+`)\}")


def _unlink_registry(folder: Path) -> None:
    for path in folder.rglob("*.ts"):
        text = path.read_text()
        fixed = REGISTRY_LINK.sub(r"\1", text)
        if fixed != text:
            path.write_text(fixed)


def generate_typescript(root: Path, view: Path, out: Path) -> None:
    """@hey-api/openapi-ts's fetch client, types and SDK functions into out, replacing it.
    Imports end in .js so that the compiled ESM runs in Node as it is."""
    bin_dir = ensure_tools(root)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "generated"
        config = Path(tmp) / "openapi-ts.config.mjs"
        config.write_text("export default " + json.dumps({
            "input": str(view),
            "output": {"path": str(target), "importFileExtension": ".js", "postProcess": []},
            "plugins": ["@hey-api/client-fetch", "@hey-api/typescript", "@hey-api/sdk"],
            "logs": {"level": "silent"},
        }) + ";\n")
        result = subprocess.run([str(bin_dir / "openapi-ts"), "-f", str(config)], cwd=tmp,
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"openapi-ts failed:\n{result.stdout}\n{result.stderr}")
        _unlink_registry(target)
        shutil.rmtree(out, ignore_errors=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(target, out)


def set_versions(root: Path) -> None:
    """The SDKs carry the project's version (pyproject.toml)."""
    version = project_version(root)
    py = root / PY_PROJECT
    py.write_text(re.sub(r'(?m)^version = ".*"$', f'version = "{version}"', py.read_text(),
                         count=1))
    ts = root / TS_PACKAGE
    package = json.loads(ts.read_text())
    package["version"] = version
    ts.write_text(json.dumps(package, indent=2) + "\n")


def generate(root: Path, spec_path: Path | None = None, py_out: Path | None = None,
             ts_out: Path | None = None) -> None:
    """Both SDKs' generated code from the committed description (or spec_path)."""
    with tempfile.TemporaryDirectory() as tmp:
        view = _write_view(root, Path(tmp), spec_path)
        generate_python(root, view, py_out or root / PY_GENERATED)
        generate_typescript(root, view, ts_out or root / TS_GENERATED)


def tree_difference(committed: Path, fresh: Path) -> list[str]:
    """The files that differ between two folders (relative paths), [] when identical."""
    problems: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        problems.extend(f"only committed: {prefix}{n}" for n in cmp.left_only)
        problems.extend(f"only regenerated: {prefix}{n}" for n in cmp.right_only)
        for name in cmp.common_files:
            if (Path(cmp.left) / name).read_bytes() != (Path(cmp.right) / name).read_bytes():
                problems.append(f"differs: {prefix}{name}")
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(committed, fresh, ignore=["__pycache__"]), "")
    return problems
