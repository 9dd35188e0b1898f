# Shared helpers for the shell end-to-end tests (sourced, not run).
set -euo pipefail
: "${WITNESS_BINARY:?set by ctest}"
: "${WITNESS_SOURCE_DIR:?set by ctest}"
W=$WITNESS_BINARY
SRC=$WITNESS_SOURCE_DIR
DATA=${WITNESS_SHARED_DATA:-$SRC/../shared/data}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
checks=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
check() {  # check "description" command...
  local what=$1; shift
  checks=$((checks + 1))
  if "$@"; then echo "ok: $what"; else fail "$what"; fi
}
expect_eq() {  # expect_eq "description" expected actual
  checks=$((checks + 1))
  if [ "$2" == "$3" ]; then echo "ok: $1"; else fail "$1: expected [$2], got [$3]"; fi
}
# Runs a command, storing its exit code in $rc, stdout in $TMP/out, stderr in $TMP/err.
run() { set +e; "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; set -e; }
finish() {
  echo "$checks checks, $failures failed"
  [ "$failures" -eq 0 ]
}
sql() { sqlite3 -batch -noheader "$1" "$2"; }
