#!/usr/bin/env bash
# `witness serve` end to end: the JSON API of a real server over the sample corpus, with curl
# (and python3 for JSON and raw sockets). Checks shapes, paging, filters, errors (404, 405,
# 413, 400), token auth of POST /api/ingest, path traversal, a slow client, and shutdown.
source "$(dirname "$0")/testlib.bash"
if ! command -v curl >/dev/null; then
  echo "SKIP: curl is not installed (scripts/setup installs it)"
  exit 77
fi
db=$TMP/w.db
token=e2e-token-0123456789abcdef
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap 'stop_server; rm -rf "$TMP"' EXIT

# Starts `witness serve --port 0 ARGS...` and sets $base to its URL.
start_server() {
  "$W" serve --db "$db" --port 0 --threads 8 "$@" >"$TMP/serve.out" 2>"$TMP/serve.err" &
  server_pid=$!
  base=""
  for _ in $(seq 1 200); do
    base=$(sed -n 's/.* on \(http:[^ ]*\) .*/\1/p' "$TMP/serve.out")
    [ -n "$base" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
  done
  [ -n "$base" ] || { echo "server did not start: $(cat "$TMP/serve.err")" >&2; return 1; }
}

# http METHOD PATH [curl args...]: sets $code, body in $TMP/body, headers in $TMP/headers.
http() {
  local method=$1 path=$2; shift 2
  code=$(curl -s --path-as-is -X "$method" -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' \
    --max-time 30 "$@" "$base$path" || true)
}
# jq-like checks with python: pyjson 'expression over j' (the body as JSON) prints the result.
pyjson() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($1)" "$TMP/body"; }

run "$W" ingest --db "$db" -q "$SRC/examples/corpus"
expect_eq "ingest of the sample corpus exits 0" 0 "$rc"

# ---- Refusals at start ----
run "$W" serve --db "$TMP/missing.db" --port 0
expect_eq "serve without a database exits 3" 3 "$rc"
grep -q "no such database" "$TMP/err" || fail "missing database message: $(cat "$TMP/err")"
run env WITNESS_TOKEN=short "$W" serve --db "$db" --port 0
expect_eq "a short token is a usage error" 2 "$rc"

# ---- Read-only server ----
start_server
check "server prints its URL" test -n "$base"
case "$base" in http://127.0.0.1:*) echo "ok: binds 127.0.0.1 by default" ;; *) fail "default host: $base" ;; esac

http GET /api/health
expect_eq "health 200" 200 "$code"
expect_eq "health counts the articles" 30 "$(pyjson 'j["articles"]')"
expect_eq "ingest is off without a token" False "$(pyjson 'j["ingest"]')"

http GET "/api/stories?limit=500"
expect_eq "stories 200" 200 "$code"
grep -qi '^content-type: application/json' "$TMP/headers" || fail "stories content type"
python3 - "$TMP/body" <<'PY' || fail "the story list's shape"
import json, sys
j = json.load(open(sys.argv[1]))
rows = j["stories"]
assert len(rows) == 11, len(rows)    # 3 stories and 8 articles standing alone (TRUTH.md)
assert j["total"] == 11 and j["more"] is False and j["offset"] == 0 and j["limit"] == 500, j
assert all(set(s) >= {"id", "label", "first", "last", "articles", "sources", "aliases"} for s in rows)
assert all(sum(c["articles"] for c in s["sources"]) == s["articles"] for s in rows)
lasts = [s["last"] for s in rows if s["last"]]
assert lasts == sorted(lasts, reverse=True), "newest first"
print("ok: 11 stories, newest first, with their fields and source counts")
PY
cp "$TMP/body" "$TMP/all.json"
all_ids=$(python3 -c 'import json,sys; print(" ".join(s["id"] for s in json.load(open(sys.argv[1]))["stories"]))' "$TMP/all.json")
paged=""
offset=0
while :; do
  http GET "/api/stories?limit=3&offset=$offset"
  page=$(pyjson '" ".join(s["id"] for s in j["stories"]) + (" +" if j["more"] else "")')
  paged="$paged ${page% +}"
  [ "${page: -2}" == " +" ] || break
  offset=$((offset + 3))
done
expect_eq "pages of 3 give every story once, in order" "$all_ids" "$(echo $paged)"

http GET "/api/stories?source=coastwatch-daily&since=2025-03-12"
expect_eq "filters 200" 200 "$code"
expect_eq "filtered rows match" True \
  "$(pyjson 'len(j["stories"]) > 0 and all(s["last"] >= "2025-03-12" and any(c["source"] == "coastwatch-daily" for c in s["sources"]) for s in j["stories"])')"
http GET "/api/stories?q=scooter"
expect_eq "label search finds the recall" True "$(pyjson 'len(j["stories"]) >= 1 and all("scooter" in s["label"].lower() for s in j["stories"])')"

strike=$(python3 -c 'import json,sys; print([s["id"] for s in json.load(open(sys.argv[1]))["stories"] if s["articles"] == 10][0])' "$TMP/all.json")
http GET "/api/stories/$strike"
expect_eq "story detail 200" 200 "$code"
expect_eq "story detail has every part" True \
  "$(pyjson 'set(j) >= {"story","members","graph","quotes","figures","digest","comparison","analysed","truncated"}')"
expect_eq "10 members and graph nodes" "10 10" "$(pyjson 'len(j["members"]), len(j["graph"]["nodes"])' | tr -d '(),')"
expect_eq "digest cites only members, with its sections" True \
  "$(pyjson 'bool(j["digest"]["brief"]["sentences"]) and all(c["article"] in {m["article"] for m in j["members"]} for s in j["digest"]["full"]["sentences"] for c in s["citations"]) and "syndication" in j["digest"]["sections"]')"
expect_eq "comparison covers every member" 10 "$(pyjson 'len(j["comparison"]["articles"])')"
expect_eq "graph edges join members" True \
  "$(pyjson 'len(j["graph"]["edges"]) > 0 and all({e["a"], e["b"]} <= {n["id"] for n in j["graph"]["nodes"]} for e in j["graph"]["edges"])')"
expect_eq "figures compare several sources" True "$(pyjson 'len(j["figures"]["groups"]) > 0 and all(g["sources"] >= 2 for g in j["figures"]["groups"])')"
expect_eq "quotes are collated" True "$(pyjson 'any(len(g["variants"]) >= 2 for g in j["quotes"]["groups"])')"
etag=$(grep -i '^etag:' "$TMP/headers" | tr -d '\r' | cut -d' ' -f2)
article=$(pyjson 'j["members"][0]["article"]')
http GET "/api/stories/$strike" -H "If-None-Match: $etag"
expect_eq "If-None-Match gives 304" 304 "$code"
http GET "/api/stories/$strike" -H "Accept-Encoding: gzip"
grep -qi '^content-encoding: gzip' "$TMP/headers" || fail "gzip when accepted"

http GET "/api/articles/$article"
expect_eq "article 200" 200 "$code"
expect_eq "article has text, boilerplate, reading, story" True \
  "$(pyjson 'set(j) >= {"text","paragraphs","boilerplate","reading","relations","story","likely_source"} and j["story"]["id"] == "'"$strike"'"')"
http GET "/api/articles/${article:0:6}"
expect_eq "an id prefix finds the article" 200 "$code"

# ---- Errors ----
http GET /api/stories/s99999
expect_eq "unknown story 404" 404 "$code"
expect_eq "404 body is a JSON error" True "$(pyjson '"error" in j')"
http GET /api/articles/ffffffffffffffff
expect_eq "unknown article 404" 404 "$code"
http GET /api/unknown
expect_eq "unknown endpoint 404" 404 "$code"
http GET /no-such-page.html
expect_eq "unknown static path 404" 404 "$code"
http GET "/api/stories?limit=0"
expect_eq "limit=0 is 400" 400 "$code"
http GET "/api/stories?since=soon"
expect_eq "bad since is 400" 400 "$code"
http GET "/api/stories?colour=red"
expect_eq "unknown parameter is 400" 400 "$code"
http POST /api/stories --data '{}'
expect_eq "POST on a GET route is 405" 405 "$code"
grep -qi '^allow: GET, HEAD, OPTIONS' "$TMP/headers" || fail "405 names what is allowed"
http DELETE "/api/stories/$strike"
expect_eq "DELETE is 405" 405 "$code"
http GET /api/ingest
expect_eq "GET /api/ingest is 405" 405 "$code"
http POST /api/ingest --data-binary '{"id":"x","text":"y"}'
expect_eq "ingest without a token configured is 403" 403 "$code"

# ---- Path traversal: never a file outside the assets ----
for p in "/../../../../etc/passwd" "/%2e%2e/%2e%2e/etc/passwd" "/..%2f..%2fetc%2fpasswd" "/static/../../etc/passwd"; do
  http GET "$p"
  expect_eq "traversal $p is 400" 400 "$code"
  grep -q "root:" "$TMP/body" && fail "traversal $p leaked a file"
done
http GET "/etc/passwd"
expect_eq "an absolute-looking path is 404" 404 "$code"
http GET /
expect_eq "the UI 200" 200 "$code"
grep -q '<main id="view"' "$TMP/body" || fail "index.html served"
for f in app.js render.js graph.js util.js style.css favicon.svg; do
  http GET "/$f"
  expect_eq "asset $f 200" 200 "$code"
done

# ---- Foreign Host header (DNS rebinding) ----
http GET /api/health -H "Host: attacker.example"
expect_eq "foreign Host is 403" 403 "$code"

# ---- A slow client is dropped; others are served meanwhile ----
port=${base##*:}
python3 - "$port" <<'PY' || fail "slow client"
import socket, sys, threading, time, urllib.request
port = int(sys.argv[1])
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"GET /api/stor")          # half a request line, then silence
start = time.time()
ok = []
def other():
    for _ in range(5):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=10) as r:
            ok.append(r.status == 200)
t = threading.Thread(target=other); t.start()
s.settimeout(30)
data = s.recv(100)                    # b"" when the server hangs up
waited = time.time() - start
t.join()
assert data == b"", data
assert 3 <= waited < 15, waited       # the read timeout is 5 s
assert ok == [True] * 5, ok
print(f"slow client dropped after {waited:.1f} s; 5 other requests served meanwhile")
PY
stop_server

# ---- Ingest over HTTP with a token ----
export WITNESS_TOKEN=$token
start_server --max-body-mb 1
unset WITNESS_TOKEN
http GET /api/health
expect_eq "ingest is on with a token" True "$(pyjson 'j["ingest"]')"
cat >"$TMP/new.jsonl" <<'EOF'
{"id":"e2e-1","source":"test-outlet","title":"Ferry terminal opens in Velmora","published":"2025-03-20","text":"Velmora's new ferry terminal opened on Thursday. The terminal cost 40 million crowns, the city said."}
{"id":"e2e-2","source":"other-outlet","title":"Velmora opens ferry terminal","published":"2025-03-20","text":"The Velmora ferry terminal opened on Thursday at a cost of 40 million crowns, city officials said."}
not json at all
EOF
http POST /api/ingest --data-binary @"$TMP/new.jsonl" -H "Content-Type: application/x-ndjson"
expect_eq "no Authorization is 401" 401 "$code"
grep -qi '^www-authenticate: Bearer' "$TMP/headers" || fail "401 asks for a bearer token"
http POST /api/ingest --data-binary @"$TMP/new.jsonl" -H "Authorization: Bearer wrong-token-0123456789"
expect_eq "a wrong token is 401" 401 "$code"
http POST /api/ingest --data-binary @"$TMP/new.jsonl" -H "Authorization: Bearer $token"
expect_eq "ingest 200" 200 "$code"
expect_eq "2 added, 1 rejected at line 3" "2 1 3" "$(pyjson 'j["added"], j["rejected"], j["errors"][0]["line"]' | tr -d '(),')"
http GET /api/articles/e2e-1
expect_eq "the new article is served" 200 "$code"
expect_eq "it is in a story" True "$(pyjson 'j["story"] is not None')"
http GET /api/health
expect_eq "32 articles now" 32 "$(pyjson 'j["articles"]')"
head -c 1200000 /dev/zero | tr '\0' ' ' >"$TMP/big.jsonl"
http POST /api/ingest --data-binary @"$TMP/big.jsonl" -H "Authorization: Bearer $token"
expect_eq "a body over --max-body-mb is 413" 413 "$code"
http POST /api/ingest --data-binary 'hello' -H "Authorization: Bearer $token"
expect_eq "a body that is not JSON is 415" 415 "$code"
"$W" ls --db "$db" --source test-outlet >"$TMP/ls.out" 2>/dev/null
grep -q "Ferry terminal opens in Velmora" "$TMP/ls.out" || fail "witness ls sees what the server stored"

# ---- Shutdown ----
kill -TERM "$server_pid"
set +e
wait "$server_pid"
rc=$?
set -e
server_pid=""
expect_eq "SIGTERM stops the server with exit 0" 0 "$rc"
grep -q "stopped" "$TMP/serve.err" || fail "stop message"
finish
