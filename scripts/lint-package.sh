#!/usr/bin/env bash
# The checks a package's users rely on, run on the tarball npm would publish: publint (package.json
# fields, exports, files) and Are the Types Wrong? (the types each resolution mode finds). The package
# is ESM only: a CommonJS config loads it through Node's require(esm), on every line `engines` names
# (tests/embed/starter.test.ts builds a CommonJS blog), so attw's esm-only profile.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d "${TMPDIR:-/tmp}/digest-lint-package-XXXXXX")
trap 'rm -rf "$out"' EXIT
cd "$root"
npm pack --silent --pack-destination "$out" >/dev/null
tarball=$(ls "$out"/*.tgz)
npx publint run "$tarball" --strict
npx attw "$tarball" --profile esm-only
