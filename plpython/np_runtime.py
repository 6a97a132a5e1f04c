"""Facts about the PL/Python runtime neuronplane runs in.

PL/Python functions import the modules of this folder; the cluster's environment puts a
copy of it on PYTHONPATH. Modules here depend only on the standard library and on
Debian-packaged libraries (python3-argon2, python3-jwt, python3-cryptography), which
`./neuronplane` installs.
"""

from __future__ import annotations

import importlib
import sys

# The libraries that neuronplane's PL/Python code imports (Debian package in brackets).
REQUIRED = {
    "argon2": "python3-argon2",
    "jwt": "python3-jwt",
    "cryptography": "python3-cryptography",
}


def missing_libraries() -> list[str]:
    """Debian packages whose Python library cannot be imported here, sorted."""
    missing = []
    for module, package in REQUIRED.items():
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(package)
    return sorted(missing)


def describe() -> dict[str, object]:
    """Interpreter version and the version of each required library (None if missing)."""
    versions: dict[str, str | None] = {}
    for module in REQUIRED:
        try:
            versions[module] = getattr(importlib.import_module(module), "__version__", "unknown")
        except ImportError:
            versions[module] = None
    return {"python": ".".join(map(str, sys.version_info[:3])), "libraries": versions}
