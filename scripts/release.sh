#!/usr/bin/env bash
# Cut a release: scripts/release.sh VERSION [--dry-run] [--key PATH] [--skip-tests]
# Refuses a dirty tree, a non-SemVer version or one not greater than the last release, and
# failing tests; see docs/releasing.md. The work is `neuronplane release` (src/neuronplane/
# release.py), run through the launcher so that its tools are installed first.
set -euo pipefail
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/neuronplane" release "$@"
