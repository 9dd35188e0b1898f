#!/usr/bin/env bash
# Killing a real `witness ingest` at any moment leaves the database consistent (each batch
# wholly or not at all), and `witness ingest --resume` then completes the job.
source "$(dirname "$0")/testlib.bash"
db=$TMP/kill.db
feed=$TMP/feed.jsonl
n=40000
batch=200
# A deterministic feed of distinct articles (about 1 KB each).
awk -v n=$n 'BEGIN {
  srand(7);
  split("port strike ferry council vote harbour minister union wage talks court ruling storm flood", w, " ");
  for (i = 1; i <= n; i++) {
    body = "";
    for (k = 0; k < 160; k++) body = body w[int(rand() * 16) + 1] " ";
    printf "{\"id\":\"gen-%06d\",\"source\":\"gen-%d\",\"title\":\"Generated %d\",\"published\":\"2025-03-%02d\",\"text\":\"Article %d. %s\"}\n", i, i % 7, i, (i % 28) + 1, i, body;
  }
}' >"$feed"

for delay in 0.3 0.7 1.2 0.05 2.0; do
  "$W" ingest --db "$db" --batch $batch --no-progress -q "$feed" 2>/dev/null &
  pid=$!
  # The delay counts from the moment the schema exists (a loaded machine or a sanitizer build
  # can take longer than the shortest delay just to start).
  for _ in $(seq 300); do
    [ -s "$db" ] && sql "$db" 'SELECT 1 FROM runs LIMIT 1' >/dev/null 2>&1 && break
    sleep 0.1
  done
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  expect_eq "integrity after kill at ${delay}s" ok "$(sql "$db" 'PRAGMA integrity_check' 2>&1 | head -1)"
  count=$(sql "$db" 'SELECT count(*) FROM articles')
  if [ "$count" -ne "$n" ]; then
    expect_eq "whole batches only after kill at ${delay}s ($count stored)" 0 $((count % batch))
  fi
  run "$W" ls --db "$db" --limit 1 --json
  expect_eq "ls works after kill at ${delay}s" 0 "$rc"
done

run "$W" ingest --db "$db" --batch $batch --no-progress --resume
expect_eq "resume exits 0" 0 "$rc"
expect_eq "resume completes the job" "$n" "$(sql "$db" 'SELECT count(*) FROM articles')"
expect_eq "no duplicate ids" "$n" "$(sql "$db" 'SELECT count(DISTINCT id) FROM articles')"
# What the killed runs analysed, and what they stored without analysing, were replayed: every
# article has its signature and its story, and the story counts add up.
expect_eq "every article has a signature" "$n" "$(sql "$db" 'SELECT count(*) FROM signatures')"
expect_eq "every article is in a story" "$n" "$(sql "$db" 'SELECT count(*) FROM story_members')"
expect_eq "story counts add up" "$n" "$(sql "$db" 'SELECT sum(articles) FROM stories')"
run "$W" ingest --db "$db" --resume
grep -q "nothing to resume" "$TMP/out" || fail "second resume has nothing to do: $(cat "$TMP/out")"
finish
