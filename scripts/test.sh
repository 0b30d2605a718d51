#!/usr/bin/env bash
# Runs every test of the project: vet, a CGO-free build, and the whole test suite
# against real parts (SQLite files, the PostgreSQL server at 127.0.0.1:5432,
# NATS JetStream at 127.0.0.1:4222, headless Chromium).
# It installs or starts what the tests need, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

# PostgreSQL: the store suite runs against it. Start the local cluster if it is
# installed but stopped; install it from Debian's packages if missing.
pg_ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
if ! command -v pg_isready >/dev/null 2>&1 || ! pg_ready; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "test.sh: installing postgresql" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 || true
  fi
  for v in $(ls /etc/postgresql 2>/dev/null); do
    pg_ctlcluster --skip-systemctl-redirect "$v" main start 2>/dev/null || true
  done
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
fi

# NATS with JetStream: the batch-matching jobs run on it (natsjobs). Start a
# server on 127.0.0.1:4222 if none answers; install it if missing.
nats_ready() { (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null; }
if ! nats_ready; then
  if ! command -v nats-server >/dev/null 2>&1; then
    echo "test.sh: installing nats-server" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server) >&2 || true
  fi
  if command -v nats-server >/dev/null 2>&1; then
    mkdir -p /tmp/huiqi-nats
    nohup nats-server -a 127.0.0.1 -p 4222 -js -sd /tmp/huiqi-nats >/tmp/huiqi-nats.log 2>&1 &
    for _ in $(seq 1 30); do nats_ready && break; sleep 1; done
  fi
fi

# pdftotext (poppler-utils) decodes PDFs; the decode tests read real PDFs.
if ! command -v pdftotext >/dev/null 2>&1; then
  echo "test.sh: installing poppler-utils" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils) >&2 || true
fi

# Headless Chromium drives the portal's browser tests; without a CJK font its
# screenshots show boxes instead of Chinese.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy"; then
  echo "test.sh: installing chromium and fonts-wqy-microhei" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei) >&2 || true
fi

export CI="${CI:-}"
echo "== go vet"
go vet ./...
echo "== CGO_ENABLED=0 go build"
CGO_ENABLED=0 go build -o /dev/null ./cmd/huiqi
echo "== go test"
CGO_ENABLED=0 go test -count=1 -timeout 20m ./... 2>&1 | tee /tmp/huiqi-test.out
# go test's own exit status is lost in the pipe: read it from the output.
if grep -qE '^(FAIL|--- FAIL|panic:)' /tmp/huiqi-test.out; then
  echo "test.sh: tests failed" >&2
  exit 1
fi
passed=$(grep -cE '^ok ' /tmp/huiqi-test.out || true)
failed=$(grep -cE '^FAIL\s' /tmp/huiqi-test.out || true)
echo "packages: $passed passed, $failed failed"
