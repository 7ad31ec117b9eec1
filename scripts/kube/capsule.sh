# shellcheck shell=bash
# Sourced by start.sh and stop.sh: the Capsule controller (built by build.sh) out of cluster, as its
# own ServiceAccount capsule-system/capsule (cluster-admin), with its admission webhooks served on
# 127.0.0.1 and registered by Capsule itself from the CapsuleConfiguration of capsule-configuration.yaml.
# Port overrides: BISON_K8S_CAPSULE_WEBHOOK_PORT (59443), BISON_K8S_CAPSULE_METRICS_PORT (58080).
# Its health probe is hard-coded on :10080 (all interfaces) by Capsule, so only one runs per machine.
# Before the process stops, both webhook configurations must go: they have failurePolicy Fail and
# match every namespace, so without Capsule behind them no namespace could be created or deleted.

CAPSULE_WEBHOOK_NAME=capsule-dynamic-webhook
CAPSULE_HEALTH_PORT=10080
capsule_webhook_port=${BISON_K8S_CAPSULE_WEBHOOK_PORT:-59443}
capsule_metrics_port=${BISON_K8S_CAPSULE_METRICS_PORT:-58080}

# Deletes both webhook configurations (the API server never sends them to webhooks); missing is fine.
#   capsule_delete_webhooks <server> <ca file> <admin token>
capsule_delete_webhooks() {
  local kind status
  for kind in validatingwebhookconfigurations mutatingwebhookconfigurations; do
    status=$(curl -sS --max-time 15 -o /dev/null -w '%{http_code}' --cacert "$2" -H "Authorization: Bearer $3" \
      -X DELETE "$1/apis/admissionregistration.k8s.io/v1/$kind/$CAPSULE_WEBHOOK_NAME") || return 1
    [[ $status == 200 || $status == 202 || $status == 404 ]] || {
      echo "kube: deleting $kind/$CAPSULE_WEBHOOK_NAME answered $status" >&2
      return 1
    }
  done
}

# The functions below use what start.sh defines: run, pki, server, token, spawn_env, alive, wait_for, kcurl.

capsule_apply() { # <API path> <JSON object>: server-side apply, so a kept run-dir is updated
  kcurl -o /dev/null -X PATCH -H "Content-Type: application/apply-patch+yaml" --data-binary "$2" \
    "$server$1?fieldManager=bison-testenv&force=true"
}

capsule_start() {
  local dir="$pki/capsule" sa_token config header
  header=$(head -n 1 "$here/capsule-configuration.yaml")
  [ "$header" = "# capsule-version: $CAPSULE_VERSION" ] ||
    echo "kube: warning: capsule-configuration.yaml is for '${header#*: }', not $CAPSULE_VERSION; regenerate it" >&2

  # Left behind by a run whose Capsule did not stop cleanly: they would block the namespace below.
  capsule_delete_webhooks "$server" "$pki/ca.crt" "$token"
  capsule_apply /api/v1/namespaces/capsule-system '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"capsule-system"}}'
  capsule_apply /api/v1/namespaces/capsule-system/serviceaccounts/capsule \
    '{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"capsule","namespace":"capsule-system"}}'
  capsule_apply /apis/rbac.authorization.k8s.io/v1/clusterrolebindings/capsule-manager-rolebinding '{
    "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
    "metadata": {"name": "capsule-manager-rolebinding"},
    "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"},
    "subjects": [{"kind": "ServiceAccount", "name": "capsule", "namespace": "capsule-system"}]}'

  # The webhook server's certificate, from the run's throw-away CA (whose bundle the webhooks carry).
  if [ ! -f "$dir/tls.crt" ]; then
    mkdir -p "$dir"
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=capsule-webhook \
      -keyout "$dir/tls.key" 2>/dev/null |
      openssl x509 -req -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial -days 3650 -out "$dir/tls.crt" \
        -extfile <(printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n') 2>/dev/null
  fi

  # Capsule must run as the ServiceAccount NAMESPACE/SERVICE_ACCOUNT name: with any other identity its
  # own webhooks deny the objects it writes to tenant namespaces.
  sa_token=$(kcurl -X POST -H "Content-Type: application/json" \
    --data '{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{"expirationSeconds":31536000}}' \
    "$server/api/v1/namespaces/capsule-system/serviceaccounts/capsule/token" |
    sed -n 's/^[[:space:]]*"token": "\([^"]*\)".*$/\1/p')
  [ -n "$sa_token" ] || { echo "kube: no token for the ServiceAccount capsule-system/capsule" >&2; return 1; }
  sed -e "s|^      token: .*|      token: $sa_token|" -e 's/bison-admin/capsule/g' "$run/kubeconfig" \
    >"$run/capsule.kubeconfig"
  chmod 600 "$run/capsule.kubeconfig"

  config=$(cd "$here/../.." && node -e '
    const fs = require("fs"), YAML = require("yaml");
    const [file, url, caBundle] = process.argv.slice(1);
    const config = YAML.parse(fs.readFileSync(file, "utf8"));
    for (const kind of ["validating", "mutating"]) config.spec.admission[kind].client = { url, caBundle };
    console.log(JSON.stringify(config));' \
    "$here/capsule-configuration.yaml" "https://127.0.0.1:$capsule_webhook_port" "$(base64 -w0 "$pki/ca.crt")")
  capsule_apply /apis/capsule.clastix.io/v1beta2/capsuleconfigurations/default "$config"

  KUBECONFIG="$run/capsule.kubeconfig" NAMESPACE=capsule-system SERVICE_ACCOUNT=capsule \
    spawn_bin capsule "$CAPSULE_BIN/capsule" --configuration-name=default --enable-leader-election=false \
    --metrics-addr="127.0.0.1:$capsule_metrics_port" --webhook-port="$capsule_webhook_port" --webhook-cert-path="$dir"
}

# A Tenant that the API server only lets through if it can call both of Capsule's Tenant webhooks.
capsule_admits() {
  kcurl -o /dev/null -X POST -H "Content-Type: application/json" "$server/apis/capsule.clastix.io/v1beta2/tenants?dryRun=All" \
    --data '{"apiVersion":"capsule.clastix.io/v1beta2","kind":"Tenant","metadata":{"name":"bison-testenv-probe"},
      "spec":{"owners":[{"kind":"User","name":"bison-testenv-probe"}]}}'
}

capsule_wait() {
  local hooks=/apis/admissionregistration.k8s.io/v1
  WAIT_TRIES=${BISON_K8S_CAPSULE_WAIT_TRIES:-720} wait_for "Capsule /readyz" capsule curl -sf "http://127.0.0.1:$CAPSULE_HEALTH_PORT/readyz"
  wait_for "Capsule's validating webhooks" capsule kcurl "$server$hooks/validatingwebhookconfigurations/$CAPSULE_WEBHOOK_NAME"
  wait_for "Capsule's mutating webhooks" capsule kcurl "$server$hooks/mutatingwebhookconfigurations/$CAPSULE_WEBHOOK_NAME"
  wait_for "Capsule admitting a Tenant" capsule capsule_admits
}
