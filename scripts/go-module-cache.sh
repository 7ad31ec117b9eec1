# shellcheck shell=bash
# Sourced by scripts/kube/build.sh and scripts/helm/build.sh, which build tools from the Go module
# proxy into a cache folder:
#   go_module_cache <name> <cache folder>
# enters the folder (outside any other Go module), takes its lock (a concurrent run waits, then finds
# the cache complete) and defines step, download and quiet, whose messages start with <name>.
go_module_cache() {
  GO_MODULE_CACHE_NAME="$1"
  GO_MODULE_CACHE_DIR="$2"
  mkdir -p "$GO_MODULE_CACHE_DIR" && cd "$GO_MODULE_CACHE_DIR" || return 1
  exec 9>"$GO_MODULE_CACHE_DIR/.lock" && flock 9
  export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-mod=mod -buildvcs=false"
}
step() { echo "$GO_MODULE_CACHE_NAME: [$((SECONDS))s] $*"; }
download() { # <module@version> <field>: prints that field of `go mod download -json`, or the proxy's error
  local json
  json=$(go mod download -json "$1" 2>&1) ||
    { echo "$GO_MODULE_CACHE_NAME: the Go module proxy did not serve $1: $json" >&2; return 1; }
  sed -n "s/^[[:space:]]*\"$2\": \"\(.*\)\",*\$/\1/p" <<<"$json"
}
quiet() { # hides the "go: downloading" noise unless the command fails
  "$@" 2>"$GO_MODULE_CACHE_DIR/go.log" || { cat "$GO_MODULE_CACHE_DIR/go.log" >&2; return 1; }
}
