import * as k8s from '@kubernetes/client-node';
import {
  adminKubeConfig,
  backendServiceAccountToken,
  kubeConfigFor,
} from '../__testUtils__/kubernetes/testCluster';
import { mockServices } from '@backstage/backend-test-utils';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { TenancyWatchCache } from '../kubernetes/TenancyWatchCache';
import { newProjectNamespace } from './projects/projectNamespace';
import { TenancyReader } from './TenancyReader';
import { newTenant } from './tenants/tenantFields';

jest.setTimeout(60_000);

describe('TenancyReader', () => {
  const run = Date.now().toString(36);
  const teams = [1, 2, 3, 4].map(i => `rd${run}-${i}`);
  let kube: KubernetesApi;

  beforeAll(async () => {
    const admin = new KubernetesApi(adminKubeConfig());
    for (const team of teams) {
      const tenant = await admin.createTenant(
        newTenant(team, `group:default/${team}`, {
          owners: [{ kind: 'Group', name: team }],
          hard: { 'requests.cpu': '8' },
          pool: 'shared',
        }),
      );
      for (const suffix of ['a', 'b']) {
        await admin.createNamespace(
          newProjectNamespace(`${team}-${suffix}`, tenant, {}),
        );
      }
    }
    kube = new KubernetesApi(kubeConfigFor(await backendServiceAccountToken()));
  });

  afterAll(async () => {
    const core = adminKubeConfig().makeApiClient(k8s.CoreV1Api);
    for (const team of teams) {
      for (const suffix of ['a', 'b']) {
        await core.deleteNamespace({ name: `${team}-${suffix}` });
      }
    }
  });

  it('reads any number of teams with four list calls', async () => {
    const before = kube.requestCount;
    const state = await new TenancyReader(kube).readTeams(teams);
    expect(kube.requestCount - before).toBe(4);
    expect([...state.keys()]).toEqual(teams);
    for (const team of teams) {
      expect(state.get(team)).toMatchObject({
        tenant: { metadata: { name: team } },
        projects: [{ name: `${team}-a` }, { name: `${team}-b` }],
        quota: { hard: { 'requests.cpu': '8' } },
      });
    }
  });

  it('reads one team with four calls, whatever else the cluster holds', async () => {
    const before = kube.requestCount;
    const state = await new TenancyReader(kube).readTeam(teams[0]);
    expect(kube.requestCount - before).toBe(4);
    expect(state.projects.map(project => project.name)).toEqual([
      `${teams[0]}-a`,
      `${teams[0]}-b`,
    ]);
    const missing = await new TenancyReader(kube).readTeam(`rd${run}-none`);
    expect(missing).toEqual({
      tenant: undefined,
      projects: [],
      quota: { hard: {}, used: {} },
    });
  });

  it('reads all teams from the watch cache without API calls, kept current', async () => {
    const backend = kubeConfigFor(await backendServiceAccountToken());
    const cache = new TenancyWatchCache(backend, mockServices.logger.mock());
    cache.start();
    try {
      const reader = new TenancyReader(kube, cache);
      const poll = async <T>(
        read: () => Promise<T>,
        done: (v: T) => boolean,
      ) => {
        for (let i = 0; i < 100; i++) {
          const value = await read();
          if (done(value)) return value;
          await new Promise(resolve => setTimeout(resolve, 100));
        }
        throw new Error('not reached in 10 s');
      };
      await poll(async () => cache.snapshot(), Boolean);

      const before = kube.requestCount;
      const state = await reader.readTeams(teams);
      expect(kube.requestCount).toBe(before);
      expect(state.get(teams[1])?.projects.map(p => p.name)).toEqual([
        `${teams[1]}-a`,
        `${teams[1]}-b`,
      ]);

      // A namespace created elsewhere shows up through the watch.
      const admin = new KubernetesApi(adminKubeConfig());
      const tenant = await admin.getTenant(teams[1]);
      await admin.createNamespace(
        newProjectNamespace(`${teams[1]}-c`, tenant, {}),
      );
      const updated = await poll(
        () => reader.readTeams(teams),
        current => current.get(teams[1])!.projects.length === 3,
      );
      expect(updated.get(teams[1])!.projects[2].name).toBe(`${teams[1]}-c`);
      await admin.deleteNamespace(`${teams[1]}-c`);
    } finally {
      await cache.stop();
    }
  });
});
