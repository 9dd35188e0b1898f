#!/usr/bin/env bash
# `witness compare`: files without a database, stored articles by id, JSON, errors.
source "$(dirname "$0")/testlib.bash"
run "$W" compare --help
expect_eq "compare --help exits 0" 0 "$rc"
grep -qi "usage" "$TMP/out" || fail "compare --help prints usage"
run "$W" compare
expect_eq "compare without targets is a usage error" 2 "$rc"
run "$W" compare --db "$TMP/none.db" "$TMP/missing.txt"
expect_eq "a target that is neither a file nor a stored id is rejected" 1 "$rc"
grep -q "missing.txt" "$TMP/err" || fail "the error names the target: $(cat "$TMP/err")"

# Two small files and standard input, no database.
printf 'Floods closed the main bridge over the river on Sunday morning, officials said.\n\nRescue teams evacuated three villages near the dam.\n' >"$TMP/a.txt"
printf 'Officials said floods closed the main bridge over the river on Sunday morning.\n\nThe army sent two helicopters to the valley.\n' >"$TMP/b.txt"
run "$W" compare "$TMP/a.txt" "$TMP/b.txt"
expect_eq "two files compare" 0 "$rc"
grep -q "2 articles, 2 independent accounts" "$TMP/out" || fail "header: $(head -1 "$TMP/out")"
grep -q "Rescue teams evacuated" "$TMP/out" || fail "a's own sentence is listed"
set +e
printf 'The army sent two helicopters to the valley on Sunday, a spokesman said.\n' |
  "$W" compare --json "$TMP/a.txt" "$TMP/b.txt" - >"$TMP/out" 2>"$TMP/err"
rc=$?
set -e
expect_eq "files and standard input compare as JSON" 0 "$rc"
grep -q '"copy_groups":\[\[0\],\[1\],\[2\]\]' "$TMP/out" || fail "JSON copy groups: $(head -c 300 "$TMP/out")"
grep -q '"agreed":\[' "$TMP/out" || fail "JSON has agreed facts"

# A file and a binary file: the good one is compared, the run exits 1.
head -c 2000 /dev/zero >"$TMP/zero.bin"
run "$W" compare "$TMP/a.txt" "$TMP/zero.bin"
expect_eq "a rejected input makes exit code 1" 1 "$rc"
grep -q "zero.bin" "$TMP/err" || fail "the rejection names the file"
grep -q "1 article" "$TMP/out" || fail "the readable file is still compared"

# The seed story: files, then the same articles stored and named by id.
if [ -d "$DATA/seeds" ]; then
  run "$W" compare "$DATA"/seeds/*.txt
  expect_eq "the seed story compares" 0 "$rc"
  grep -q "5 articles, 3 independent accounts" "$TMP/out" || fail "seeds: $(head -1 "$TMP/out")"
  grep -q "people killed \[diverge\]" "$TMP/out" || fail "seeds: death tolls diverge"
  "$W" ingest --db "$TMP/seeds.db" -q "$DATA/seeds"
  ids=$(sql "$TMP/seeds.db" 'SELECT id FROM articles ORDER BY id' | tr '\n' ' ')
  run "$W" compare --db "$TMP/seeds.db" $ids
  expect_eq "stored articles compare by id" 0 "$rc"
  grep -q "5 articles, 3 independent accounts" "$TMP/out" || fail "stored: $(head -1 "$TMP/out")"
else
  echo "skip: $DATA/seeds not found"
fi
finish
