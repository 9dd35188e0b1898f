#!/usr/bin/env bash
# Load test of `witness serve` with wrk: requests for the biggest story's page of the sample
# corpus (examples/corpus), in four phases: a quiet database, then while `witness ingest` adds
# INGEST_ARTICLES synthetic articles to the same database from another process; each without
# and with "Accept-Encoding: gzip" (what browsers send).
#
#   bench/serve_load.sh [BUILD_DIR]        (default build/release)
#   DURATION=20 CONNECTIONS=32 WRK_THREADS=2 SERVER_CPUS=0,1 INGEST_ARTICLES=4000 \
#     INGEST_NICE=10 SERVER_ARGS="--cache-mb 0" bench/serve_load.sh
#
# SERVER_CPUS pins the server (taskset) to those cores; wrk and the ingest run unpinned, the
# ingest at nice INGEST_NICE (default 0). Prints wrk's report for each phase and one summary
# line per phase: requests/s, p99 latency, and the server's CPU time per request (user + system,
# from /proc: the figure that does not depend on what else the machine runs). Needs wrk
# (apt-get install wrk), curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
W=$PWD/$build/witness
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
SERVER_CPUS=${SERVER_CPUS:-}
INGEST_ARTICLES=${INGEST_ARTICLES:-4000}
INGEST_NICE=${INGEST_NICE:-0}
SERVER_ARGS=${SERVER_ARGS:-}  # more `witness serve` options, e.g. "--cache-mb 0"
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "serve_load: $tool is not installed" >&2; exit 2; }
done
[ -x "$W" ] || { echo "serve_load: no $W (build it first)" >&2; exit 2; }

TMP=$(mktemp -d)
server_pid=""
ingest_pid=""
cleanup() {
  [ -n "$ingest_pid" ] && kill "$ingest_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

db=$TMP/w.db
"$W" ingest --db "$db" -q examples/corpus

# Articles for the concurrent ingest: synthetic events, each reported by several outlets over a
# few days, with enough distinct words that they form many stories.
for part in a b; do
python3 - "$TMP/more-$part.jsonl" "$INGEST_ARTICLES" "$part" <<'PY'
import json, random, sys
out, n, part = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rng = random.Random(7 if part == "a" else 8)
syll = ["ka", "lo", "ven", "tar", "mi", "sel", "dor", "ra", "qui", "bel", "sto", "ne", "gar", "li", "pon", "ur"]
def name(k):
    return "".join(rng.choice(syll) for _ in range(k)).capitalize()
common = ("the a of and to in said on for with at by from that was were will has have after "
          "officials minister police city council report government people week day").split()
with open(out, "w") as f:
    event = 0
    i = 0
    while i < n:
        event += 1
        place, person, org = name(3), name(2) + " " + name(3), name(2) + " Authority"
        topic = [name(2).lower() for _ in range(12)]
        day = 1 + (event // 40) % 27
        for k in range(rng.randint(3, 12)):
            if i >= n:
                break
            body = []
            for p in range(6):
                sent = [rng.choice(topic) if rng.random() < 0.35 else rng.choice(common) for _ in range(rng.randint(12, 25))]
                sent.insert(rng.randint(0, 5), place)
                if rng.random() < 0.5:
                    sent.insert(rng.randint(0, 8), person)
                body.append(" ".join(sent).capitalize() + f", {org.split()[0]} {rng.choice(['said', 'told reporters'])}.")
            f.write(json.dumps({
                "id": f"load-{part}-{i}", "source": f"outlet-{rng.randint(1, 40)}",
                "title": f"{place} {topic[0]} {topic[1]} {rng.choice(['update', 'latest', 'report'])}",
                "published": f"2025-04-{day:02d}T{rng.randint(0, 23):02d}:00:00Z",
                "text": "\n\n".join(body)}) + "\n")
            i += 1
PY
done

pin=()
[ -n "$SERVER_CPUS" ] && pin=(taskset -c "$SERVER_CPUS")
# shellcheck disable=SC2086
"${pin[@]}" "$W" serve --db "$db" --port 0 --threads $((CONNECTIONS + 8)) $SERVER_ARGS \
  >"$TMP/serve.out" 2>"$TMP/serve.err" &
server_pid=$!
base=""
for _ in $(seq 1 200); do
  base=$(sed -n 's/.* on \(http:[^ ]*\) .*/\1/p' "$TMP/serve.out")
  [ -n "$base" ] && break
  sleep 0.05
done
[ -n "$base" ] || { echo "serve_load: the server did not start: $(cat "$TMP/serve.err")" >&2; exit 1; }
story=$(curl -s "$base/api/stories?min=10&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"][0]["id"])')
url="$base/api/stories/$story"
bytes=$(curl -s "$url" | wc -c)
echo "server: $base (pid $server_pid${SERVER_CPUS:+, cpus $SERVER_CPUS}); story page $url: $bytes bytes"
echo "wrk: $WRK_THREADS threads, $CONNECTIONS connections, ${DURATION}s per phase; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# CPU seconds the server has used (user + system), from /proc.
server_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / hz}' "/proc/$server_pid/stat"
}
summary() {  # summary PHASE: requests/s, p99, and the server's CPU time per request
  local rps p99 requests cpu
  rps=$(awk '/^Requests\/sec/ {print $2}' "$TMP/$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$TMP/$1.txt")
  requests=$(awk '/requests in/ {print $1}' "$TMP/$1.txt")
  cpu=$(cat "$TMP/$1.cpu")
  printf 'RESULT %-12s requests/s %10s   p99 %8s   server CPU %6.1f us/request\n' "$1" "$rps" "$p99" \
    "$(awk -v c="$cpu" -v n="$requests" 'BEGIN {print 1e6 * c / n}')"
}

curl -s "$url" >/dev/null
gzip_header=(-H "Accept-Encoding: gzip")
phase() {  # phase NAME INGEST_FILE|"" [wrk args...]
  local name=$1 file=$2
  shift 2
  echo "== $name"
  if [ -n "$file" ]; then
    nice -n "$INGEST_NICE" "$W" ingest --db "$db" -q --batch 64 "$file" >"$TMP/ingest.out" 2>&1 &
    ingest_pid=$!
  fi
  local cpu0
  cpu0=$(server_cpu)
  wrk -t "$WRK_THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --latency "$@" "$url" | tee "$TMP/$name.txt"
  awk -v a="$cpu0" -v b="$(server_cpu)" 'BEGIN {print b - a}' >"$TMP/$name.cpu"
  if [ -n "$file" ]; then
    if kill -0 "$ingest_pid" 2>/dev/null; then
      echo "(the ingest was still running when the phase ended)"
    else
      echo "(the ingest finished during the phase)"
    fi
    wait "$ingest_pid" || true
    ingest_pid=""
    curl -s "$base/api/health" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["articles"], "articles stored; cache:", j["cache"])'
  fi
}
phase quiet ""
phase quiet-gzip "" "${gzip_header[@]}"
phase ingest "$TMP/more-a.jsonl"
phase ingest-gzip "$TMP/more-b.jsonl" "${gzip_header[@]}"

echo "== summary (story page: $bytes bytes, $(curl -s -H 'Accept-Encoding: gzip' "$url" | wc -c) gzip-compressed)"
for name in quiet quiet-gzip ingest ingest-gzip; do summary "$name"; done
