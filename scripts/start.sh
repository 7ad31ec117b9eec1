#!/usr/bin/env bash
# `make start`: the demo on one machine. Frontend on :3000, backend on :7007,
# embedded SQLite, guest sign-in, the example organisation from examples/.
# Unless app-config.local.yaml configures bison.kubernetes, a local cluster
# (etcd, kube-apiserver, kube-controller-manager with the Capsule CRDs) is
# started from scratch and stopped again when the demo ends. Likewise, unless
# it configures bison.billing, a local Prometheus gets a day of example usage
# (scripts/demo/backfill-usage.mjs) for the billing engine, which
# scripts/seed-demo.mjs bills once the demo teams and projects exist.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

yarn install --immutable

# Absolute paths: yarn start resolves relative ones against each package's folder.
configs=(--config "$PWD/app-config.yaml")
local_config=app-config.local.yaml
[ ! -f "$local_config" ] || configs+=(--config "$PWD/$local_config")

# What the demo started is stopped again when it ends.
kube_dir=""
prometheus_dir=""
stop_demo() {
  [ -z "$prometheus_dir" ] || scripts/prometheus/stop.sh "$prometheus_dir" >/dev/null || true
  [ -z "$kube_dir" ] || scripts/kube/stop.sh "$kube_dir" >/dev/null || true
}
trap stop_demo EXIT

if [ -f "$local_config" ] && grep -Eq '^\s+kubernetes:' "$local_config"; then
  echo "demo: using the cluster configured in $local_config"
else
  kube_dir="${BISON_DEMO_CLUSTER_DIR:-$HOME/.cache/bison-for-backstage/demo-cluster}"
  # The demo database is in memory, so the cluster starts empty as well.
  scripts/kube/stop.sh "$kube_dir" >/dev/null 2>&1 || true
  rm -rf "$kube_dir/etcd"
  scripts/kube/start.sh "$kube_dir"
  node scripts/kube/prepare-demo.mjs "$kube_dir"
  configs+=(--config "$(cd "$kube_dir" && pwd)/app-config.kubernetes.yaml")
fi

if [ -f "$local_config" ] && grep -Eq '^\s+billing:' "$local_config"; then
  echo "demo: billing as configured in $local_config"
else
  prometheus_dir="${BISON_DEMO_PROMETHEUS_DIR:-$HOME/.cache/bison-for-backstage/demo-prometheus}"
  # Fresh data every time, like the in-memory database it is billed into.
  scripts/prometheus/stop.sh "$prometheus_dir" >/dev/null 2>&1 || true
  rm -rf "$prometheus_dir/data" "$prometheus_dir"/reload-anchor*
  scripts/prometheus/install.sh
  scripts/prometheus/start.sh "$prometheus_dir"
  node scripts/demo/backfill-usage.mjs "$prometheus_dir"
  configs+=(--config "$(cd "$prometheus_dir" && pwd)/app-config.billing.yaml")
fi

# The example teams appear once the backend and its catalog are up.
KUBECONFIG="${kube_dir:+$(cd "$kube_dir" && pwd)/kubeconfig}" node scripts/seed-demo.mjs &
yarn start "${configs[@]}"
