"""`neuronplane sdk ...`: the API description and the SDKs generated from it.

    neuronplane sdk spec        deploy on a throwaway cluster, write api/openapi.json
    neuronplane sdk generate    spec, then both SDKs' generated code (--no-spec: from the
                                committed description as it is)
    neuronplane sdk build       wheel + sdist (sdks/python) and npm pack (sdks/typescript)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from . import config


def build_python(root: Path, out: Path) -> list[Path]:
    """The wheel and the sdist of sdks/python into out."""
    out.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir",
                             str(out), str(root / "sdks" / "python")],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"python -m build failed:\n{result.stdout}{result.stderr}")
    return sorted(out.glob("neuronplane_client-*"))


def compile_typescript(root: Path) -> Path:
    """tsc over sdks/typescript (ESM JavaScript and .d.ts files in dist/)."""
    from .openapi import ensure_tools
    package = root / "sdks" / "typescript"
    shutil.rmtree(package / "dist", ignore_errors=True)
    result = subprocess.run([str(ensure_tools(root) / "tsc"), "-p", str(package)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"tsc failed:\n{result.stdout}{result.stderr}")
    return package / "dist"


def build_typescript(root: Path, out: Path) -> Path:
    """The npm pack tarball of sdks/typescript (compiled first) into out."""
    compile_typescript(root)
    out.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["npm", "pack", "--ignore-scripts", "--silent",
                             "--pack-destination", str(out)], cwd=root / "sdks" / "typescript",
                            check=True, capture_output=True, text=True)
    return out / result.stdout.strip().splitlines()[-1]


def _cmd(args: argparse.Namespace) -> int:
    from . import openapi, sdkgen
    root = config.project_root()
    if args.action in ("spec", "generate") and not args.no_spec:
        openapi.write_from_throwaway(root, log=lambda *_: None)
        print(f"wrote {openapi.SPEC_FILE}")
    if args.action == "generate":
        sdkgen.set_versions(root)
        sdkgen.generate(root)
        print(f"wrote {sdkgen.PY_GENERATED} and {sdkgen.TS_GENERATED}")
    if args.action == "build":
        out = Path(args.out).resolve()
        for path in [*build_python(root, out), build_typescript(root, out)]:
            print(path)
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sdk", help="the OpenAPI description (api/openapi.json) and the SDKs "
                       "generated from it: `sdk spec`, `sdk generate`, `sdk build`")
    p.add_argument("action", choices=["spec", "generate", "build"])
    p.add_argument("--no-spec", action="store_true",
                   help="generate from the committed api/openapi.json without rebuilding it")
    p.add_argument("--out", default="dist", help="where `build` writes the packages")
    p.set_defaults(func=_cmd)
