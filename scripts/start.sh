#!/usr/bin/env bash
# `make start`: the demo on one machine. Frontend on :3000, backend on :7007,
# embedded SQLite, guest sign-in, the example organisation from examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

yarn install --immutable
# The example teams appear once the backend and its catalog are up.
node scripts/seed-demo.mjs &
exec yarn start
