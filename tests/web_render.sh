#!/usr/bin/env bash
# The web UI's renderers (web/*.js), unit-tested with node's own test runner.
source "$(dirname "$0")/testlib.bash"
if ! command -v node >/dev/null; then
  echo "SKIP: node is not installed (scripts/setup installs it)"
  exit 77
fi
node --test "$SRC/tests/web/" 2>&1 | tee "$TMP/node.log"
status=${PIPESTATUS[0]}
expect_eq "node --test tests/web passes" 0 "$status"
finish
