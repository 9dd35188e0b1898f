#!/usr/bin/env bash
# The command line: --help everywhere, exit codes, errors on stderr.
source "$(dirname "$0")/testlib.bash"
for cmd in "" ingest ls show; do
  run "$W" $cmd --help
  expect_eq "witness $cmd --help exits 0" 0 "$rc"
  grep -qi "usage" "$TMP/out" || fail "witness $cmd --help prints usage"
done
run "$W" no-such-command
expect_eq "unknown command is a usage error" 2 "$rc"
run "$W"
expect_eq "no command is a usage error" 2 "$rc"
run "$W" ingest --db "$TMP/u.db"
expect_eq "ingest without paths is a usage error" 2 "$rc"
run "$W" ls --db "$TMP/missing.db"
expect_eq "ls on a missing database fails" 1 "$rc"
grep -q "missing.db" "$TMP/err" || fail "the error names the database: $(cat "$TMP/err")"
printf 'Stdin title\n\nAn article read from standard input, with a sentence.\n' | "$W" ingest --db "$TMP/s.db" -q -
expect_eq "stdin ingest stores one article" 1 "$(sql "$TMP/s.db" 'SELECT count(*) FROM articles')"
run "$W" show --db "$TMP/s.db" zzzzzzzz
expect_eq "show of an unknown id exits 1" 1 "$rc"
grep -q "zzzzzzzz" "$TMP/err" || fail "the error names the id"
run "$W" --version
expect_eq "--version exits 0" 0 "$rc"
finish
