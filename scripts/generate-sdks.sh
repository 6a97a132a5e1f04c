#!/usr/bin/env bash
# Regenerate the API description and both SDKs, in one command:
#
#   scripts/generate-sdks.sh            deploy the schema on a throwaway cluster, describe it
#                                       (api/openapi.json), then regenerate
#                                       sdks/python/src/neuronplane_client/generated and
#                                       sdks/typescript/src/generated from it
#   scripts/generate-sdks.sh --no-spec  only the SDKs, from the committed api/openapi.json
#
# The generators are pinned: openapi-python-client in requirements-dev.lock, swagger2openapi
# and @hey-api/openapi-ts in scripts/sdk-tools/package-lock.json. Commit what changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec ./neuronplane sdk generate "$@"
