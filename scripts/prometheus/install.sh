#!/usr/bin/env bash
# Installs Prometheus and promtool (the Debian package `prometheus`) when missing, for the tests that
# query a real Prometheus. The tests run their own server (start.sh: loopback port, throw-away data
# directory), so the package's own service must not run: a policy-rc.d keeps apt from starting it,
# and where systemd runs the unit is disabled as well.
set -euo pipefail

if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then
  exit 0
fi
echo "prometheus: installing the Debian package prometheus" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  # Exit status 101: "action forbidden", honoured by invoke-rc.d and deb-systemd-invoke.
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod 755 "$policy"
  trap '$SUDO rm -f "$policy"' EXIT
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends prometheus >/dev/null
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  $SUDO systemctl disable --now prometheus.service >/dev/null 2>&1 || true
fi
