import * as k8s from '@kubernetes/client-node';
import {
  adminKubeConfig,
  backendServiceAccountToken,
  kubeConfigFor,
} from '../__testUtils__/kubernetes/testCluster';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
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

  it('reads any number of teams with three list calls', async () => {
    const before = kube.requestCount;
    const state = await new TenancyReader(kube).readTeams(teams);
    expect(kube.requestCount - before).toBe(3);
    expect([...state.keys()]).toEqual(teams);
    for (const team of teams) {
      expect(state.get(team)).toMatchObject({
        tenant: { metadata: { name: team } },
        projects: [{ name: `${team}-a` }, { name: `${team}-b` }],
        quota: { hard: { 'requests.cpu': '8' } },
      });
    }
  });

  it('reads one team with three calls, whatever else the cluster holds', async () => {
    const before = kube.requestCount;
    const state = await new TenancyReader(kube).readTeam(teams[0]);
    expect(kube.requestCount - before).toBe(3);
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
});
