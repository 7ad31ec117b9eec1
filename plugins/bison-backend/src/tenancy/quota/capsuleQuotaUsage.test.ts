import * as k8s from '@kubernetes/client-node';
import { Server } from 'node:http';
import {
  adminKubeConfig,
  backendServiceAccountToken,
  capsuleRuns,
  itWithCapsule,
  kubeConfigFor,
} from '../../__testUtils__/kubernetes/testCluster';
import {
  bisonApi,
  startPluginBackend,
} from '../../__testUtils__/startPluginBackend';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { KubernetesApi } from '../../kubernetes/KubernetesApi';
import { TENANT_API } from '../../kubernetes/types';
import { TenancyReader } from '../TenancyReader';
import { eventually } from '../../__testUtils__/eventually';
import { TenancyWatchCache } from '../../kubernetes/TenancyWatchCache';
import { mockServices } from '@backstage/backend-test-utils';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const admin = adminKubeConfig();
const core = admin.makeApiClient(k8s.CoreV1Api);
const custom = admin.makeApiClient(k8s.CustomObjectsApi);

/**
 * A pod with CPU and memory requests, as the admin; waits for the
 * namespace's default ServiceAccount, which the controller-manager creates
 * shortly after the namespace.
 */
async function createPod(namespace: string, cpu: string, memory: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await core.createNamespacedPod({
        namespace,
        body: {
          metadata: { name: 'usage' },
          spec: {
            containers: [
              {
                name: 'main',
                image: 'busybox',
                resources: {
                  requests: { cpu, memory },
                  limits: { cpu, memory },
                },
              },
            ],
          },
        },
      });
    } catch (error) {
      if (attempt >= 40 || !String(error).includes('serviceaccount')) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
}

/**
 * A team's "used" with the Capsule controller running: Capsule writes a
 * ResourceQuota capsule-<team>-0 into each of the team's namespaces, next to
 * Bison's own bison-project quota where a project has one. Both count the
 * same pods of their namespace, so the team's use must count them once; and
 * a project without a quota of its own still uses the team's quota.
 */
describe("a team's quota use with Capsule running", () => {
  const run = Date.now().toString(36);
  const team = `cq${run}`;
  /** With a quota of its own (bison-project) and 1 CPU, 1Gi in use. */
  const withQuota = `${team}-own`;
  /** Without a quota of its own, 2 CPU and 2Gi in use. */
  const withoutQuota = `${team}-none`;
  let server: Server;
  const api = () => bisonApi(server);

  beforeAll(async () => {
    if (!capsuleRuns()) return;
    const knex = await databases.init('SQLITE_3');
    server = await startPluginBackend(knex, {
      groups: [team],
      teams: [],
      kubernetesToken: await backendServiceAccountToken(),
    });
    await api()
      .post('/teams')
      .send({
        groupRef: `group:default/${team}`,
        quota: { hard: { 'requests.cpu': '8', 'requests.memory': '16Gi' } },
      })
      .expect(201);
    for (const [name, quota] of [
      [withQuota, { hard: { 'requests.cpu': '4' } }],
      [withoutQuota, undefined],
    ] as const) {
      await api()
        .post(`/teams/${team}/projects`)
        .send({ name, ...(quota ? { quota } : {}) })
        .expect(201);
    }
    await createPod(withQuota, '1', '1Gi');
    await createPod(withoutQuota, '2', '2Gi');
  });

  afterAll(async () => {
    if (!capsuleRuns()) return;
    for (const name of [withQuota, withoutQuota]) {
      await core.deleteNamespace({ name }).catch(() => undefined);
    }
    await custom
      .deleteClusterCustomObject({ ...TENANT_API, name: team })
      .catch(() => undefined);
  });

  /** Capsule's own tenant-wide numbers, on its quota in `namespace`. */
  const capsuleUsed = async (namespace: string) => {
    const quota = await core.readNamespacedResourceQuota({
      namespace,
      name: `capsule-${team}-0`,
    });
    const annotations = quota.metadata?.annotations ?? {};
    return {
      cpu: annotations['quota.capsule.clastix.io/used-requests.cpu'],
      memory: annotations['quota.capsule.clastix.io/used-requests.memory'],
      namespaceCpu: quota.status?.used?.['requests.cpu'],
    };
  };

  itWithCapsule(
    'is what Capsule counts, each pod once, projects without a quota included',
    async () => {
      // The quota controller fills in the status, then Capsule sums it up.
      for (const namespace of [withQuota, withoutQuota]) {
        await eventually(
          () => capsuleUsed(namespace).catch(() => undefined),
          used => used?.cpu === '3' && used.memory === '3Gi',
          60_000,
        );
      }
      const own = await core.readNamespacedResourceQuota({
        namespace: withQuota,
        name: 'bison-project',
      });
      // Two quotas in one namespace count the same pod.
      expect(own.status?.used).toEqual({ 'requests.cpu': '1' });
      expect((await capsuleUsed(withQuota)).namespaceCpu).toBe('1');

      const quota = await api().get(`/teams/${team}/quota`);
      expect(quota.status).toBe(200);
      expect(quota.body.team).toEqual({
        hard: { 'requests.cpu': '8', 'requests.memory': '16Gi' },
        used: { 'requests.cpu': '3', 'requests.memory': '3Gi' },
      });
      expect(quota.body.projects).toEqual([
        {
          name: withoutQuota,
          quota: {
            hard: {},
            used: { 'requests.cpu': '2', 'requests.memory': '2Gi' },
          },
        },
        {
          name: withQuota,
          quota: {
            hard: { 'requests.cpu': '4' },
            used: { 'requests.cpu': '1', 'requests.memory': '1Gi' },
          },
        },
      ]);

      const detail = await api().get(`/teams/${team}`);
      expect(detail.body.quota.used).toEqual({
        'requests.cpu': '3',
        'requests.memory': '3Gi',
      });
    },
  );

  itWithCapsule('reads the same with list calls for many teams', async () => {
    const reader = new TenancyReader(
      new KubernetesApi(kubeConfigFor(await backendServiceAccountToken())),
    );
    const teams = await reader.readTeams([team]);
    expect(teams.get(team)!.quota.used).toEqual({
      'requests.cpu': '3',
      'requests.memory': '3Gi',
    });
  });

  itWithCapsule('reads the same from the watch cache', async () => {
    const backend = kubeConfigFor(await backendServiceAccountToken());
    const cache = new TenancyWatchCache(backend, mockServices.logger.mock());
    cache.start();
    try {
      await eventually(async () => cache.snapshot(), Boolean);
      const kube = new KubernetesApi(backend);
      const teams = await new TenancyReader(kube, cache).readTeams([team]);
      expect(kube.requestCount).toBe(0);
      expect(teams.get(team)!.quota.used).toEqual({
        'requests.cpu': '3',
        'requests.memory': '3Gi',
      });
    } finally {
      await cache.stop();
    }
  });
});
