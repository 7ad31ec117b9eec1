#!/usr/bin/env bash
# Stops what start.sh <run-dir> started, by its pid files; keeps the data, certificates and logs.
# Capsule first: it is frozen, its webhook configurations are deleted (else no namespace could be
# created or deleted on this cluster afterwards), then it is stopped.
#   scripts/kube/stop.sh <run-dir>
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/capsule.sh"
[ $# -eq 1 ] || { echo "usage: $0 <run-dir>" >&2; exit 2; }
run=$1

# True while <pid> still runs the binary <name>: guards against reused pids, and a zombie counts as gone.
runs() {
  local exe
  exe=$(readlink "/proc/$1/exe" 2>/dev/null) && [ "$(basename "${exe% (deleted)}")" = "$2" ]
}
stop() { # <pid> <name>
  kill "$1" 2>/dev/null || true
  kill -CONT "$1" 2>/dev/null || true # in case it was frozen
  for _ in $(seq 100); do runs "$1" "$2" || break; sleep 0.1; done
  if runs "$1" "$2"; then kill -9 "$1"; fi
  echo "kube: stopped $2 ($1)"
}
delete_capsule_webhooks() { # quietly skipped when the API server is not there
  local server token
  [ -f "$run/kubeconfig" ] && [ -f "$run/pki/ca.crt" ] || return 0
  server=$(sed -n 's/^[[:space:]]*server: //p' "$run/kubeconfig")
  token=$(sed -n 's/^[[:space:]]*token: //p' "$run/kubeconfig")
  if [ -n "$server" ] && curl -sf --max-time 5 -o /dev/null --cacert "$run/pki/ca.crt" -H "Authorization: Bearer $token" "$server/livez"; then
    capsule_delete_webhooks "$server" "$run/pki/ca.crt" "$token" || true
  fi
}

if [ -f "$run/capsule.pid" ]; then
  pid=$(cat "$run/capsule.pid")
  if runs "$pid" capsule; then
    kill -STOP "$pid" 2>/dev/null || true # else it would recreate what it watches
    delete_capsule_webhooks
    stop "$pid" capsule
  fi
  delete_capsule_webhooks # also when Capsule had died, or recreated them on its way out
  rm -f "$run/capsule.pid"
fi
for name in kube-controller-manager kube-apiserver etcd; do
  [ -f "$run/$name.pid" ] || continue
  pid=$(cat "$run/$name.pid")
  if runs "$pid" "$name"; then stop "$pid" "$name"; fi
  rm -f "$run/$name.pid"
done
