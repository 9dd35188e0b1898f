#!/usr/bin/env bash
# Stories and copies end to end: ingest the sample corpus (examples/, with its answer key
# examples/truth.json) and the real seeds, then witness stories, story, dups, show, cluster.
source "$(dirname "$0")/testlib.bash"
db=$TMP/w.db
corpus=$SRC/examples/corpus

run "$W" ingest --db "$db" "$corpus"
expect_eq "ingest of the sample corpus exits 0" 0 "$rc"

# Every story the answer key names is one stored story with nothing else in it; the
# unrelated articles stand alone.
run "$W" stories --db "$db" --json
expect_eq "stories --json exits 0" 0 "$rc"
cp "$TMP/out" "$TMP/stories.json"
for s in $(python3 -c 'import json,sys; [print(s["id"]) for s in json.load(open(sys.argv[1]))]' "$TMP/stories.json"); do
  "$W" story --db "$db" --json "$s" >"$TMP/story-$s.json" || fail "story $s"
done
python3 - "$SRC/examples/truth.json" "$db" "$TMP/stories.json" "$TMP"/story-*.json <<'PY' || fail "stories match the answer key"
import json, sqlite3, sys
truth = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
listed = json.load(open(sys.argv[3]))
details = [json.load(open(p)) for p in sys.argv[4:]]
origin_to_id = dict(db.execute("SELECT origin, id FROM articles"))
def article_id(path):
    for origin, id in origin_to_id.items():
        if origin.endswith(path.replace("feeds/feed.jsonl:", "feeds/feed.jsonl:")):
            return id
    raise AssertionError("not stored: " + path)
story_of = {}
for d in details:
    assert d["articles"] == len(d["members"]), d["id"]
    for m in d["members"]:
        story_of[m["article"]] = d["id"]
assert len(story_of) == 30, len(story_of)
groups = {}
for a in truth["articles"]:
    groups.setdefault(a["story"], set()).add(story_of[article_id(a["path"])])
for key, found in groups.items():
    if key == "none":
        continue
    assert len(found) == 1, (key, found)
    members = [a for a in truth["articles"] if a["story"] == key]
    (sid,) = found
    assert sum(1 for v in story_of.values() if v == sid) == len(members), (key, sid)
assert len(groups["none"]) == len([a for a in truth["articles"] if a["story"] == "none"])
# Newest first: the listing's last dates never increase.
lasts = [s["last"] for s in listed if s["last"]]
assert lasts == sorted(lasts, reverse=True), lasts
print("stories: A, B, C found whole and alone; %d stories" % len(listed))
PY

# Filters and errors.
run "$W" stories --db "$db" --json --source lodestar-wire --since 2025-03-13
expect_eq "filtered stories exit 0" 0 "$rc"
python3 -c 'import json,sys; rows=json.load(open(sys.argv[1])); assert rows and all(r["last"] >= "2025-03-13" for r in rows), rows' "$TMP/out" || fail "stories --since"
run "$W" story --db "$db" s999
expect_eq "unknown story exits 1" 1 "$rc"
grep -q "no story 's999'" "$TMP/err" || fail "unknown story message: $(cat "$TMP/err")"
run "$W" stories --db "$db" --since yesterday
expect_eq "bad --since exits 1" 1 "$rc"

# Copies: the wire's reprints form groups whose likely source is the wire's own article.
run "$W" dups --db "$db" --json
expect_eq "dups --json exits 0" 0 "$rc"
python3 - "$TMP/out" <<'PY' || fail "dups"
import json, sys
groups = json.load(open(sys.argv[1]))
assert len(groups) >= 3, groups
for g in groups:
    assert g["articles"] == len(g["members"]) >= 2, g
    stories = {m["story"] for m in g["members"]}
    assert len(stories) == 1, g          # copies are in one story
    src = [m for m in g["members"] if m["id"] == g["likely_source"]]
    assert src and src[0]["source"] == "lodestar-wire", g
print("dups: %d groups, each from the wire" % len(groups))
PY
first_copy=$(python3 -c 'import json,sys; g=json.load(open(sys.argv[1]))[0]; print([m["id"] for m in g["members"] if m["id"] != g["likely_source"]][0])' "$TMP/out")
run "$W" show --db "$db" --json "$first_copy"
expect_eq "show --json exits 0" 0 "$rc"
python3 - "$TMP/out" <<'PY' || fail "show lists story and relations"
import json, sys
a = json.load(open(sys.argv[1]))
assert a["story"].startswith("s"), a["story"]
assert a["relations"] and a["relations"][0]["relation"] in ("near-copy", "contained-in", "contains"), a["relations"]
assert a["likely_source"] and a["likely_source"] != a["id"], a["likely_source"]
PY
run "$W" show --db "$db" "$first_copy"
grep -q "likely copied from" "$TMP/out" || fail "show names the likely source: $(head -20 "$TMP/out")"

# Quotes and claims of a story: its articles, read from the database.
big=$(python3 -c 'import json,sys; print(max(json.load(open(sys.argv[1])), key=lambda s: s["articles"])["id"])' "$TMP/stories.json")
members=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["members"]))' "$TMP/story-$big.json")
for cmd in quotes claims; do
  run "$W" $cmd --db "$db" "$big"
  expect_eq "$cmd of story $big exits 0" 0 "$rc"
  expect_eq "$cmd of story $big reads its $members articles" "$members" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); [print(m["article"]) for m in d["members"]]' "$TMP/story-$big.json" | while read -r id; do grep -c "^$id" "$TMP/out" || true; done | grep -c '^[1-9]')"
