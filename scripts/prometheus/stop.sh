#!/usr/bin/env bash
# Stops what start.sh <run-dir> started, by its pid file; keeps the data and logs.
#   scripts/prometheus/stop.sh <run-dir>
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 <run-dir>" >&2; exit 2; }
run=$1
[ -f "$run/prometheus.pid" ] || exit 0
pid=$(cat "$run/prometheus.pid")
# True while <pid> still runs prometheus: guards against reused pids, and a zombie counts as gone.
runs() {
  local exe
  exe=$(readlink "/proc/$pid/exe" 2>/dev/null) && [ "$(basename "${exe% (deleted)}")" = prometheus ]
}
if runs; then
  kill "$pid" # SIGTERM: Prometheus shuts down cleanly (closes the TSDB)
  for _ in $(seq 150); do runs || break; sleep 0.1; done
  if runs; then kill -9 "$pid"; fi
  echo "prometheus: stopped ($pid)"
fi
rm -f "$run/prometheus.pid"
