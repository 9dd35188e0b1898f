#!/usr/bin/env bash
# witness ingest on WARC archives built here: a Common Crawl style .warc.gz (one gzip member per
# record) and the same archive plain; HTML responses land as articles (title and text extracted,
# the HTTP charset honoured), other records are skipped; a truncated copy, a copy with a corrupt
# member and an archive without HTML are each reported on one stderr line naming the file (and
# the record's byte offset), and everything intact still lands.
source "$(dirname "$0")/testlib.bash"
in=$TMP/in
mkdir -p "$in"

python3 - "$in" <<'PY'
import gzip, json, sys
out = sys.argv[1]
n = 0
def record(typ, uri, block, ctype=None):
    global n
    n += 1
    if ctype is None:
        ctype = "application/http; msgtype=" + ("request" if typ == "request" else "response")
    head = ("WARC/1.0\r\nWARC-Type: %s\r\n" % typ
            + ("WARC-Target-URI: %s\r\n" % uri if uri else "")
            + "WARC-Date: 2024-05-0%dT10:00:00Z\r\nWARC-Record-ID: <urn:uuid:e2e-%d>\r\n" % (n % 9 + 1, n)
            + "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (ctype, len(block)))
    return head.encode() + block + b"\r\n\r\n"
def http(body, ctype="text/html; charset=utf-8", status=200):
    return ("HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (status, ctype, len(body))).encode() + body
def page(title, paras, encoding="utf-8", meta=True):
    html = "<!doctype html><html><head>"
    if meta:
        html += '<meta charset="utf-8">'
    html += "<title>%s</title></head><body><nav>Home | World | Sport</nav><article><h1>%s</h1>" % (title, title)
    html += "".join("<p>%s</p>" % p for p in paras) + "</article></body></html>"
    return html.encode(encoding)
harbour = page("Harbour reopens after storm", [
    "The harbour reopened on Monday after a week of repairs to the breakwater, the port authority said.",
    "Fishing boats were the first to leave, followed by the morning ferry to the islands.",
    "Repairs cost 2.4 million euros, paid from the regional emergency fund."])
council = page("Council approves new budget", [
    "The city council approved the new budget on Tuesday by 31 votes to 12.",
    "Spending on schools rises by four percent, while road works are delayed until next spring.",
    "The opposition said the plan relied on optimistic tax forecasts."])
# Windows-1251 bytes, declared only by the HTTP header.
budget = page("Бюджет принят", [
    "Городской совет утвердил бюджет во вторник большинством голосов.",
    "Расходы на школы вырастут на четыре процента, а ремонт дорог отложен до весны."],
    encoding="windows-1251", meta=False)
records = [
    record("warcinfo", "", b"software: witness-e2e\r\nformat: WARC File Format 1.0\r\n",
           "application/warc-fields"),
    record("request", "https://www.news.example/harbour", b"GET /harbour HTTP/1.1\r\nHost: www.news.example\r\n\r\n"),
    record("response", "https://www.news.example/harbour", http(harbour)),
    record("metadata", "https://www.news.example/harbour", b"fetchTimeMs: 120\r\n", "application/warc-fields"),
    record("response", "https://gazeta.example/budget", http(budget, "text/html; charset=windows-1251")),
    record("response", "https://www.news.example/logo.png", http(b"\x89PNG\r\n\x1a\n....", "image/png")),
    record("response", "https://www.news.example/old", http(b"<html>gone</html>", "text/html", 404)),
    record("response", "https://www.news.example/council", http(council)),
]
members = [gzip.compress(r) for r in records]
offsets = []
at = 0
for m in members:
    offsets.append(at)
    at += len(m)
whole = b"".join(members)
open(out + "/crawl.warc.gz", "wb").write(whole)
open(out + "/plain.warc", "wb").write(b"".join(records))
# Cut inside the last member (the council page).
open(out + "/cut.warc.gz", "wb").write(whole[:len(whole) - 30])
# The budget page's member damaged in the middle of its deflate data.
damaged = bytearray(whole)
for i in range(offsets[4] + 40, offsets[4] + 52):
    damaged[i] ^= 0x5A
open(out + "/damaged.warc.gz", "wb").write(bytes(damaged))
open(out + "/nohtml.warc.gz", "wb").write(b"".join(members[i] for i in (0, 1, 3, 5, 6)))
json.dump({"last": offsets[7], "budget": offsets[4], "harbour": offsets[2]}, open(out + "/offsets.json", "w"))
PY
offset() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$in/offsets.json" "$1"; }
titles() { sql "$1" 'SELECT title FROM articles ORDER BY title' | tr '\n' '|'; }
lines_naming() { grep -c -- "$1" "$TMP/err" || true; }

# The Common Crawl style archive: three HTML pages out of eight records.
db=$TMP/crawl.db
run "$W" ingest --db "$db" --no-progress "$in/crawl.warc.gz"
expect_eq "crawl.warc.gz: exit 0" 0 "$rc"
expect_eq "crawl.warc.gz: nothing on stderr" "" "$(cat "$TMP/err")"
grep -q "3 added" "$TMP/out" || fail "crawl.warc.gz adds 3: $(cat "$TMP/out")"
run "$W" ls --db "$db" --json
expect_eq "ls exits 0" 0 "$rc"
python3 - "$TMP/out" <<'PY' || fail "ls --json content"
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 3, rows
by_title = {r["title"]: r for r in rows}
assert set(by_title) == {"Harbour reopens after storm", "Council approves new budget",
                         "Бюджет принят"}, by_title.keys()
assert by_title["Harbour reopens after storm"]["source"] == "news.example", rows
assert by_title["Бюджет принят"]["source"] == "gazeta.example", rows
assert all(r["word_count"] >= 20 for r in rows), rows
print("ok: ls --json lists the 3 pages with titles and sources")
PY
harbour=$(sql "$db" "SELECT id FROM articles WHERE title = 'Harbour reopens after storm'")
run "$W" show --db "$db" --json "$harbour"
python3 - "$TMP/out" "$in/crawl.warc.gz@$(offset harbour)" <<'PY' || fail "show --json of a WARC page"
import json, sys
a = json.load(open(sys.argv[1]))
assert a["url"] == "https://www.news.example/harbour", a["url"]
assert a["text"].startswith("The harbour reopened on Monday"), a["text"]
assert "Home | World" not in a["text"], a["text"]
assert a["extra"]["warc_date"] == "2024-05-04T10:00:00Z", a["extra"]
assert a["extra"]["warc_record_id"].startswith("<urn:uuid:e2e-"), a["extra"]
assert a["origin"] == sys.argv[2], (a["origin"], sys.argv[2])
print("ok: the page's url, text, fetch date and origin")
PY
budget_text=$(sql "$db" "SELECT text FROM articles WHERE source = 'gazeta.example'")
case "$budget_text" in
  "Городской совет утвердил бюджет"*) echo "ok: the HTTP charset (windows-1251) decoded the page" ;;
  *) fail "windows-1251 page decoded: $budget_text" ;;
