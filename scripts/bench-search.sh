#!/usr/bin/env bash
# Reproduces the search figures of docs/benchmarks.md with one command:
#   1. a synthetic corpus of N policies (huiqi synth --seed 7)
#   2. ingest into a fresh SQLite data dir (time, peak RSS), then huiqi reindex
#      timed apart; sizes of the store and of the index
#   3. the request mix of scripts/bench-search-queries.txt over HTTP against
#      huiqi serve, one request at a time (huiqi bench http): RUNS runs with
#      every request distinct (--uncached), one run repeated (result cache);
#      the server's memory and CPU time per request
#   4. wrk, 64 connections on loopback, against a policy page, one search page
#      (repeated: cached) and 800 distinct search pages (scripts/bench-search-wrk.lua)
#   5. steps 2-4 again in PostgreSQL server mode (a throwaway database, dropped
#      at the end), unless HUIQI_BENCH_PG is empty
# Usage: scripts/bench-search.sh [N] [REPS] [RUNS]   (defaults 100000 20 3; RUNS*(REPS+3) <= 80)
# Environment:
#   HUIQI_BENCH_PG   PostgreSQL server URL without database
#                    (default postgres://postgres@127.0.0.1:5432; empty skips step 5)
#   PG_INGEST_LIMIT  stop the PostgreSQL ingest after this many seconds (SIGINT:
#                    what is stored stays), e.g. 1500; default no limit
#   WRK_DURATION     duration of each wrk run (default 20s)
#   BENCH_DATA       measure this SQLite data directory as it is (no synth,
#                    ingest or reindex); set HUIQI_BENCH_PG= to skip PostgreSQL
# Every line of figures is preceded by the machine's load (/proc/loadavg).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100000}"
reps="${2:-20}"
runs="${3:-3}"
pg="${HUIQI_BENCH_PG-postgres://postgres@127.0.0.1:5432}"
wrkd="${WRK_DURATION:-20s}"
queries="$PWD/scripts/bench-search-queries.txt"
port=18431
for tool in /usr/bin/time wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "bench-search.sh: needs $tool (apt-get install -y time wrk curl python3)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/huiqi-bench.XXXXXX)
server=""
db=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$db" ]; then psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS $db" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

load() { echo "[load $(cut -d' ' -f1-3 /proc/loadavg)]"; }
timed() { /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" "$@"; }

# start_server ARGS... starts huiqi serve and waits (at most 120 s) until it answers.
start_server() {
  "$work/huiqi" serve --addr "127.0.0.1:$port" "$@" >"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 240); do
    curl -sf "http://127.0.0.1:$port/api/v1/search?limit=1" >/dev/null && return 0
    sleep 0.5
  done
  echo "bench-search.sh: the server did not answer in 120 s" >&2
  cat "$work/serve.log" >&2
  exit 1
}

stop_server() {
  kill "$server"
  wait "$server" || true
  server=""
}

# measure ARGS...: the query mix RUNS times against a server without search
# caches, then, against one with them, the mix repeated and wrk on a policy
# page and a search page.
measure() {
  local base="http://127.0.0.1:$port"
  # Uncached: the embedded index's result and facet caches off
  # (HUIQI_SEARCH_CACHE=off) and every request distinct besides; then the
  # mix repeated, as the caches serve it.
  HUIQI_SEARCH_CACHE=off start_server "$@"
  for i in $(seq "$runs"); do
    echo "-- query mix uncached, run $i of $runs, $reps rounds $(load)"
    "$work/huiqi" bench http --uncached --first-round $(( (i - 1) * (reps + 3) )) --base "$base" --queries "$queries" --warmup 3 --reps "$reps" --pid "$server"
  done
  stop_server
  start_server "$@"
  echo "-- query mix repeated (cached), $reps rounds $(load)"
  "$work/huiqi" bench http --base "$base" --queries "$queries" --warmup 3 --reps "$reps" --pid "$server"
  local id search
  id=$(curl -sf "$base/api/v1/search?q=%E8%A1%A5%E5%8A%A9&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])')
  search="/search?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote_plus("孵化器 补助"))')"
  for path in "/policies/$id" "$search"; do
    echo "-- wrk -t2 -c64 -d$wrkd $path $(load)"
    wrk -t2 -c64 -d"$wrkd" --latency "$base$path" | grep -E 'Requests/sec|^ +(50|99)%|Non-2xx|Socket errors'
  done
  echo "-- wrk -t2 -c64 -d$wrkd, 800 distinct search pages (scripts/bench-search-wrk.lua) $(load)"
  wrk -t2 -c64 -d"$wrkd" --latency -s scripts/bench-search-wrk.lua "$base" | grep -E 'Requests/sec|^ +(50|99)%|Non-2xx|Socket errors'
  echo "-- server memory after wrk: $(grep -E 'VmHWM|VmRSS' "/proc/$server/status" | tr -s ' \t\n' ' ')"
  stop_server
}

go build -o "$work/huiqi" ./cmd/huiqi
echo "== machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), $(free -g | awk '/Mem/{print $2}') GB"
data="$work/data"
if [ -n "${BENCH_DATA:-}" ]; then
  data="$BENCH_DATA"
  echo "== SQLite: the data directory $data as it is (BENCH_DATA); no corpus, ingest or reindex"
  du -sh "$data/huiqi.db" "$data/index"
else
  echo "== synthetic corpus of $n policies $(load)"
  "$work/huiqi" synth --docs "$n" --seed 7 --out "$work/corpus.jsonl"
  echo "== SQLite: ingest $(load)"
  timed "$work/huiqi" ingest --quiet --data "$data" "$work/corpus.jsonl"
  du -sh "$data/huiqi.db" "$data/index"
  echo "== SQLite: reindex $(load)"
  timed "$work/huiqi" reindex --quiet --data "$data"
  du -sh "$data/huiqi.db" "$data/index"
fi
echo "== SQLite: serve"
measure --data "$data"

if [ -n "$pg" ]; then
  db="huiqi_bench_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
  psql "$pg/postgres" -qc "CREATE DATABASE $db"
  url="$pg/$db?sslmode=disable"
  echo "== PostgreSQL ($db): ingest $(load)"
  limit=()
  if [ -n "${PG_INGEST_LIMIT:-}" ]; then limit=(timeout -s INT "$PG_INGEST_LIMIT"); fi
  timed "${limit[@]}" "$work/huiqi" ingest --quiet --db "$url" "$work/corpus.jsonl" || echo "(ingest stopped or failed; what is stored is measured)"
  psql "$url" -tAc "SELECT 'policies stored: ' || count(*) FROM policies"
  psql "$url" -tAc "SELECT 'database size: ' || pg_size_pretty(pg_database_size(current_database()))"
  echo "== PostgreSQL: serve"
  measure --db "$url"
fi
