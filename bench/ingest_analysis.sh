#!/usr/bin/env bash
# ingest_analysis: what finding copies and stories costs `witness ingest`, and how well the
# stored relations and stories hold the planted copies of gen_corpus.
#
#   bench/ingest_analysis.sh [DOCS]      # default 20000; needs build/release (witness, gen_corpus)
#
# Generates DOCS news-like documents with planted copies (bench/gen_corpus.cc), ingests them
# twice into fresh databases, with and without analysis, and prints wall and CPU time (the CPU
# figure is the one to compare on a shared machine), articles/s and peak memory of each, then the share of planted copy pairs stored as a relation, as a copy
# relation, and put in one story.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-20000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
build/release/gen_corpus --docs "$docs" --out "$out" >/dev/null 2>&1
echo "corpus: $docs documents, $(du -m "$out/corpus.jsonl" | cut -f1) MB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in analysis no-analysis; do
  flag=()
  [ "$mode" = no-analysis ] && flag=(--no-analysis)
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" build/release/witness ingest -q --no-progress \
    "${flag[@]}" --db "$out/$mode.db" "$out/corpus.jsonl"
  read -r secs user sys kb <"$out/time"
  awk -v m="$mode" -v d="$docs" -v w="$secs" -v u="$user" -v s="$sys" -v k="$kb" 'BEGIN {
    printf "%-12s wall %6.1f s (%5.0f articles/s)  CPU %6.1f s (%5.0f articles per CPU-second)  peak RSS %4d MiB\n",
      m, w, d / w, u + s, d / (u + s), k / 1024 }' 
done
/usr/bin/python3 - "$out/analysis.db" "$out/truth.tsv" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rel = {}
for a, b, r in db.execute("SELECT a, b, relation FROM relations"):
    rel[(a, b)] = rel[(b, a)] = r
story = dict(db.execute("SELECT article_id, story FROM story_members"))
truth = [l.rstrip("\n").split("\t") for l in open(sys.argv[2]) if not l.startswith("#")]
n = len(truth)
related = sum((c, o) in rel for c, o, *_ in truth)
copies = sum(rel.get((c, o)) in (1, 2, 3) for c, o, *_ in truth)
together = sum(story.get(c) is not None and story.get(c) == story.get(o) for c, o, *_ in truth)
stories, multi = db.execute("SELECT count(*), sum(articles > 1) FROM stories").fetchone()
print(f"planted copy pairs: {n}; stored as a relation {related / n:.3f}, as a copy relation "
      f"{copies / n:.3f}, in one story {together / n:.3f}")
print(f"stories: {stories} ({multi} with more than one article); relations: "
      f"{db.execute('SELECT count(*) FROM relations').fetchone()[0]}")
PY