esac

run "$W" ingest --db "$db" --no-progress "$in/crawl.warc.gz"
grep -q "0 added, 3 already stored" "$TMP/out" || fail "re-ingest adds nothing: $(cat "$TMP/out")"

# The same records uncompressed: the same articles (same ids).
db2=$TMP/plain.db
run "$W" ingest --db "$db2" --no-progress "$in/plain.warc"
expect_eq "plain.warc: exit 0" 0 "$rc"
expect_eq "plain.warc: the same ids" "$(sql "$db" 'SELECT id FROM articles ORDER BY id')" \
  "$(sql "$db2" 'SELECT id FROM articles ORDER BY id')"

# Cut inside the last member: the last page is reported, the others land.
db3=$TMP/cut.db
run "$W" ingest --db "$db3" --no-progress "$in/cut.warc.gz"
cat "$TMP/err"
expect_eq "cut.warc.gz: exit 1" 1 "$rc"
expect_eq "cut.warc.gz: one line on stderr" 1 "$(wc -l <"$TMP/err")"
expect_eq "cut.warc.gz: it names the file, the last record's offset and the reason" 1 \
  "$(lines_naming "cut.warc.gz: offset $(offset last): truncated gzip member")"
expect_eq "cut.warc.gz: the pages before the cut land" \
  "Harbour reopens after storm|Бюджет принят|" "$(titles "$db3")"

# A corrupt member in the middle: that page is reported, the pages around it land.
db4=$TMP/damaged.db
run "$W" ingest --db "$db4" --no-progress "$in/damaged.warc.gz"
cat "$TMP/err"
expect_eq "damaged.warc.gz: exit 1" 1 "$rc"
expect_eq "damaged.warc.gz: one line on stderr" 1 "$(wc -l <"$TMP/err")"
expect_eq "damaged.warc.gz: it names the file and the damaged member's offset" 1 \
  "$(lines_naming "damaged.warc.gz: offset $(offset budget): corrupt gzip member")"
expect_eq "damaged.warc.gz: the other pages land" \
  "Council approves new budget|Harbour reopens after storm|" "$(titles "$db4")"

# No HTML page at all: reported once.
db5=$TMP/nohtml.db
run "$W" ingest --db "$db5" --no-progress "$in/nohtml.warc.gz"
cat "$TMP/err"
expect_eq "nohtml.warc.gz: exit 1" 1 "$rc"
expect_eq "nohtml.warc.gz: reported once" \
  "witness: rejected $in/nohtml.warc.gz: no HTML pages in this WARC archive (5 records: 3 not HTTP responses, 1 with an HTTP status other than 200, 1 not HTML)" \
  "$(cat "$TMP/err")"
expect_eq "nohtml.warc.gz: nothing stored" 0 "$(sql "$db5" 'SELECT count(*) FROM articles')"

# All of them in one folder, and from standard input.
db6=$TMP/all.db
run "$W" ingest --db "$db6" --no-progress "$in"
expect_eq "folder: exit 1 (some records rejected)" 1 "$rc"
expect_eq "folder: every intact page lands once" 3 "$(sql "$db6" 'SELECT count(*) FROM articles')"
db7=$TMP/stdin.db
set +e; "$W" ingest --db "$db7" --no-progress - <"$in/crawl.warc.gz" >"$TMP/out" 2>"$TMP/err"; rc=$?; set -e
expect_eq "stdin: exit 0" 0 "$rc"
expect_eq "stdin: the 3 pages" 3 "$(sql "$db7" 'SELECT count(*) FROM articles')"
finish
