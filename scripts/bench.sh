#!/usr/bin/env bash
# `yarn bench`: the benchmarks on SQLite and a throw-away PostgreSQL cluster.
# Prints numbers; asserts nothing. Sizes can be changed through environment
# variables: BISON_BENCH_WRITES, BISON_BENCH_ENTRIES, BISON_BENCH_REQUESTS.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
scripts/system-deps.sh

run_dir="$(mktemp -d -t bison-bench.XXXXXX)"
chmod 755 "$run_dir"
trap 'scripts/postgres.sh stop "$run_dir/postgres"; rm -rf "$run_dir"' EXIT
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$(
  scripts/postgres.sh start "$run_dir/postgres" "${BISON_BENCH_PG_PORT:-55442}"
)"
export BACKSTAGE_TEST_DISABLE_DOCKER=1 BISON_REQUIRE_ALL_TEST_SERVICES=1 CI=true

yarn backstage-cli repo test --testMatch '**/src/**/*.bench.ts' --runInBand "$@"
