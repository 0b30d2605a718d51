#!/usr/bin/env bash
# Reproduces the figures reported for extraction and ingest:
#   1. extraction throughput on one core over ../shared/corpus (go test -bench, 3 runs)
#   2. wall time and peak memory of ingesting ../shared/corpus (3 runs)
#   3. peak memory and throughput of ingesting a synthetic corpus (SIZE, default 1GB)
# Usage: scripts/bench.sh [SIZE]   (e.g. scripts/bench.sh 200MB for a quick run)
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-1GB}"
corpus=../shared/corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { echo "bench.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

go build -o "$work/huiqi" ./cmd/huiqi
echo "== extraction, one core, shared corpus"
go test ./extract -run '^$' -bench ExtractSharedCorpus -benchtime 3x -cpu 1 -count 3 | grep Benchmark

echo "== ingest of the shared corpus"
for i in 1 2 3; do
  rm -rf "$work/data"
  /usr/bin/time -f "wall %e s, peak RSS %M KB" "$work/huiqi" ingest --quiet --data "$work/data" "$corpus" | tail -1
done

echo "== synthetic corpus of $size"
"$work/huiqi" synth --size "$size" --seed 42 --out "$work/synth.jsonl"
rm -rf "$work/data"
/usr/bin/time -f "wall %e s, user %U s, peak RSS %M KB" "$work/huiqi" ingest --quiet --data "$work/data" "$work/synth.jsonl" | tail -2
du -sh "$work/data"
