#!/usr/bin/env bash
# Bad input: each bad input gets one line on stderr naming it and the reason; every other input
# still lands; nothing already stored is lost; exit code 1.
source "$(dirname "$0")/testlib.bash"
in=$TMP/in
mkdir -p "$in/outlet"
db=$TMP/bad.db
good() { printf 'A good headline %s\n\nThe council voted on %s to approve the new harbour budget, officials said.\n' "$1" "$1" >"$in/outlet/$1.txt"; }
good one; good two
: >"$in/outlet/empty.txt"
head -c 4096 /dev/urandom >"$in/outlet/binary.txt"
{ printf 'Nul title\n\nText with a stray NUL\x00 byte in the middle of a sentence.\n'
  for i in 1 2 3 4 5 6 7 8 9 10; do printf '\nParagraph %s of an otherwise ordinary article about the harbour budget vote.\n' $i; done
} >"$in/outlet/nul.txt"
printf 'Bad bytes\n\nCaf\xc3\xa9 crème and \xff\xfe broken bytes.\n' >"$in/outlet/broken.txt"
printf 'Latin one\n\nCaf\xe9 au lait, written in Latin-1.\n' >"$in/outlet/latin.txt"
{
  echo '{"id":"j1","source":"feed","title":"J one","text":"First line article."}'
  echo '{"id":"j2","source":"feed","title":"J two","text":'
  echo 'not json at all'
  echo '{"id":"j3","source":"feed","title":"J three"}'
  echo '{"id":"j4","source":"feed","title":"J four","text":"Fourth line article.","section":"world"}'
} >"$in/feed.jsonl"
# A 200 MB plain-text file (sparse: reads as zeros would be binary, so write text).
yes 'This line repeats in a file far too large to be one news article.' | head -c 210000000 >"$in/outlet/huge.txt" || true

# Something already stored must survive.
"$W" ingest --db "$db" -q "$in/outlet/one.txt"
run "$W" ingest --db "$db" --no-progress "$in" "$TMP/does-not-exist.txt"
expect_eq "exit code 1 when some inputs are rejected" 1 "$rc"
cat "$TMP/err"
lines_naming() { grep -c -- "$1" "$TMP/err" || true; }
expect_eq "empty file named once" 1 "$(lines_naming 'empty.txt')"
expect_eq "binary file named once" 1 "$(lines_naming 'binary.txt')"
expect_eq "huge file named once" 1 "$(lines_naming 'huge.txt')"
expect_eq "malformed JSON line 2 named" 1 "$(lines_naming 'feed.jsonl:2')"
expect_eq "malformed JSON line 3 named" 1 "$(lines_naming 'feed.jsonl:3')"
expect_eq "JSON line without text named" 1 "$(lines_naming 'feed.jsonl:4')"
expect_eq "missing path named" 1 "$(lines_naming 'does-not-exist.txt')"
stored() { sql "$db" "SELECT count(*) FROM articles WHERE $1"; }
expect_eq "good files land" 2 "$(stored "title LIKE 'A good headline%'")"
expect_eq "NUL file lands" 1 "$(stored "title = 'Nul title'")"
expect_eq "invalid UTF-8 file lands" 1 "$(stored "title = 'Bad bytes'")"
expect_eq "good JSON lines land" 2 "$(stored "source = 'feed'")"
expect_eq "unknown JSON field kept" 1 "$(stored "extra_json LIKE '%section%'")"
latin=$(sql "$db" "SELECT text FROM articles WHERE title = 'Bad bytes'")
case "$latin" in *$'\xef\xbf\xbd'*) echo "ok: invalid bytes became U+FFFD" ;; *) fail "invalid bytes repaired: $latin" ;; esac
expect_eq "a warning names the repaired file" 1 "$(lines_naming 'broken.txt')"
expect_eq "a file with no UTF-8 at all is read as Windows-1252" "Café au lait, written in Latin-1." \
  "$(sql "$db" "SELECT text FROM articles WHERE title = 'Latin one'")"
expect_eq "a warning names the Latin-1 file" 1 "$(lines_naming 'latin.txt')"
expect_eq "a warning names the file whose NUL was removed" 1 "$(lines_naming 'nul.txt')"
expect_eq "total stored" 7 "$(sql "$db" 'SELECT count(*) FROM articles')"
finish
