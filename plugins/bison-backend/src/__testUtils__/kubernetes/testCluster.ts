import * as k8s from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The control plane started by the Jest global setup (or by make test). */
export function testCluster() {
  const server = process.env.BISON_K8S_SERVER;
  const caFile = process.env.BISON_K8S_CA_FILE;
  const adminToken = process.env.BISON_K8S_ADMIN_TOKEN;
  if (!server || !caFile || !adminToken) {
    throw new Error(
      'No test cluster: the Jest global setup should have started one (scripts/kube/start.sh)',
    );
  }
  return { server, caFile, adminToken };
}

/** A client configuration that authenticates with a bearer token. */
export function kubeConfigFor(token: string): k8s.KubeConfig {
  const { server, caFile } = testCluster();
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'test', server, caFile, skipTLSVerify: false }],
    users: [{ name: 'user', token }],
    contexts: [{ name: 'test', cluster: 'test', user: 'user' }],
    currentContext: 'test',
  });
  return kc;
}

export function adminKubeConfig(): k8s.KubeConfig {
  return kubeConfigFor(testCluster().adminToken);
}

/**
 * Creates every object of a YAML manifest file, keeping ones that exist.
 * Read into client-node's models, which send fields whose names are not
 * their JSON names (a CRD's `x-kubernetes-int-or-string`) as they should.
 */
export async function applyManifest(kc: k8s.KubeConfig, file: string) {
  const client = k8s.KubernetesObjectApi.makeApiClient(kc);
  const objects: (k8s.KubernetesObject | null)[] = k8s.loadAllYaml(
    readFileSync(file, 'utf8'),
  );
  for (const object of objects) {
    if (!object) continue;
    try {
      await client.create(object);
    } catch (error) {
      if ((error as { code?: number }).code !== 409) throw error;
    }
  }
}

/** A short-lived token of a ServiceAccount, from the TokenRequest API. */
export async function serviceAccountToken(
  admin: k8s.KubeConfig,
  namespace: string,
  name: string,
): Promise<string> {
  const core = admin.makeApiClient(k8s.CoreV1Api);
  const request = await core.createNamespacedServiceAccountToken({
    name,
    namespace,
    body: { spec: { audiences: [], expirationSeconds: 3600 } },
  });
  return request.status!.token;
}

const DEPLOY_DIR = path.resolve(__dirname, '../../../../../deploy');

/**
 * Applies the ServiceAccount and RBAC of deploy/ and returns a token of that
 * account: the identity the backend has in a real installation.
 */
export async function backendServiceAccountToken(): Promise<string> {
  const admin = adminKubeConfig();
  await applyManifest(admin, path.join(DEPLOY_DIR, 'serviceaccount.yaml'));
  await applyManifest(admin, path.join(DEPLOY_DIR, 'rbac.yaml'));
  return serviceAccountToken(admin, 'bison-system', 'bison-backend');
}

/**
 * Whether the Capsule controller and its webhooks run beside the test
 * cluster (scripts/kube/start.sh, unless BISON_K8S_CAPSULE=0), rather than
 * only its CRDs.
 */
export function capsuleRuns(): boolean {
  const runs = process.env.BISON_K8S_CAPSULE === '1';
  if (!runs && process.env.BISON_REQUIRE_ALL_TEST_SERVICES) {
    throw new Error(
      'The Capsule controller is required (make test runs it with scripts/kube/start.sh), but BISON_K8S_CAPSULE is not 1',
    );
  }
  return runs;
}

/**
 * A test that needs the Capsule controller: skipped without it, unless every
 * test service is required (then capsuleRuns() fails the test file).
 */
export function itWithCapsule(
  name: string,
  test: () => Promise<unknown>,
  timeout?: number,
) {
  return (capsuleRuns() ? it : it.skip)(name, test, timeout);
}
