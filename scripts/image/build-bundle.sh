#!/usr/bin/env bash
# Builds what packages/backend/Dockerfile copies into the image: the backend
# bundle with the app it serves (packages/backend/dist/bundle.tar.gz) and the
# package skeleton its production install needs (skeleton.tar.gz), and checks
# that both hold what the image runs.
#   scripts/image/build-bundle.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
yarn build:backend
dist=packages/backend/dist
bundle=$(tar tzf "$dist/bundle.tar.gz")
skeleton=$(tar tzf "$dist/skeleton.tar.gz")
for entry in packages/backend/dist/index.cjs.js packages/app/dist/index.html \
  plugins/bison-backend/dist/index.cjs.js; do
  grep -qx "$entry" <<<"$bundle" || { echo "bundle: $entry is missing" >&2; exit 1; }
done
grep -qx packages/backend/package.json <<<"$skeleton" ||
  { echo "skeleton: packages/backend/package.json is missing" >&2; exit 1; }
echo "bundle: $(du -h "$dist/bundle.tar.gz" | cut -f1) in $dist/bundle.tar.gz, skeleton in $dist/skeleton.tar.gz"
