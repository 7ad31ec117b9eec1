import * as k8s from '@kubernetes/client-node';
import {
  adminKubeConfig,
  backendServiceAccountToken,
  capsuleRuns,
  kubeConfigFor,
} from './testCluster';

jest.setTimeout(120_000);

const TENANT_API = {
  group: 'capsule.clastix.io',
  version: 'v1beta2',
  plural: 'tenants',
} as const;
const CORDONED_LABEL = 'projectcapsule.dev/cordoned';
const MERGE_PATCH = k8s.setHeaderOptions(
  'Content-Type',
  k8s.PatchStrategy.MergePatch,
);

async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(
    `${what}: not reached in ${timeoutMs / 1000} s (last value ${JSON.stringify(
      last,
    )}, last error ${String(lastError)})`,
  );
}

/** The body of a rejected request, where the admission message is. */
async function rejection(request: Promise<unknown>) {
  const error = await request.then(
    () => undefined,
    (e: { code?: number; body?: unknown }) => e,
  );
  if (!error) throw new Error('the request was allowed');
  return {
    code: error.code,
    body: typeof error.body === 'string' ? error.body : JSON.stringify(error),
  };
}

/**
 * The Capsule controller that scripts/kube/start.sh runs beside the test
 * cluster, with its webhooks: what it does here it does in production.
 */
(capsuleRuns() ? describe : describe.skip)(
  'Capsule in the test cluster',
  () => {
    const run = Date.now().toString(36);
    const tenant = `capsule-check-${run}`;
    const namespace = `${tenant}-a`;
    const owner = `owner-${run}`;
    const admin = adminKubeConfig();
    const core = admin.makeApiClient(k8s.CoreV1Api);
    const custom = admin.makeApiClient(k8s.CustomObjectsApi);
    /** The tenant owner, as Capsule sees its users: in the group projectcapsule.dev. */
    const asOwner = k8s.setHeaderOptions(
      'Impersonate-User',
      owner,
      k8s.setHeaderOptions('Impersonate-Group', 'projectcapsule.dev'),
    );
    const configMap = (name: string) => ({
      namespace,
      body: { metadata: { name } },
    });

    beforeAll(async () => {
      const created = await custom.createClusterCustomObject({
        ...TENANT_API,
        body: {
          apiVersion: 'capsule.clastix.io/v1beta2',
          kind: 'Tenant',
          metadata: { name: tenant },
          spec: {
            owners: [{ kind: 'User', name: owner }],
            resourceQuotas: {
              scope: 'Tenant',
              items: [{ hard: { pods: '3', 'requests.cpu': '2' } }],
            },
          },
        },
      });
      // As Bison creates a project: the tenant label and the Tenant ownerReference.
      await core.createNamespace({
        body: {
          metadata: {
            name: namespace,
            labels: { 'capsule.clastix.io/tenant': tenant },
            ownerReferences: [
              {
                apiVersion: 'capsule.clastix.io/v1beta2',
                kind: 'Tenant',
                name: tenant,
                uid: created.metadata.uid,
              },
            ],
          },
        },
      });
    });

    afterAll(async () => {
      // Cordoning binds Capsule users only: the admin may delete both.
      await core.deleteNamespace({ name: namespace }).catch(() => undefined);
      await custom
        .deleteClusterCustomObject({ ...TENANT_API, name: tenant })
        .catch(() => undefined);
      // Capsule keeps the Tenant (finalizer) until its namespaces are gone.
      await eventually(
        'the Tenant deleted',
        () =>
          custom.getClusterCustomObject({ ...TENANT_API, name: tenant }).then(
            () => false,
            (error: { code?: number }) => error.code === 404,
          ),
        gone => gone,
        90_000,
      );
    });

    it('writes the tenant quota into its namespaces', async () => {
      const hard = { pods: '3', 'requests.cpu': '2' };
      // Capsule fills in one resource after the other.
      const quota = await eventually(
        `ResourceQuota capsule-${tenant}-0 with every resource`,
        () =>
          core.readNamespacedResourceQuota({
            namespace,
            name: `capsule-${tenant}-0`,
          }),
        read =>
          Object.keys(hard).every(
            key =>
              read.spec?.hard?.[key] !== undefined &&
              read.metadata?.annotations?.[
                `quota.capsule.clastix.io/used-${key}`
              ] !== undefined,
          ),
      );
      expect(quota.spec?.hard).toEqual(hard);
      expect(quota.metadata?.annotations).toMatchObject({
        'quota.capsule.clastix.io/used-pods': '0',
        'quota.capsule.clastix.io/used-requests.cpu': '0',
      });
    });

    it('labels the namespaces of a cordoned tenant and denies its owner writes there, not the admin', async () => {
      // The owner may write before: Capsule bound it to the aggregated ClusterRole admin.
      await eventually(
        'the owner creating a ConfigMap',
        () =>
          core.createNamespacedConfigMap(configMap('before-cordon'), asOwner),
        () => true,
      );

      await custom.patchClusterCustomObject(
        { ...TENANT_API, name: tenant, body: { spec: { cordoned: true } } },
        MERGE_PATCH,
      );
      await eventually(
        `label ${CORDONED_LABEL} on ${namespace}`,
        () => core.readNamespace({ name: namespace }),
        read => read.metadata?.labels?.[CORDONED_LABEL] === 'true',
      );

      const denied = await rejection(
        core.createNamespacedConfigMap(configMap('while-cordoned'), asOwner),
      );
      expect(denied.code).toBe(403);
      expect(denied.body).toContain('cordoning.validating.projectcapsule.dev');
      expect(denied.body).toContain(
        `The current namespace '${namespace}' is cordoned`,
      );

      await expect(
        core.createNamespacedConfigMap(configMap('by-the-admin')),
      ).resolves.toMatchObject({ metadata: { name: 'by-the-admin' } });
    });

    it('does not treat the backend ServiceAccount as a Capsule user', async () => {
      const read = await core.readNamespace({ name: namespace });
      expect(read.metadata?.labels?.[CORDONED_LABEL]).toBe('true');
      // Bison writes project quotas into cordoned namespaces too.
      const backend = kubeConfigFor(await backendServiceAccountToken());
      await expect(
        backend.makeApiClient(k8s.CoreV1Api).createNamespacedResourceQuota({
          namespace,
          body: {
            metadata: { name: 'bison-project' },
            spec: { hard: { 'requests.cpu': '1' } },
          },
        }),
      ).resolves.toMatchObject({ metadata: { name: 'bison-project' } });
    });
  },
);
