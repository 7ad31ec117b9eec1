#!/usr/bin/env bash
# Builds the Helm CLI from the Go module proxy and copies the Prometheus Operator's ServiceMonitor CRD
# into the cache folder of versions.sh. Builds only what that folder lacks, so nothing when it is complete.
#   scripts/helm/build.sh
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/versions.sh"

helm_built() { [ -x "$HELM_BIN/helm" ]; }
crd_copied() { [ -s "$SERVICEMONITOR_CRD" ]; }
complete() { helm_built && crd_copied; }
source "$(dirname "${BASH_SOURCE[0]}")/../go-module-cache.sh"
go_module_cache helm "$HELM_CACHE"
if complete; then
  echo "helm: $HELM_VERSION and the ServiceMonitor CRD of Prometheus Operator $PROMETHEUS_OPERATOR_VERSION already built in $HELM_CACHE"
  exit 0
fi

if ! crd_copied; then
  step "fetching github.com/prometheus-operator/prometheus-operator@$PROMETHEUS_OPERATOR_VERSION"
  operator=$(download "github.com/prometheus-operator/prometheus-operator@$PROMETHEUS_OPERATOR_VERSION" Dir)
  crd="$operator/example/prometheus-operator-crd/$(basename "$SERVICEMONITOR_CRD")"
  [ -f "$crd" ] || { echo "helm: no $(basename "$SERVICEMONITOR_CRD") in $operator/example/prometheus-operator-crd" >&2; exit 1; }
  mkdir -p "$(dirname "$SERVICEMONITOR_CRD")"
  cp "$crd" "$SERVICEMONITOR_CRD.tmp" && chmod u+w "$SERVICEMONITOR_CRD.tmp" # the module cache is read-only
  mv "$SERVICEMONITOR_CRD.tmp" "$SERVICEMONITOR_CRD"
fi

if ! helm_built; then
  # As for Capsule in scripts/kube/build.sh, a wrapper module requires the module and builds its
  # cmd/helm, so the resolved go.mod and go.sum stay in the cache folder beside the binary.
  src="$HELM_CACHE/src"
  mkdir -p "$src" && cd "$src"
  [ -f go.mod ] || go mod init bison-for-backstage/helm-testenv 2>/dev/null
  go mod edit -require="helm.sh/helm/v4@$HELM_VERSION"
  # The proxy's .info of helm has no Origin, so no commit: gitCommit stays empty unless it has one.
  commit=$(download "helm.sh/helm/v4@$HELM_VERSION" Hash)
  step "building helm $HELM_VERSION"
  # The -X flags of helm's Makefile for a tag (empty metadata), without which `helm version` reports
  # only v4.3. KubeClientVersion comes from the build info (k8s.io/client-go), not from a flag.
  ldflags="-s -w"
  for x in "version=$HELM_VERSION" metadata= "gitCommit=$commit" gitTreeState=clean; do
    ldflags+=" -X helm.sh/helm/v4/internal/version.$x"
  done
  out=$(mktemp -d "$HELM_CACHE/bin.XXXXXX")
  quiet go build -trimpath -ldflags "$ldflags" -o "$out/helm" helm.sh/helm/v4/cmd/helm
  reported=$("$out/helm" version --template '{{.Version}}')
  [ "$reported" = "$HELM_VERSION" ] || { echo "helm: the binary reports $reported, not $HELM_VERSION" >&2; exit 1; }
  rm -rf "$HELM_BIN" && mv "$out" "$HELM_BIN"
  chmod 755 "$HELM_BIN"

  printf 'helm %s\nprometheus-operator %s\n%s\n' "$HELM_VERSION" "$PROMETHEUS_OPERATOR_VERSION" "$(go version)" \
    >"$HELM_CACHE/versions.txt"
  "$HELM_BIN/helm" version
fi
step "done: $HELM_CACHE"
