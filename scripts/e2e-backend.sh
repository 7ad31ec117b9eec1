#!/usr/bin/env bash
# Starts (or stops) the demo backend serving the built app on :7007 for the
# end-to-end tests, and waits until it answers.
#   scripts/e2e-backend.sh start|stop <run-dir>
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
action="$1"
run_dir="$2"
pid_file="$run_dir/backend.pid"
log_file="$run_dir/backend.log"

case "$action" in
  start)
    configs=(--config ../../app-config.yaml --config ../../app-config.e2e.yaml)
    # The cluster make test started, prepared by scripts/kube/prepare-demo.mjs.
    kube_config="$(cd "$run_dir" && pwd)/kube/app-config.kubernetes.yaml"
    [ ! -f "$kube_config" ] || configs+=(--config "$kube_config")
    # The demo usage make test backfilled into its Prometheus, by scripts/demo/backfill-usage.mjs.
    billing_config="$(cd "$run_dir" && pwd)/prometheus/app-config.billing.yaml"
    [ ! -f "$billing_config" ] || configs+=(--config "$billing_config")
    (
      cd packages/backend
      setsid yarn start "${configs[@]}" >"$log_file" 2>&1 &
      echo $! >"$pid_file"
    )
    for _ in $(seq 1 180); do
      if curl -fsS http://localhost:7007/api/bison/health >/dev/null 2>&1 &&
        curl -fsS http://localhost:7007/ >/dev/null 2>&1; then
        exit 0
      fi
      if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then break; fi
      sleep 1
    done
    echo "backend did not come up; last lines of its log:" >&2
    tail -n 40 "$log_file" >&2
    exit 1
    ;;
  stop)
    if [ -f "$pid_file" ]; then
      kill -- -"$(cat "$pid_file")" 2>/dev/null || true
      rm -f "$pid_file"
    fi
    ;;
esac
