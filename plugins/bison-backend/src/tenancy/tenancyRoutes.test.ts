import * as k8s from '@kubernetes/client-node';
import { Server } from 'node:http';
import {
  adminKubeConfig,
  backendServiceAccountToken,
} from '../__testUtils__/kubernetes/testCluster';
import {
  bisonApi,
  startPluginBackend,
} from '../__testUtils__/startPluginBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { TENANT_API } from '../kubernetes/types';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const admin = adminKubeConfig();
const custom = admin.makeApiClient(k8s.CustomObjectsApi);
const core = admin.makeApiClient(k8s.CoreV1Api);

const readTenant = (name: string) =>
  custom.getClusterCustomObject({ ...TENANT_API, name });

async function tenantExists(name: string) {
  try {
    await readTenant(name);
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 404) return false;
    throw error;
  }
}

/**
 * Whether the Tenant is gone within `timeoutMs`. Capsule's finalizer
 * (controller.projectcapsule.dev/finalize) keeps a deleted Tenant, marked
 * with a deletionTimestamp, until its namespaces are gone.
 */
async function tenantGoneWithin(name: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let tenant: { metadata?: { deletionTimestamp?: string } };
    try {
      tenant = await readTenant(name);
    } catch (error) {
      if ((error as { code?: number }).code === 404) return true;
      throw error;
    }
    if (!tenant.metadata?.deletionTimestamp) {
      throw new Error(`Tenant ${name} is not being deleted`);
    }
    if (Date.now() >= deadline) return false;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean) {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error('condition not reached in 20 s');
}

/**
 * Teams, projects and quotas through the API, on a real kube-apiserver, with
 * the backend acting as the ServiceAccount of deploy/.
 */
