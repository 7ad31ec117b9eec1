// Prepares a cluster started by scripts/kube/start.sh for the demo and the
// end-to-end tests: installs the backend's ServiceAccount, RBAC and the
// admission policy that blocks new pods of suspended teams from deploy/, registers a few example nodes (two GPU models and a CPU node),
// and writes <run-dir>/app-config.kubernetes.yaml pointing Bison at the
// cluster with a token of that ServiceAccount. Safe to run again.
//   node scripts/kube/prepare-demo.mjs <run-dir>
import * as k8s from '@kubernetes/client-node';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const runDir = path.resolve(process.argv[2] ?? '');
const env = Object.fromEntries(
  readFileSync(path.join(runDir, 'env'), 'utf8')
    .split('\n')
    .map(line => /^export (\w+)=(.*)$/.exec(line))
    .filter(Boolean)
    .map(([, key, value]) => [key, value]),
);
const kc = new k8s.KubeConfig();
kc.loadFromFile(env.KUBECONFIG);
const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
const core = kc.makeApiClient(k8s.CoreV1Api);
const repo = new URL('../..', import.meta.url).pathname;

async function createOrKeep(object) {
  try {
    await objects.create(object);
  } catch (error) {
    if (error.code !== 409) throw error;
  }
}

for (const file of [
  'serviceaccount.yaml',
  'rbac.yaml',
  'admission-policy.yaml',
]) {
  const text = readFileSync(path.join(repo, 'deploy', file), 'utf8');
  for (const doc of parseAllDocuments(text)) {
    if (doc.toJS()) await createOrKeep(doc.toJS());
  }
}

const nodes = [
  {
    name: 'gpu-a100-1',
    gpus: '8',
    product: 'NVIDIA-A100-SXM4-80GB',
    mig: true,
  },
  { name: 'gpu-h100-1', gpus: '8', product: 'NVIDIA-H100-80GB-HBM3' },
  { name: 'cpu-1' },
];
for (const node of nodes) {
  await createOrKeep({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      labels: {
        'kubernetes.io/hostname': node.name,
        ...(node.product ? { 'nvidia.com/gpu.product': node.product } : {}),
      },
    },
  });
  const capacity = {
    cpu: '64',
    memory: '512Gi',
    pods: '110',
    ...(node.gpus ? { 'nvidia.com/gpu': node.gpus } : {}),
    ...(node.mig ? { 'nvidia.com/mig-1g.10gb': '7' } : {}),
  };
  await core.patchNodeStatus(
    {
      name: node.name,
      body: {
        status: {
          capacity,
          allocatable: { ...capacity, cpu: '63500m', memory: '500Gi' },
          conditions: [
            { type: 'Ready', status: 'True', reason: 'KubeletReady' },
          ],
        },
      },
    },
    k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
  );
}

const tokenRequest = await core.createNamespacedServiceAccountToken({
  name: 'bison-backend',
  namespace: 'bison-system',
  body: { spec: { audiences: [], expirationSeconds: 30 * 24 * 3600 } },
});
const tokenFile = path.join(runDir, 'backend-token');
writeFileSync(tokenFile, tokenRequest.status.token, { mode: 0o600 });
writeFileSync(
  path.join(runDir, 'app-config.kubernetes.yaml'),
  `# Written by scripts/kube/prepare-demo.mjs: Bison acts as the ServiceAccount of deploy/.
bison:
  kubernetes:
    cluster:
      url: ${env.BISON_K8S_SERVER}
      caFile: ${env.BISON_K8S_CA_FILE}
      tokenFile: ${tokenFile}
    reconcile:
      schedule:
        frequency: { minutes: 1 }
        timeout: { seconds: 30 }
`,
);
console.log(`kube: demo cluster ready (${nodes.length} nodes)`);
