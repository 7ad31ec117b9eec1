#!/usr/bin/env bash
# Starts a throw-away Prometheus (the Debian package's binary, see install.sh) for the tests: on a
# loopback port, with no scrape targets (the tests backfill their data, see backfill.sh), its TSDB in
# <run-dir>/data, and writes <run-dir>/env and <run-dir>/prometheus.pid.
#   scripts/prometheus/start.sh <run-dir>   then: source <run-dir>/env;   stop: scripts/prometheus/stop.sh <run-dir>
# Port override: BISON_PROMETHEUS_PORT (59090). A kept run-dir is restarted with its data.
#
# Flags that matter to the tests:
#   --query.lookback-delta=5m          Prometheus' default, pinned: a series that just ends (backfilled data
#                                      has no staleness markers) stays visible for 5 more minutes.
#   --storage.tsdb.retention.time=3650d backfilled blocks are hours to days old; never let retention drop them.
#   --web.enable-admin-api             backfill.sh forces a TSDB reload through it (loopback only).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -eq 1 ] || { echo "usage: $0 <run-dir>" >&2; exit 2; }
mkdir -p "$1/data" "$1/logs" && run="$(cd "$1" && pwd)"
port=${BISON_PROMETHEUS_PORT:-59090}
url="http://127.0.0.1:$port"
for tool in prometheus promtool; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "prometheus: $tool not found; install it with scripts/prometheus/install.sh (Debian package prometheus)" >&2
    exit 1
  }
done

alive() { local pid; pid=$(cat "$run/prometheus.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null; }
if alive; then echo "prometheus: already runs for $run (stop.sh first)" >&2; exit 1; fi
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "prometheus: port $port is in use" >&2; exit 1; fi
trap 'if [ $? -ne 0 ]; then tail -n 15 "$run/logs/prometheus.log" >&2 2>/dev/null; "$here/stop.sh" "$run"; fi' EXIT

cat >"$run/prometheus.yml" <<'YAML'
# Test server: nothing is scraped, all data is backfilled (scripts/prometheus/backfill.sh).
global:
  evaluation_interval: 1m
scrape_configs: []
YAML

# A tiny block whose only series backfill.sh deletes a never-existing part of, to make the running
# server reload its blocks at once instead of at its next periodic reload (up to a minute later).
if [ ! -f "$run/reload-anchor" ]; then
  anchor=$(( ($(date +%s) / 3600 - 48) * 3600 ))
  printf '# TYPE bison_reload_anchor gauge\nbison_reload_anchor 1 %s\nbison_reload_anchor 1 %s\n# EOF\n' \
    "$anchor" "$((anchor + 60))" >"$run/reload-anchor.om"
  promtool tsdb create-blocks-from openmetrics "$run/reload-anchor.om" "$run/data" >"$run/logs/promtool.log"
  echo "$anchor" >"$run/reload-anchor"
fi

start=$SECONDS
# setsid: the server must survive a Ctrl-C or hang-up aimed at the shell that ran this script.
setsid prometheus --config.file="$run/prometheus.yml" --storage.tsdb.path="$run/data" \
  --storage.tsdb.retention.time=3650d --web.listen-address="127.0.0.1:$port" --web.enable-admin-api \
  --query.lookback-delta=5m --log.level=warn </dev/null >"$run/logs/prometheus.log" 2>&1 &
echo $! >"$run/prometheus.pid"
for _ in $(seq 240); do
  if curl -sf "$url/-/ready" >/dev/null 2>&1; then break; fi
  alive || { echo "prometheus: exited while starting" >&2; exit 1; }
  sleep 0.25
done
curl -sf "$url/-/ready" >/dev/null 2>&1 || { echo "prometheus: timed out waiting for $url/-/ready" >&2; exit 1; }

{
  printf 'export BISON_PROMETHEUS_URL=%q\n' "$url"
  printf 'export BISON_PROMETHEUS_RUN_DIR=%q\n' "$run"
} >"$run/env"
echo "prometheus: ready at $url in $((SECONDS - start))s ($(prometheus --version 2>&1 | head -n 1 | cut -d' ' -f3)); source $run/env"
