#!/usr/bin/env bash
# Stops what start.sh <run-dir> started, by its pid files; keeps the data, certificates and logs.
#   scripts/kube/stop.sh <run-dir>
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 <run-dir>" >&2; exit 2; }
run=$1

# True while <pid> still runs the binary <name>: guards against reused pids, and a zombie counts as gone.
runs() {
  local exe
  exe=$(readlink "/proc/$1/exe" 2>/dev/null) && [ "$(basename "${exe% (deleted)}")" = "$2" ]
}
for name in kube-controller-manager kube-apiserver etcd; do
  [ -f "$run/$name.pid" ] || continue
  pid=$(cat "$run/$name.pid")
  if runs "$pid" "$name"; then
    kill "$pid"
    for _ in $(seq 100); do runs "$pid" "$name" || break; sleep 0.1; done
    if runs "$pid" "$name"; then kill -9 "$pid"; fi
    echo "kube: stopped $name ($pid)"
  fi
  rm -f "$run/$name.pid"
done