describe.each(databases.eachSupportedId())('tenancy routes on %p', id => {
  // The cluster outlives a run and is shared by both databases: names differ.
  const prefix = `${
    id.startsWith('POSTGRES') ? 'pg' : 'sq'
  }${Date.now().toString(36)}`;
  const ml = `${prefix}-ml`;
  const data = `${prefix}-data`;
  let server: Server;
  const api = () => bisonApi(server);

  beforeAll(async () => {
    const knex = await databases.init(id);
    server = await startPluginBackend(knex, {
      groups: [ml, data, `${prefix}-taken`, `${prefix}-bad`],
      teams: [],
      kubernetesToken: await backendServiceAccountToken(),
    });
  });

  it('creates the Tenant bound to the Group, with quota units kept', async () => {
    const res = await api()
      .post('/teams')
      .send({
        groupRef: `group:default/${ml}`,
        quota: {
          hard: { 'requests.memory': '64Gi', 'requests.nvidia.com/gpu': '4' },
        },
      });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: ml,
      owners: [{ kind: 'Group', name: ml }],
      pool: 'shared',
      quota: {
        hard: { 'requests.memory': '64Gi', 'requests.nvidia.com/gpu': '4' },
      },
      projectCount: 0,
      tenancy: { status: 'ok', problems: [] },
      wallet: { balance: '0.00' },
    });
    const tenant = await readTenant(ml);
    expect(tenant.spec).toMatchObject({
      owners: [{ kind: 'Group', name: ml }],
      resourceQuotas: {
        scope: 'Tenant',
        items: [
          {
            hard: { 'requests.memory': '64Gi', 'requests.nvidia.com/gpu': '4' },
          },
        ],
      },
    });
    expect(tenant.metadata.annotations['bison.io/group']).toBe(
      `group:default/${ml}`,
    );
  });

  it.each([
    [
      { 'requests.memory': '64 GB' },
      "'quota.hard.requests.memory' is not a Kubernetes quantity",
    ],
    [{ 'requests.memory': '64' }, "'quota.hard.requests.memory' needs a unit"],
    [
      { 'requests.nvidia.com/gpu': '1.5' },
      "'quota.hard.requests.nvidia.com/gpu' must be a whole number",
    ],
    [
      { 'requests.example.com/fpga': '1' },
      "'quota.hard.requests.example.com/fpga' names an unknown resource",
    ],
    [
      { memory: '1Gi' },
      "'quota.hard.memory' is not a quota key; use 'requests.memory' or 'limits.memory'",
    ],
  ])(
    'rejects quota %j naming the field, creating nothing',
    async (hard, message) => {
      const res = await api()
        .post('/teams')
        .send({ groupRef: `group:default/${prefix}-bad`, quota: { hard } });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      expect((await api().get(`/teams/${prefix}-bad`)).status).toBe(404);
      expect(await tenantExists(`${prefix}-bad`)).toBe(false);
    },
  );

  it.each([
    ['kube-system', "'name' 'kube-system' is reserved"],
    ['bison-system', "'name' 'bison-system' is reserved"],
    ['Not_A_Label', "'name' must consist of lowercase"],
  ])('rejects the team name %p', async (name, message) => {
    const res = await api()
      .post('/teams')
      .send({ name, groupRef: `group:default/${prefix}-bad` });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('undoes the team record when the Tenant cannot be created', async () => {
    const taken = `${prefix}-taken`;
    await custom.createClusterCustomObject({
      ...TENANT_API,
      body: {
        apiVersion: 'capsule.clastix.io/v1beta2',
        kind: 'Tenant',
        metadata: { name: taken },
        spec: { owners: [{ kind: 'User', name: 'someone-else' }] },
      },
    });
    const res = await api()
      .post('/teams')
      .send({ groupRef: `group:default/${taken}` });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('already exists in the cluster');
    expect((await api().get(`/teams/${taken}`)).status).toBe(404);
    // The foreign Tenant is untouched.
    expect((await readTenant(taken)).spec.owners).toEqual([
      expect.objectContaining({ kind: 'User', name: 'someone-else' }),
    ]);
  });

  it('patches only the fields sent, keeping what an admin set on the Tenant', async () => {
    await custom.patchClusterCustomObject(
      {
        ...TENANT_API,
        name: ml,
        body: {
          metadata: { labels: { 'cost-center': 'r-and-d' } },
          spec: {
            namespaceOptions: { quota: 7 },
            nodeSelector: { 'topology.kubernetes.io/zone': 'eu-1' },
          },
        },
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    const res = await api()
      .patch(`/teams/${ml}`)
      .send({
        displayName: 'Machine learning',
        quota: { hard: { 'requests.cpu': '500m', 'limits.memory': '1Ti' } },
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'Machine learning',
      quota: { hard: { 'requests.cpu': '500m', 'limits.memory': '1Ti' } },
      tenancy: { status: 'ok' },
    });
    const tenant = await readTenant(ml);
    expect(tenant.metadata.labels['cost-center']).toBe('r-and-d');
    expect(tenant.spec.namespaceOptions).toMatchObject({ quota: 7 });
    expect(tenant.spec.nodeSelector).toEqual({
      'topology.kubernetes.io/zone': 'eu-1',
    });
    // Capsule's defaults on the owner (cluster roles) are kept too.
    expect(tenant.spec.owners).toEqual([
      {
        kind: 'Group',
        name: ml,
        clusterRoles: ['admin', 'capsule-namespace-deleter'],
      },
    ]);
    expect(tenant.spec.resourceQuotas.items[0].hard).toEqual({
      'requests.cpu': '500m',
      'limits.memory': '1Ti',
    });
  });

  it('manages projects of its own team only', async () => {
    await api()
      .post('/teams')
      .send({ groupRef: `group:default/${data}` });
    const created = await api()
      .post(`/teams/${ml}/projects`)
      .send({
        name: `${ml}-training`,
        displayName: 'Training',
        description: 'GPU jobs',
        quota: { hard: { 'requests.cpu': '2', 'requests.memory': '8Gi' } },
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: `${ml}-training`,
      team: ml,
      displayName: 'Training',
      description: 'GPU jobs',
      quota: { hard: { 'requests.cpu': '2', 'requests.memory': '8Gi' } },
    });

    const namespace = await core.readNamespace({ name: `${ml}-training` });
    const tenant = await readTenant(ml);
    expect(namespace.metadata?.labels?.['capsule.clastix.io/tenant']).toBe(ml);
    expect(namespace.metadata?.ownerReferences).toEqual([
      expect.objectContaining({
        apiVersion: 'capsule.clastix.io/v1beta2',
        kind: 'Tenant',
        name: ml,
        uid: tenant.metadata.uid,
      }),
    ]);

    const renamed = await api()
      .patch(`/teams/${ml}/projects/${ml}-training`)
      .send({ displayName: 'Model training' });
    expect(renamed.body).toMatchObject({
      displayName: 'Model training',
      description: 'GPU jobs',
    });

    // Another team's namespace is invisible through this team.
    for (const res of [
      await api().get(`/teams/${data}/projects/${ml}-training`),
      await api().delete(`/teams/${data}/projects/${ml}-training`),
      await api()
        .patch(`/teams/${data}/projects/${ml}-training`)
        .send({ displayName: 'x' }),
      await api()
        .put(`/teams/${data}/projects/${ml}-training/quota`)
        .send({ hard: {} }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(
        `team '${data}' has no project '${ml}-training'`,
      );
    }
    expect(
      (await api().get(`/teams/${data}/projects/kube-system`)).status,
    ).toBe(404);

    const duplicate = await api()
      .post(`/teams/${data}/projects`)
      .send({ name: `${ml}-training` });
    expect(duplicate.status).toBe(409);

    const list = await api().get(`/teams/${ml}/projects`);
    expect(list.body.items.map((p: { name: string }) => p.name)).toEqual([
      `${ml}-training`,
    ]);
    const byName = await api().get(`/projects/${ml}-training`);
    expect(byName.body).toMatchObject({
      team: ml,
      displayName: 'Model training',
    });
  });

  it('reports hard and used per resource from ResourceQuota status', async () => {
    const quota = await eventually(
      () => api().get(`/teams/${ml}/quota`),
      // Capsule's copy of the team quota in the namespace reports too.
      res =>
        res.body.projects?.[0]?.quota.used['requests.cpu'] !== undefined &&
        res.body.projects?.[0]?.quota.used['limits.memory'] !== undefined,
    );
    expect(quota.body).toEqual({
      team: {
        hard: { 'requests.cpu': '500m', 'limits.memory': '1Ti' },
        used: {
          'requests.cpu': '0',
          'limits.memory': '0',
          'requests.memory': '0',
        },
      },
      projects: [
        {
          name: `${ml}-training`,
          quota: {
            hard: { 'requests.cpu': '2', 'requests.memory': '8Gi' },
            used: {
              'requests.cpu': '0',
              'requests.memory': '0',
              'limits.memory': '0',
            },
          },
        },
      ],
    });

    const changed = await api()
      .put(`/teams/${ml}/projects/${ml}-training/quota`)
      .send({ hard: { 'requests.nvidia.com/gpu': '2' } });
    expect(changed.body.quota.hard).toEqual({ 'requests.nvidia.com/gpu': '2' });

    const team = await api()
      .put(`/teams/${ml}/quota`)
      .send({
        hard: { 'requests.memory': '64Gi', 'requests.nvidia.com/gpu': '4' },
      });
    expect(team.body.team.hard).toEqual({
      'requests.memory': '64Gi',
      'requests.nvidia.com/gpu': '4',
    });
    const bad = await api()
      .put(`/teams/${ml}/quota`)
      .send({ hard: { pods: '-1' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      "'quota.hard.pods' must not be negative",
    );
  });

  it('reports a Tenant changed or deleted outside Bison as drift', async () => {
    await custom.patchClusterCustomObject(
      {
        ...TENANT_API,
        name: data,
        body: { spec: { owners: [{ kind: 'User', name: 'mallory' }] } },
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    const drifted = await api().get(`/teams/${data}`);
    expect(drifted.body.tenancy).toMatchObject({
      status: 'drifted',
      problems: ['owners were changed outside Bison'],
    });

    await custom.deleteClusterCustomObject({ ...TENANT_API, name: data });
    // The list of all teams reads the watch cache: it learns within moments.
    const statusInList = async () => {
      const teams = await api().get('/teams');
      return teams.body.items.find((t: { name: string }) => t.name === data)
        .tenancy.status;
    };
    expect(await eventually(statusInList, status => status === 'missing')).toBe(
      'missing',
    );
    const project = await api()
      .post(`/teams/${data}/projects`)
      .send({ name: `${data}-x` });
    expect(project.status).toBe(409);
    expect(project.body.error.message).toContain('deleted outside Bison');
  });

  it('refuses to delete a team with projects unless asked to cascade', async () => {
    const refused = await api().delete(`/teams/${ml}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(`(${ml}-training)`);
    expect(await tenantExists(ml)).toBe(true);

    const deleted = await api().delete(`/teams/${ml}?cascade=true`);
    expect(deleted.status).toBe(204);
    expect(await tenantGoneWithin(ml, 60_000)).toBe(true);
    const namespace = await core
      .readNamespace({ name: `${ml}-training` })
      .catch(() => undefined);
    expect(
      namespace === undefined || namespace.status?.phase === 'Terminating',
    ).toBe(true);
    expect((await api().get(`/teams/${ml}`)).status).toBe(404);
  });
});