done

# The digest of the biggest story: both summaries cite stored members, and the syndication
# section names the wire as the source of its reprints.
run "$W" digest --db "$db" --json "$big"
expect_eq "digest --json exits 0" 0 "$rc"
python3 - "$TMP/out" "$TMP/story-$big.json" <<'PY' || fail "digest content"
import json, sys
d = json.load(open(sys.argv[1]))
members = {m["article"] for m in json.load(open(sys.argv[2]))["members"]}
for part in ("brief", "full"):
    assert d[part]["sentences"], part
    for s in d[part]["sentences"]:
        assert s["article"] in members, s
        assert all(c["article"] in members for c in s["citations"]), s
assert 60 <= d["brief"]["words"] <= 160, d["brief"]["words"]
assert d["full"]["words"] > d["brief"]["words"], (d["full"]["words"], d["brief"]["words"])
assert len(d["timeline"]) == len(members), d["timeline"]
synd = d["sections"]["syndication"]
assert synd["copy_groups"] and all(g["likely_source"] in members for g in synd["copy_groups"]), synd
print("digest: %d + %d words, %d copy groups" % (d["brief"]["words"], d["full"]["words"], len(synd["copy_groups"])))
PY
run "$W" digest --db "$db" --md "$big"
grep -q "^## Summary" "$TMP/out" && grep -q "^## Syndication" "$TMP/out" || fail "digest --md sections: $(head -5 "$TMP/out")"
run "$W" digest --db "$db" s999
expect_eq "digest of an unknown story exits 1" 1 "$rc"

# A second ingest of new articles continues the same stories (checkpoint, same ids).
before=$(sql "$db" "SELECT group_concat(article_id || '=' || story) FROM (SELECT * FROM story_members ORDER BY article_id)")
run "$W" ingest --db "$db" "$corpus"
expect_eq "re-ingest exits 0" 0 "$rc"
after=$(sql "$db" "SELECT group_concat(article_id || '=' || story) FROM (SELECT * FROM story_members ORDER BY article_id)")
expect_eq "re-ingest changes no story" "$before" "$after"

# witness cluster: no database, one line per input line, in order; a bad line is reported in
# its place and the rest are clustered.
{ cat "$corpus/feeds/feed.jsonl"; echo '{"id": 5'; } >"$TMP/feed.jsonl"
lines=$(grep -c . "$TMP/feed.jsonl")
run "$W" cluster "$TMP/feed.jsonl"
expect_eq "cluster with a bad line exits 1" 1 "$rc"
expect_eq "one output line per input line" "$lines" "$(grep -c . "$TMP/out")"
python3 - "$TMP/out" <<'PY' || fail "cluster output"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert all("story" in r for r in rows[:-1]), rows
assert rows[-1].get("error") and rows[-1].get("line") == len(rows), rows[-1]
PY
run "$W" cluster <"$corpus/feeds/feed.jsonl"
expect_eq "cluster from stdin exits 0" 0 "$rc"

# The real seeds: one story, and the Bloomberg text and its reprints are one copy group.
if [ -d "$DATA/seeds" ]; then
  run "$W" ingest --db "$TMP/seeds.db" "$DATA/seeds"
  expect_eq "seeds ingest exits 0" 0 "$rc"
  expect_eq "the seeds are one story" 1 "$(sql "$TMP/seeds.db" 'SELECT count(*) FROM stories')"
  run "$W" dups --db "$TMP/seeds.db" --json
  python3 - "$TMP/out" "$TMP/seeds.db" <<'PY' || fail "seed copies"
import json, sqlite3, sys
groups = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
name = {id: origin.rsplit("/", 1)[-1][:3] for id, origin in db.execute("SELECT id, origin FROM articles")}
assert len(groups) == 1, groups
members = sorted(name[m["id"]] for m in groups[0]["members"])
assert members == ["000", "001", "004"], members        # FT (002) and Reuters (003) wrote their own
assert name[groups[0]["likely_source"]] == "000", groups[0]
PY
  # Its digest condenses the comparison: the death tolls diverge (one retracted), the Putin
  # quote is collated across translations, and what most accounts agree on is listed.
  sid=$(sql "$TMP/seeds.db" 'SELECT id FROM stories')
  run "$W" digest --db "$TMP/seeds.db" --json "$sid"
  expect_eq "seeds digest exits 0" 0 "$rc"
  python3 - "$TMP/out" <<'PY' || fail "seed digest sections"
import json, sys
sec = json.load(open(sys.argv[1]))["sections"]
deaths = [g for g in sec["divergent_figures"] if "killed" in g["label"]]
assert deaths and deaths[0]["verdict"] in ("diverge", "conflict"), sec["divergent_figures"]
assert any(c["retracted"] for c in deaths[0]["claims"]), deaths[0]
putin = [g for g in sec["quotes"] if g["speaker"] == "Vladimir Putin"
         and any("situation" in v["text"] and "home" in v["text"] for v in g["variants"])]
assert putin and len(putin[0]["variants"]) >= 3, sec["quotes"]
assert len(sec["agreed_facts"]) >= 3, sec["agreed_facts"]
assert sec["syndication"]["copy_groups"], sec["syndication"]
PY
else
  echo "SKIP (seeds part): $DATA/seeds is absent"
fi
expect_eq "database check" "ok" "$(sql "$db" 'PRAGMA integrity_check')"
finish
