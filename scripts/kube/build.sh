#!/usr/bin/env bash
# Builds etcd, kube-apiserver, kube-controller-manager and the Capsule controller from the Go module
# proxy and copies the Capsule CRDs into the cache folder of versions.sh. Builds only what that folder
# lacks, so nothing when it is complete.
#   scripts/kube/build.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/versions.sh"

kube_built() { [ -x "$K8S_BIN/kube-apiserver" ] && [ -x "$K8S_BIN/kube-controller-manager" ] && [ -x "$K8S_BIN/etcd" ]; }
crds_copied() { compgen -G "$CAPSULE_CRDS/*.yaml" >/dev/null; }
capsule_built() { [ -x "$CAPSULE_BIN/capsule" ]; }
complete() { kube_built && crds_copied && capsule_built; }
source "$(dirname "${BASH_SOURCE[0]}")/../go-module-cache.sh"
go_module_cache kube "$K8S_CACHE"
if complete; then
  echo "kube: $K8S_VERSION and Capsule $CAPSULE_VERSION already built in $K8S_CACHE"
  exit 0
fi

if ! crds_copied; then
  step "fetching github.com/projectcapsule/capsule@$CAPSULE_VERSION"
  capsule=$(download "github.com/projectcapsule/capsule@$CAPSULE_VERSION" Dir)
  rm -rf "$CAPSULE_CRDS" && mkdir -p "$CAPSULE_CRDS"
  # Only the *.yaml files: the *.patch files beside them are Helm templates (conversion webhook).
  cp "$capsule"/charts/capsule/crds/*.yaml "$CAPSULE_CRDS/" && chmod u+w "$CAPSULE_CRDS"/*.yaml
fi

if ! kube_built; then
  # k8s.io/kubernetes needs its staging modules at v0.0.0 through replaces to ./staging, which are
  # ignored for a dependency, so a wrapper module replaces each with its published tag v0.<minor>.<patch>.
  src="$K8S_CACHE/src"
  mkdir -p "$src" && cd "$src"
  [ -f go.mod ] || go mod init bison-for-backstage/k8s-testenv 2>/dev/null
  step "fetching k8s.io/kubernetes@$K8S_VERSION"
  kmod=$(download "k8s.io/kubernetes@$K8S_VERSION" GoMod)
  mapfile -t replaces < <(awk -v v="v0.${K8S_VERSION#v1.}" \
    '$2 == "=>" && $3 ~ /^\.\/staging\// { print "-replace=" $1 "=" $1 "@" v }' "$kmod")
  [ ${#replaces[@]} -gt 0 ] || { echo "kube: no staging replaces found in $kmod" >&2; exit 1; }
  go mod edit "${replaces[@]}"
  step "resolving ${#replaces[@]} staging modules and the dependencies"
  quiet go get -tool "k8s.io/kubernetes/cmd/kube-apiserver@$K8S_VERSION" "k8s.io/kubernetes/cmd/kube-controller-manager@$K8S_VERSION"
  etcd_version=$(go list -m -f '{{.Version}}' go.etcd.io/etcd/server/v3) # the etcd Kubernetes itself pins
  quiet go get -tool "go.etcd.io/etcd/server/v3@$etcd_version"

  step "building kube-apiserver, kube-controller-manager and etcd $etcd_version"
  # Without these the binaries report v0.0.0-master in /version.
  ldflags="-s -w"
  for x in "gitVersion=$K8S_VERSION" gitMajor=1 "gitMinor=$(cut -d. -f2 <<<"$K8S_VERSION")" gitTreeState=clean \
    "buildDate=$(go list -m -f '{{.Time.UTC.Format "2006-01-02T15:04:05Z"}}' k8s.io/kubernetes)"; do
    ldflags+=" -X k8s.io/component-base/version.$x"
  done
  out=$(mktemp -d "$K8S_CACHE/bin.XXXXXX")
  go build -trimpath -ldflags "$ldflags" -o "$out/" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager go.etcd.io/etcd/server/v3
  mv "$out/server" "$out/etcd" # go names the binary of go.etcd.io/etcd/server/v3 "server"
  rm -rf "$K8S_BIN" && mv "$out" "$K8S_BIN"
  chmod 755 "$K8S_BIN"

  printf 'kubernetes %s\netcd %s\ncapsule %s\n%s\n' "$K8S_VERSION" "$etcd_version" "$CAPSULE_VERSION" "$(go version)" \
    >"$K8S_CACHE/versions.txt"
  "$K8S_BIN/kube-apiserver" --version
fi

if ! capsule_built; then
  # `go install …@version` fails on this proxy (its deprecation check asks for @v/list), and the module
  # has no main package at its root since v0.10: a wrapper module requires it and builds cmd/controller.
  src="$K8S_CACHE/capsule-$CAPSULE_VERSION/src"
  mkdir -p "$src" && cd "$src"
  [ -f go.mod ] || go mod init bison-for-backstage/capsule-testenv 2>/dev/null
  go mod edit -require="github.com/projectcapsule/capsule@$CAPSULE_VERSION"
  step "building the Capsule controller $CAPSULE_VERSION"
  ldflags="-s -w"
  for x in "GitTag=$CAPSULE_VERSION" GitDirty= GitRepo=github.com/projectcapsule/capsule \
    "BuildTime=$(date -u +%Y-%m-%dT%H:%M:%SZ)"; do
    ldflags+=" -X github.com/projectcapsule/capsule/internal/version.$x"
  done
  out=$(mktemp -d "$K8S_CACHE/capsule-$CAPSULE_VERSION/bin.XXXXXX")
  quiet go build -trimpath -ldflags "$ldflags" -o "$out/capsule" github.com/projectcapsule/capsule/cmd/controller
  rm -rf "$CAPSULE_BIN" && mv "$out" "$CAPSULE_BIN"
  chmod 755 "$CAPSULE_BIN"
  "$CAPSULE_BIN/capsule" --version 2>&1 | grep -o 'Capsule Version [^"]*' || true
fi
step "done: $K8S_CACHE"
