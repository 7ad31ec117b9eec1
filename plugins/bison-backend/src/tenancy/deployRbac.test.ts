import * as k8s from '@kubernetes/client-node';
import {
  backendServiceAccountToken,
  kubeConfigFor,
} from '../__testUtils__/kubernetes/testCluster';

jest.setTimeout(60_000);

const TENANT = 'rbac-check';
const NAMESPACE = 'rbac-check-training';

/**
 * The backend runs as the ServiceAccount of deploy/, with exactly the RBAC
 * shipped there: these tests act as that account on a real kube-apiserver.
 */
describe('the RBAC in deploy/', () => {
  let backend: k8s.KubeConfig;

  beforeAll(async () => {
    backend = kubeConfigFor(await backendServiceAccountToken());
  });

  it('lets the backend manage tenants, project namespaces, quotas and nodes', async () => {
    const custom = backend.makeApiClient(k8s.CustomObjectsApi);
    const core = backend.makeApiClient(k8s.CoreV1Api);

    await custom.createClusterCustomObject({
      group: 'capsule.clastix.io',
      version: 'v1beta2',
      plural: 'tenants',
      body: {
        apiVersion: 'capsule.clastix.io/v1beta2',
        kind: 'Tenant',
        metadata: { name: TENANT },
        spec: { owners: [{ kind: 'Group', name: 'ml-team' }] },
      },
    });
    await core.createNamespace({
      body: {
        metadata: {
          name: NAMESPACE,
          labels: { 'capsule.clastix.io/tenant': TENANT },
        },
      },
    });
    await core.createNamespacedResourceQuota({
      namespace: NAMESPACE,
      body: {
        metadata: { name: 'bison' },
        spec: {
          hard: { 'requests.nvidia.com/gpu': '4', 'limits.memory': '64Gi' },
        },
      },
    });
    const quota = await core.readNamespacedResourceQuota({
      name: 'bison',
      namespace: NAMESPACE,
    });
    expect(quota.spec?.hard).toEqual({
      'requests.nvidia.com/gpu': '4',
      'limits.memory': '64Gi',
    });
    const nodes = await core.listNode();
    expect(Array.isArray(nodes.items)).toBe(true);

    await core.deleteNamespace({ name: NAMESPACE });
    await custom.deleteClusterCustomObject({
      group: 'capsule.clastix.io',
      version: 'v1beta2',
      plural: 'tenants',
      name: TENANT,
    });
  });

  it('denies what the backend does not need', async () => {
    const core = backend.makeApiClient(k8s.CoreV1Api);
    const rbac = backend.makeApiClient(k8s.RbacAuthorizationV1Api);
    await expect(
      core.listNamespacedSecret({ namespace: 'kube-system' }),
    ).rejects.toMatchObject({ code: 403 });
    await expect(
      rbac.createClusterRole({
        body: { metadata: { name: 'bison-escalation' }, rules: [] },
      }),
    ).rejects.toMatchObject({ code: 403 });
  });
});
