#!/usr/bin/env bash
# Verify a release folder: scripts/verify-release.sh releases/VERSION
#   [--allowed-signers FILE]   trust this allowed_signers file instead of the release's own
#   [--metadata-only]          a committed release: its artifacts/ (not in git) may be absent
#
# Checks that manifest.json is signed, that it lists exactly the files present (besides
# itself and its signature), that each file's sha256 and size match, and that every file
# except the published key files has a valid ssh-keygen signature. Needs only bash, python3
# (standard library), sha256sum and OpenSSH's ssh-keygen. Exits 1 naming the first file at
# fault, 2 on bad usage.
set -euo pipefail

NAMESPACE=neuronplane-release
PRINCIPAL=release@neuronplane

usage() { echo "usage: $0 RELEASE_DIR [--allowed-signers FILE] [--metadata-only]" >&2; exit 2; }
fail() { echo "verify-release: FAIL: $*" >&2; exit 1; }

dir="" signers="" metadata_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --allowed-signers) [ $# -ge 2 ] || usage; signers=$2; shift 2 ;;
    --metadata-only) metadata_only=1; shift ;;
    -*) usage ;;
    *) [ -z "$dir" ] || usage; dir=$1; shift ;;
  esac
done
[ -n "$dir" ] && [ -d "$dir" ] || usage
dir=$(cd "$dir" && pwd)
[ -n "$signers" ] || signers="$dir/allowed_signers"
signers=$(cd "$(dirname "$signers")" && pwd)/$(basename "$signers")
[ -f "$signers" ] || fail "allowed_signers: missing"

check_sig() {  # $1: path relative to $dir
  [ -f "$dir/$1.sig" ] || fail "$1: no signature ($1.sig missing)"
  ssh-keygen -Y verify -f "$signers" -I "$PRINCIPAL" -n "$NAMESPACE" -s "$dir/$1.sig" \
    <"$dir/$1" >/dev/null 2>&1 || fail "$1: bad signature ($1.sig)"
}

[ -f "$dir/manifest.json" ] || fail "manifest.json: missing"
check_sig manifest.json

# The manifest's file list: "path<TAB>sha256<TAB>size" lines.
listed=$(python3 -c '
import json, sys
for path, f in sorted(json.load(open(sys.argv[1]))["files"].items()):
    print(path, f["sha256"], f["size"], sep="\t")
' "$dir/manifest.json") || fail "manifest.json: not a manifest"

present=$(cd "$dir" && find . -type f ! -name manifest.json ! -name manifest.json.sig \
  | sed 's|^\./||' | LC_ALL=C sort)
listed_paths=$(printf '%s\n' "$listed" | cut -f1 | LC_ALL=C sort)

# A file present and not listed: something was added.
extra=$(LC_ALL=C comm -23 <(printf '%s\n' "$present") <(printf '%s\n' "$listed_paths") | head -1)
[ -z "$extra" ] || fail "$extra: present but not listed in manifest.json"

checked=0 skipped=0
while IFS=$'\t' read -r path sum size; do
  [ -n "$path" ] || continue
  if [ ! -f "$dir/$path" ]; then
    if [ "$metadata_only" = 1 ] && [[ "$path" == artifacts/* ]]; then
      skipped=$((skipped + 1)); continue
    fi
    fail "$path: listed in manifest.json but missing"
  fi
  [ "$(stat -c %s "$dir/$path")" = "$size" ] || fail "$path: size differs from manifest.json"
  [ "$(sha256sum <"$dir/$path" | cut -d' ' -f1)" = "$sum" ] \
    || fail "$path: sha256 differs from manifest.json"
  case "$path" in
    *.sig | allowed_signers | signing-key.pub) ;;
    *) check_sig "$path" ;;
  esac
  checked=$((checked + 1))
done <<<"$listed"

echo "verify-release: OK: $dir ($checked files checked, $skipped absent artifacts skipped)"
