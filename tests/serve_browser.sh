#!/usr/bin/env bash
# The web UI in a real browser: Debian's chromium driven by playwright-core (tests/browser/),
# over `witness serve` and the sample corpus. Screenshots: build/<type>/artifacts/browser/.
# Skips (exit 77) when chromium, node or playwright-core is missing; scripts/setup installs them.
source "$(dirname "$0")/testlib.bash"
chromium=${CHROMIUM:-$(command -v chromium || true)}
if [ -z "$chromium" ]; then
  echo "SKIP: chromium is not installed (scripts/setup installs it: apt-get install chromium)"
  exit 77
fi
if ! command -v node >/dev/null; then
  echo "SKIP: node is not installed (scripts/setup installs it)"
  exit 77
fi
if [ ! -d "$SRC/tests/browser/node_modules/playwright-core" ]; then
  echo "SKIP: playwright-core is not installed (scripts/setup runs npm ci in tests/browser)"
  exit 77
fi
artifacts=$(dirname "$W")/artifacts/browser
rm -rf "$artifacts"
mkdir -p "$artifacts"
run "$W" ingest --db "$TMP/w.db" -q "$SRC/examples/corpus"
expect_eq "ingest of the sample corpus exits 0" 0 "$rc"
set +e
WITNESS_BINARY=$W DB=$TMP/w.db ARTIFACTS=$artifacts CHROMIUM=$chromium HOME=$TMP \
  timeout 240 node "$SRC/tests/browser/ui.mjs"
status=$?
set -e
expect_eq "the browser test passes" 0 "$status"
for shot in stories story story-with-digest article; do
  check "screenshot $shot.png saved" test -s "$artifacts/$shot.png"
done
finish
