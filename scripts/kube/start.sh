#!/usr/bin/env bash
# Starts etcd, kube-apiserver and kube-controller-manager (built by build.sh) on loopback ports with an
# admin bearer token, installs the Capsule CRDs, runs the Capsule controller with its webhooks
# (capsule.sh), and writes <run-dir>/kubeconfig and <run-dir>/env.
#   scripts/kube/start.sh <run-dir>   then: source <run-dir>/env;   stop: scripts/kube/stop.sh <run-dir>
# Port overrides: BISON_K8S_APISERVER_PORT (56443), BISON_K8S_ETCD_PORT (52379),
#   BISON_K8S_ETCD_PEER_PORT (52380), BISON_K8S_CONTROLLER_MANAGER_PORT (50257),
#   BISON_K8S_CAPSULE_WEBHOOK_PORT (59443), BISON_K8S_CAPSULE_METRICS_PORT (58080); Capsule's health
#   probe is fixed on 10080.
# BISON_K8S_ADMIN_TOKEN fixes the admin token (default: a random one per start).
# BISON_K8S_CAPSULE=0 leaves Capsule out (CRDs only, no webhooks); <run-dir>/env tells which it was.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/versions.sh"
source "$here/capsule.sh"
[ $# -eq 1 ] || { echo "usage: $0 <run-dir>" >&2; exit 2; }
mkdir -p "$1/logs" "$1/pki" "$1/crds" && run="$(cd "$1" && pwd)"
pki="$run/pki"
api_port=${BISON_K8S_APISERVER_PORT:-56443}
etcd_port=${BISON_K8S_ETCD_PORT:-52379}
peer_port=${BISON_K8S_ETCD_PEER_PORT:-52380}
kcm_port=${BISON_K8S_CONTROLLER_MANAGER_PORT:-50257}
capsule=${BISON_K8S_CAPSULE:-1}
[[ $capsule == [01] ]] || { echo "kube: BISON_K8S_CAPSULE must be 0 or 1, not '$capsule'" >&2; exit 2; }
server="https://127.0.0.1:$api_port"
controllers=namespace-controller,garbage-collector-controller,resourcequota-controller
controllers+=,serviceaccount-token-controller,serviceaccount-controller,root-ca-certificate-publisher-controller
# The workload controllers make ReplicaSets, Pods, Job Pods and CronJob runs (no scheduler or kubelet:
# Pods stay Pending). Aggregation fills admin/edit/view, which Capsule binds tenant owners to.
controllers+=,deployment-controller,replicaset-controller,statefulset-controller,job-controller,cronjob-controller
controllers+=,clusterrole-aggregation-controller

"$here/build.sh"
start=$SECONDS

alive() { local pid; pid=$(cat "$run/$1.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null; }
for name in etcd kube-apiserver kube-controller-manager capsule; do
  if alive "$name"; then echo "kube: $name already runs for $run (stop.sh first)" >&2; exit 1; fi
done
ports=("$api_port" "$etcd_port" "$peer_port" "$kcm_port")
[ "$capsule" = 0 ] || ports+=("$capsule_webhook_port" "$capsule_metrics_port" "$CAPSULE_HEALTH_PORT")
for port in "${ports[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "kube: port $port is in use" >&2
    if [ "$port" = "$CAPSULE_HEALTH_PORT" ]; then
      echo "kube: Capsule's health probe needs it (another test cluster's Capsule?); BISON_K8S_CAPSULE=0 skips Capsule" >&2
    fi
    exit 1
  fi
done
trap 'if [ $? -ne 0 ]; then tail -n 15 "$run"/logs/*.log >&2; "$here/stop.sh" "$run"; fi' EXIT

# setsid: the servers must survive a Ctrl-C or hang-up aimed at the shell that ran this script.
spawn_bin() { # <name> <binary> <args...>: logs to logs/<name>.log, pid in <name>.pid
  local name=$1 bin=$2; shift 2
  setsid "$bin" "$@" </dev/null >"$run/logs/$name.log" 2>&1 &
  echo $! >"$run/$name.pid"
}
spawn() { spawn_bin "$1" "$K8S_BIN/$1" "${@:2}"; }
wait_for() { # <what> <process that must stay alive> <command...>; tries every 0.25 s, WAIT_TRIES (240) times
  local what=$1 name=$2; shift 2
  for _ in $(seq "${WAIT_TRIES:-240}"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    alive "$name" || { echo "kube: $name exited while waiting for $what" >&2; return 1; }
    sleep 0.25
  done
  echo "kube: timed out waiting for $what" >&2
  return 1
}
kcurl() { curl -sS --fail-with-body --cacert "$pki/ca.crt" -H "Authorization: Bearer $token" "$@"; }
established() { # the apiserver pretty-prints JSON for curl, hence tr
  [[ $(kcurl "$server/apis/apiextensions.k8s.io/v1/customresourcedefinitions/$1" | tr -d ' \n') == *'"type":"Established","status":"True"'* ]]
}

# A throw-away CA, the apiserver's serving certificate, and the service-account signing key pair.
if [ ! -f "$pki/apiserver.crt" ]; then
  ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
  openssl req -x509 "${ec[@]}" -days 3650 -subj /CN=bison-testenv-ca -keyout "$pki/ca.key" -out "$pki/ca.crt" 2>/dev/null
  openssl req -new "${ec[@]}" -subj /CN=kube-apiserver -keyout "$pki/apiserver.key" 2>/dev/null |
    openssl x509 -req -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial -days 3650 -out "$pki/apiserver.crt" \
      -extfile <(printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n') 2>/dev/null
  openssl genrsa -out "$pki/sa.key" 2048 2>/dev/null
  openssl rsa -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
fi
token=${BISON_K8S_ADMIN_TOKEN:-$(openssl rand -hex 24)}
(umask 077 && echo "$token,bison-admin,bison-admin,system:masters" >"$pki/tokens.csv") # token,user,uid,group
(umask 077 && cat >"$run/kubeconfig") <<KUBECONFIG
apiVersion: v1
kind: Config
clusters:
  - name: bison-testenv
    cluster:
      server: $server
      certificate-authority-data: $(base64 -w0 "$pki/ca.crt")
users:
  - name: bison-admin
    user:
      token: $token
contexts:
  - name: bison-testenv
    context: { cluster: bison-testenv, user: bison-admin }
current-context: bison-testenv
KUBECONFIG

etcd_url="http://127.0.0.1:$etcd_port"
peer_url="http://127.0.0.1:$peer_port"
# --unsafe-no-fsync: a test cluster trades durability for speed.
spawn etcd --name=default --data-dir="$run/etcd" --log-level=warn --unsafe-no-fsync \
  --listen-client-urls="$etcd_url" --advertise-client-urls="$etcd_url" \
  --listen-peer-urls="$peer_url" --initial-advertise-peer-urls="$peer_url" --initial-cluster="default=$peer_url"
wait_for "etcd" etcd curl -sf "$etcd_url/health"

# --endpoint-reconciler-type=none: 127.0.0.1 is not a valid Endpoints address for the kubernetes Service.
# PodTolerationRestriction gives the pods of an exclusive team the toleration of its nodes' taint.
spawn kube-apiserver --etcd-servers="$etcd_url" --enable-admission-plugins=PodTolerationRestriction \
  --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$api_port" \
  --tls-cert-file="$pki/apiserver.crt" --tls-private-key-file="$pki/apiserver.key" --cert-dir="$pki" \
  --token-auth-file="$pki/tokens.csv" --authorization-mode=RBAC --service-cluster-ip-range=10.0.0.0/24 \
  --service-account-issuer="$server" --service-account-key-file="$pki/sa.pub" \
  --service-account-signing-key-file="$pki/sa.key" --endpoint-reconciler-type=none
wait_for "kube-apiserver /readyz" kube-apiserver kcurl "$server/readyz"

# --authentication-skip-lookup: without --client-ca-file there is no extension-apiserver-authentication to find.
spawn kube-controller-manager --kubeconfig="$run/kubeconfig" --authentication-skip-lookup \
  --authentication-kubeconfig="$run/kubeconfig" --authorization-kubeconfig="$run/kubeconfig" \
  --bind-address=127.0.0.1 --secure-port="$kcm_port" --leader-elect=false --controllers="$controllers" \
  --service-account-private-key-file="$pki/sa.key" --root-ca-file="$pki/ca.crt"

# Server-side apply rather than POST, so a restart on a kept run-dir updates the CRDs instead of a 409.
source "$here/../toolchain.sh"
(cd "$here/../.." && node -e '
  const fs = require("fs"), path = require("path"), YAML = require("yaml");
  const [from, to] = process.argv.slice(1);
  for (const file of fs.readdirSync(from).filter((f) => f.endsWith(".yaml")))
    for (const doc of YAML.parseAllDocuments(fs.readFileSync(path.join(from, file), "utf8"))) {
      const crd = doc.toJS();
      if (crd) fs.writeFileSync(path.join(to, crd.metadata.name + ".json"), JSON.stringify(crd));
    }' "$CAPSULE_CRDS" "$run/crds")
for file in "$run"/crds/*.json; do
  kcurl -o /dev/null -X PATCH -H "Content-Type: application/apply-patch+yaml" --data-binary "@$file" \
    "$server/apis/apiextensions.k8s.io/v1/customresourcedefinitions/$(basename "$file" .json)?fieldManager=bison-testenv&force=true"
done
for file in "$run"/crds/*.json; do
  wait_for "CRD $(basename "$file" .json)" kube-apiserver established "$(basename "$file" .json)"
done

if [ "$capsule" = 1 ]; then
  capsule_start
  capsule_started=$SECONDS
else
  capsule_delete_webhooks "$server" "$pki/ca.crt" "$token" # of an earlier run with Capsule on this run-dir
fi

wait_for "kube-controller-manager /healthz" kube-controller-manager curl -sfk "https://127.0.0.1:$kcm_port/healthz"
# The serviceaccount controller creates this one: proof that the controllers are syncing.
wait_for "the default ServiceAccount" kube-controller-manager kcurl "$server/api/v1/namespaces/default/serviceaccounts/default"
if [ "$capsule" = 1 ]; then
  capsule_wait
  echo "kube: Capsule $CAPSULE_VERSION ready in $((SECONDS - capsule_started))s (webhooks on 127.0.0.1:$capsule_webhook_port)"
fi

{
  printf 'export KUBECONFIG=%q\n' "$run/kubeconfig"
  printf 'export BISON_K8S_SERVER=%q\n' "$server"
  printf 'export BISON_K8S_CA_FILE=%q\n' "$pki/ca.crt"
  printf 'export BISON_K8S_ADMIN_TOKEN=%q\n' "$token"
  printf 'export BISON_K8S_CAPSULE=%q\n' "$capsule" # 1: the Capsule controller and its webhooks run
} >"$run/env"
what="Capsule $CAPSULE_VERSION"
[ "$capsule" = 1 ] || what+=" CRDs only"
echo "kube: ready at $server in $((SECONDS - start))s ($K8S_VERSION, $what); source $run/env"
