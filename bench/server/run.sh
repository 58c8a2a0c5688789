#!/usr/bin/env bash
# bench/server: collector throughput and latency on loopback, SQLite and PostgreSQL, plus
# GET /v1/stats over 1,000,000 stored reports. Prints real figures against the goals:
#   >= 2,000 reports/s on SQLite; p99 < 50 ms at 1,000 reports/s; server RSS < 100 MB;
#   GET /v1/stats over 1,000,000 reports < 300 ms.
# Usage: bench/server/run.sh [BUILD_DIR (default build/release)] [ROWS (default 1000000)]
# BENCH_PG=0 skips PostgreSQL, BENCH_STATS=0 the 1,000,000-row stats part.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/release}
rows=${2:-1000000}
apps=$build/apps loadgen=$build/bench/server/examready-loadgen bulkload=$build/bench/server/examready-bulkload
work=$(mktemp -d /tmp/exr-bench.XXXXXX)
chmod 755 "$work"   # the postgres user must reach its data directory
pids=()
PGBIN=/usr/lib/postgresql/15/bin
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ -d $work/pg/data ]]; then (cd "$work" && runuser -u postgres -- $PGBIN/pg_ctl -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1) || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
echo "machine: $(nproc) cores, $(uname -r); load average $(cut -d' ' -f1-3 /proc/loadavg)"

start_server() {  # DB_URL -> sets server_pid, port
  rm -f "$work/port"
  # The load generator is one client address: the per-client upload limits (120 at once, 1/s)
  # would measure themselves, so they are off here (bench/attack/run.sh keeps them on).
  "$apps/examready-server" --db "$1" --listen 127.0.0.1:0 --port-file "$work/port" --quiet \
    --client-report-burst 0 --client-stored-mb-per-hour 0 \
    2>>"$work/server.log" &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 400); do [[ -s $work/port ]] && break; sleep 0.05; done
  [[ -s $work/port ]] || { cat "$work/server.log"; exit 1; }
  port=$(cat "$work/port")
}
stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" || true
}
rss_mb() { awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$server_pid/status"; }

upload_bench() {  # LABEL DB_URL
  local label=$1
  start_server "$2"
  "$loadgen" --port "$port" --count 2000 --connections 8 >/dev/null   # warm-up
  echo "[$label] sustained, closed loop, 16 connections, 30000 distinct reports:"
  "$loadgen" --port "$port" --count 30000 --connections 16 --max-seconds 120 | sed 's/^/  /'
  echo "[$label] open loop at 1000 reports/s for 15 s:"
  "$loadgen" --port "$port" --count 15000 --rate 1000 --connections 24 --max-seconds 60 | sed 's/^/  /'
  echo "[$label] server peak RSS (VmHWM): $(rss_mb) MB"
  stop_server
}

upload_bench sqlite "sqlite:$work/bench.db"

pg_url=""
if [[ ${BENCH_PG:-1} != 1 ]]; then
  echo "[postgresql] skipped (BENCH_PG=0)"
elif [[ -x $PGBIN/initdb ]] && id postgres >/dev/null 2>&1; then
  mkdir -p "$work/pg" && chown postgres: "$work/pg"
  as_pg() { (cd "$work/pg" && runuser -u postgres -- "$@"); }
  as_pg $PGBIN/initdb -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  # Durable settings (fsync and synchronous_commit on): the figures are for a real deployment.
  as_pg $PGBIN/pg_ctl -D "$work/pg/data" -l "$work/pg/log" -w -o "-c listen_addresses='' -c port=5432 \
    -c unix_socket_directories=$work/pg -c max_connections=100 -c shared_buffers=128MB" start >/dev/null
  pg_url="postgresql:///postgres?host=$work/pg&port=5432&user=postgres"
  upload_bench postgresql "$pg_url"
else
  echo "[postgresql] skipped: no initdb or postgres user"
fi

stats_bench() {  # LABEL DB_URL ROWS
  local label=$1 count=$3
  echo "[$label] bulk-loading $count reports:"
  "$bulkload" --db "$2" --count "$count" --batch 20000 | sed 's/^/  /'
  start_server "$2"
  for by in brand model os_version rule; do
    times=()
    for _ in $(seq 20); do
      times+=("$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/v1/stats?by=$by")")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v by="$by" \
      '{ t[NR] = $1 * 1000 } END { printf "  [%s] GET /v1/stats?by=%s: median %.2f ms, max %.2f ms (20 requests)\n", label, by, t[int((NR + 1) / 2)], t[NR] }'
  done
  local t
  t=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/v1/stats?by=brand&format=csv")
  echo "  [$label] GET /v1/stats?by=brand&format=csv: $(awk -v t="$t" 'BEGIN { printf "%.2f", t * 1000 }') ms"
  echo "  [$label] stored: $(curl -s "http://127.0.0.1:$port/healthz")"
  stop_server
}
[[ ${BENCH_STATS:-1} == 1 ]] || exit 0
stats_bench sqlite "sqlite:$work/stats.db" "$rows"
if [[ -n $pg_url && ${BENCH_PG_STATS:-1} == 1 ]]; then
  (cd "$work/pg" && runuser -u postgres -- psql -X -q -h "$work/pg" -c "CREATE DATABASE stats") >/dev/null
  # PG_STATS_ROWS=N loads fewer rows (about 6,000 rows/s into PostgreSQL here).
  stats_bench postgresql "postgresql:///stats?host=$work/pg&port=5432&user=postgres" "${PG_STATS_ROWS:-$rows}"
fi
