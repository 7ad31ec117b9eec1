#!/usr/bin/env bash
# `make test`: everything CI checks, on a fresh machine or a warm one.
#   type-check, lint, prettier, unit and database tests (SQLite and a real
#   PostgreSQL), integration tests against a real kube-apiserver and a real
#   Prometheus, then the end-to-end tests in headless Chromium against the
#   built app. Ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

export CI="${CI:-true}"
# Never fall back to testcontainers: there is no Docker engine to use.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BISON_REQUIRE_ALL_TEST_SERVICES=1

results_dir="$PWD/test-results"
rm -rf "$results_dir" && mkdir -p "$results_dir"
run_dir="$(mktemp -d -t bison-test.XXXXXX)"
chmod 755 "$run_dir" # the PostgreSQL cluster inside runs as the postgres user
steps=()
failed_steps=0

# Quiet, so that the summary stays the last line of the output.
cleanup() {
  {
    scripts/e2e-backend.sh stop "$run_dir"
    [ ! -d "$run_dir/kube" ] || scripts/kube/stop.sh "$run_dir/kube"
    [ ! -d "$run_dir/prometheus" ] || scripts/prometheus/stop.sh "$run_dir/prometheus"
    scripts/postgres.sh stop "$run_dir/postgres"
  } >/dev/null 2>&1 || true
  rm -rf "$run_dir"
}
trap cleanup EXIT

step() {
  local name="$1"
  shift
  local start=$SECONDS
  echo "==> $name"
  if "$@"; then
    steps+=("ok    $name ($((SECONDS - start)) s)")
  else
    steps+=("FAIL  $name ($((SECONDS - start)) s)")
    failed_steps=$((failed_steps + 1))
  fi
}

step "system packages (PostgreSQL, Chromium, Prometheus)" scripts/system-deps.sh
step "yarn install" yarn install --immutable
step "type-check" yarn tsc
step "lint" yarn lint:all
step "prettier" yarn prettier:check

start_postgres() {
  local url
  url="$(scripts/postgres.sh start "$run_dir/postgres")" || return 1
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$url"
}
step "start PostgreSQL" start_postgres

# Built from the Go module proxy on first use (about 7 minutes), then cached.
start_kubernetes() {
  scripts/kube/start.sh "$run_dir/kube" || return 1
  source "$run_dir/kube/env"
  # Example nodes and the backend's ServiceAccount, for the e2e backend.
  node scripts/kube/prepare-demo.mjs "$run_dir/kube"
}
step "start Kubernetes (etcd, kube-apiserver, kube-controller-manager, Capsule)" start_kubernetes
# Empty but for what the tests backfill; the Jest global setup reuses it through these variables.
start_prometheus() {
  scripts/prometheus/start.sh "$run_dir/prometheus" || return 1
  source "$run_dir/prometheus/env" # BISON_PROMETHEUS_URL, BISON_PROMETHEUS_RUN_DIR
}
step "start Prometheus" start_prometheus
# For the chart's test (lint, template, server-side dry run); built from the Go
# module proxy on first use (about 5 minutes), then cached.
step "build Helm" scripts/helm/build.sh
step "unit and database tests" yarn backstage-cli repo test --json --outputFile="$results_dir/jest.json"
# The production bundle of packages/backend/Dockerfile, which includes the app
# the end-to-end tests drive.
step "build backend bundle and app" scripts/image/build-bundle.sh
# A day of example usage under its own cluster label, billed by the e2e
# backend once the Playwright global setup (scripts/seed-demo.mjs) has seeded.
step "backfill demo usage" node scripts/demo/backfill-usage.mjs "$run_dir/prometheus"
step "start backend for e2e" scripts/e2e-backend.sh start "$run_dir"
step "end-to-end tests" yarn test:e2e

echo
echo "Steps:"
printf '  %s\n' "${steps[@]}"
node scripts/test-summary.mjs "$results_dir" "$failed_steps"
