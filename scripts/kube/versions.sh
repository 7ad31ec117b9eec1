# shellcheck shell=bash disable=SC2034
# Sourced by build.sh, start.sh and stop.sh: pinned versions and the cache folder (outside the repository).
K8S_VERSION="${BISON_K8S_VERSION:-v1.36.3}"
CAPSULE_VERSION="${BISON_CAPSULE_VERSION:-v0.14.0}"
K8S_CACHE="${BISON_K8S_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bison-for-backstage/k8s/$K8S_VERSION}"
K8S_BIN="$K8S_CACHE/bin"
CAPSULE_CRDS="$K8S_CACHE/capsule-$CAPSULE_VERSION/crds"
CAPSULE_BIN="$K8S_CACHE/capsule-$CAPSULE_VERSION/bin" # the controller: $CAPSULE_BIN/capsule
