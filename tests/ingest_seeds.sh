#!/usr/bin/env bash
# witness ingest on the real sample story (../shared/data/seeds): five articles, their metadata,
# idempotent re-ingest, and ls --json.
source "$(dirname "$0")/testlib.bash"
if [ ! -d "$DATA/seeds" ]; then echo "SKIP: $DATA/seeds is absent"; exit 0; fi
db=$TMP/w.db

run "$W" ingest --db "$db" "$DATA/seeds"
expect_eq "first ingest exits 0" 0 "$rc"
grep -q "5 added" "$TMP/out" || fail "first ingest adds 5: $(cat "$TMP/out")"
expect_eq "5 articles stored" 5 "$(sql "$db" 'SELECT count(*) FROM articles')"

run "$W" ingest --db "$db" "$DATA/seeds"
expect_eq "second ingest exits 0" 0 "$rc"
grep -q "0 added, 5 already stored" "$TMP/out" || fail "second ingest adds nothing: $(cat "$TMP/out")"
expect_eq "still 5 articles" 5 "$(sql "$db" 'SELECT count(*) FROM articles')"

run "$W" ls --db "$db" --json
expect_eq "ls --json exits 0" 0 "$rc"
python3 - "$TMP/out" <<'PY' || fail "ls --json content"
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 5, rows
by_title = {r["title"]: r for r in rows}
dated = [r for r in rows if r["published"] == "2022-01-10"]
assert len(dated) == 1, rows
assert "Russia's Putin vows to defend ex-Soviet allies like Kazakhstan after unrest" in by_title, by_title.keys()
assert all(r["source"] == "seeds" for r in rows), rows
assert all(r["word_count"] > 200 for r in rows), rows
print("ls --json: 5 rows, titles and date as expected")
PY

# show --json of each: agencies and places.
for id in $(python3 -c 'import json,sys; [print(r["id"]) for r in json.load(open(sys.argv[1]))]' "$TMP/out"); do
  "$W" show --db "$db" --json "$id" >"$TMP/show-$id.json"
done
python3 - "$TMP"/show-*.json <<'PY' || fail "show --json metadata"
import json, sys
arts = [json.load(open(p)) for p in sys.argv[1:]]
def find(pred):
    got = [a for a in arts if pred(a)]
    assert len(got) == 1, [a["origin"] for a in got]
    return got[0]
a0 = find(lambda a: a["origin"].endswith("000_4fa4c5953c9d4789.txt"))
assert a0["published"] == "2022-01-10" and a0["agencies"] == ["BLOOMBERG"] and a0["places"] == ["NUR-SULTAN"], a0
assert not a0["text"].startswith(" date"), a0["text"][:40]
a1 = find(lambda a: a["origin"].endswith("001_b549dda8c9ccdc3d.txt"))
assert a1["agencies"] == ["BLOOMBERG", "AFP"] and a1["places"] == ["MOSCOW", "ALMATY"], a1
a3 = find(lambda a: a["origin"].endswith("003_5a9343e1b697f94e.txt"))
assert a3["agencies"] == ["REUTERS"], a3
for a in arts:
    text = a["text"].encode()
    for p in a["paragraphs"]:
        for s in p["sentences"]:
            assert text[s["begin"]:s["end"]].decode() == s["text"], s
print("show --json: dateline metadata and sentence spans as expected")
PY

run "$W" show --db "$db" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["id"])' "$TMP/out")"
expect_eq "show exits 0" 0 "$rc"
grep -q '^\[1\] ' "$TMP/out" || fail "show numbers sentences"
finish
