#!/usr/bin/env bash
# Backfills OpenMetrics text files into the Prometheus of <run-dir> (see start.sh) and, when it runs,
# makes it load the new blocks before returning.
#   scripts/prometheus/backfill.sh <run-dir> <file.om>...
#
# promtool writes the blocks straight into the server's data directory (each block under a temporary
# name, renamed when complete, so the server never sees half a block). A running Prometheus loads new
# blocks only at its periodic reload, once a minute; to load them at once, this deletes the never-used
# middle of the anchor series start.sh created (a tombstone) and cleans tombstones: rewriting the
# anchor's block reloads all blocks. Without the anchor (or the admin API), it waits for the periodic
# reload (prometheus_tsdb_reloads_total). Fails if reloading failed (prometheus_tsdb_reloads_failures_total).
#
# promtool's rules apply: timestamps in seconds, each series' samples in time order, the families of
# metric one after the other, '# EOF' at the end. Blocks may overlap each other and the head (2.39+).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 <run-dir> <file.om>..." >&2; exit 2; }
run="$(cd "$1" && pwd)"
shift
data="$run/data"
[ -d "$data" ] || { echo "prometheus: no data directory in $run (start.sh creates it)" >&2; exit 1; }

url=""
pid=$(cat "$run/prometheus.pid" 2>/dev/null || true)
if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ -f "$run/env" ]; then
  url=$(sed -n "s/^export BISON_PROMETHEUS_URL=//p" "$run/env")
fi
metric() { curl -sf "$url/metrics" | awk -v name="$1" '$1 == name { print $2 }'; }
if [ -n "$url" ]; then
  failures_before=$(metric prometheus_tsdb_reloads_failures_total)
fi

for file in "$@"; do
  promtool tsdb create-blocks-from openmetrics "$file" "$data" >>"$run/logs/promtool.log" 2>&1 || {
    tail -n 5 "$run/logs/promtool.log" >&2
    echo "prometheus: promtool could not backfill $file" >&2
    exit 1
  }
done
[ -n "$url" ] || exit 0

check_failures() {
  if [ "$(metric prometheus_tsdb_reloads_failures_total)" != "$failures_before" ]; then
    tail -n 5 "$run/logs/prometheus.log" >&2
    echo "prometheus: reloading the TSDB failed after the backfill" >&2
    exit 1
  fi
}
# Both calls are synchronous and serialised by the TSDB: when clean_tombstones returns, a reload that
# started after promtool finished has completed (ours, or a concurrent backfill's that cleaned our tombstone).
reloads_before=$(metric prometheus_tsdb_reloads_total)
if [ -f "$run/reload-anchor" ]; then
  anchor=$(cat "$run/reload-anchor")
  if curl -sf -X POST -g "$url/api/v1/admin/tsdb/delete_series?match[]=bison_reload_anchor&start=$((anchor + 1))&end=$((anchor + 59))" >/dev/null &&
    curl -sf -X POST "$url/api/v1/admin/tsdb/clean_tombstones" >/dev/null &&
    [ "$(metric prometheus_tsdb_reloads_total)" != "$reloads_before" ]; then
    check_failures
    exit 0
  fi
fi
echo "prometheus: could not force a reload; waiting for the periodic one (a minute or two)" >&2
# Two more: the first may have been under way (listing the blocks) before promtool finished.
for _ in $(seq 1500); do
  reloads=$(metric prometheus_tsdb_reloads_total)
  if [ "${reloads%.*}" -ge "$((${reloads_before%.*} + 2))" ]; then
    check_failures
    exit 0
  fi
  sleep 0.1
done
echo "prometheus: the server did not reload its blocks within 150 s" >&2
exit 1
