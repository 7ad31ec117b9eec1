#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing:
# PostgreSQL (database tests), Chromium (end-to-end tests) and Prometheus
# (usage-source tests and the demo), and poppler-utils (pdftotext reads the
# statement PDFs back in their tests).
set -euo pipefail

missing=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/pdftotext ] || missing+=(poppler-utils)

if [ ${#missing[@]} -gt 0 ]; then
  echo "system-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

"$(dirname "$0")/prometheus/install.sh"
