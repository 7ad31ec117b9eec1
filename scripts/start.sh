#!/usr/bin/env bash
# `make start`: the demo on one machine. Frontend on :3000, backend on :7007,
# embedded SQLite, guest sign-in, the example organisation from examples/.
# Unless app-config.local.yaml configures bison.kubernetes, a local cluster
# (etcd, kube-apiserver, kube-controller-manager with the Capsule CRDs) is
# started from scratch and stopped again when the demo ends.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

yarn install --immutable

configs=(--config app-config.yaml)
local_config=app-config.local.yaml
[ ! -f "$local_config" ] || configs+=(--config "$local_config")

if [ -f "$local_config" ] && grep -Eq '^\s+kubernetes:' "$local_config"; then
  echo "demo: using the cluster configured in $local_config"
else
  kube_dir="${BISON_DEMO_CLUSTER_DIR:-$HOME/.cache/bison-for-backstage/demo-cluster}"
  # The demo database is in memory, so the cluster starts empty as well.
  scripts/kube/stop.sh "$kube_dir" >/dev/null 2>&1 || true
  rm -rf "$kube_dir/etcd"
  scripts/kube/start.sh "$kube_dir"
  trap 'scripts/kube/stop.sh "$kube_dir" >/dev/null' EXIT
  node scripts/kube/prepare-demo.mjs "$kube_dir"
  configs+=(--config "$kube_dir/app-config.kubernetes.yaml")
fi

# The example teams appear once the backend and its catalog are up.
node scripts/seed-demo.mjs &
yarn start "${configs[@]}"
