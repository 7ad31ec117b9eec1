# shellcheck shell=bash disable=SC2034
# Sourced by build.sh: pinned versions and the cache folder (outside the repository).
HELM_VERSION="${BISON_HELM_VERSION:-v4.3.2}"
# Only its ServiceMonitor CRD is used, so a test can server-side dry-run a ServiceMonitor against the
# kube-apiserver of scripts/kube. The Go module proxy serves only some tags (not v0.87.0, v0.89.1, v0.91.1).
PROMETHEUS_OPERATOR_VERSION="${BISON_PROMETHEUS_OPERATOR_VERSION:-v0.93.0}"
HELM_CACHE="${BISON_HELM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bison-for-backstage/helm/$HELM_VERSION}"
HELM_BIN="$HELM_CACHE/bin" # the CLI: $HELM_BIN/helm
SERVICEMONITOR_CRD="$HELM_CACHE/crds/prometheus-operator-$PROMETHEUS_OPERATOR_VERSION/monitoring.coreos.com_servicemonitors.yaml"
