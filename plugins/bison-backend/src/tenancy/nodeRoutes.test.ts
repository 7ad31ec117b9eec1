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
const core = admin.makeApiClient(k8s.CoreV1Api);
const custom = admin.makeApiClient(k8s.CustomObjectsApi);

/** A GPU node as a kubelet would register it, with its own label and taint. */
async function registerNode(name: string) {
  await core.createNode({
    body: {
      metadata: {
        name,
        labels: {
          'kubernetes.io/hostname': name,
          'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB',
        },
      },
      spec: {
        taints: [
          { key: 'maintenance', value: 'soon', effect: 'PreferNoSchedule' },
        ],
      },
    },
  });
  await core.patchNodeStatus(
    {
      name,
      body: {
        status: {
          capacity: {
            cpu: '64',
            memory: '512Gi',
            pods: '110',
            'nvidia.com/gpu': '8',
            'nvidia.com/mig-1g.10gb': '14',
          },
          allocatable: {
            cpu: '63500m',
            memory: '500Gi',
            'nvidia.com/gpu': '8',
          },
          conditions: [
            { type: 'Ready', status: 'True', reason: 'KubeletReady' },
          ],
        },
      },
    },
    k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
  );
}

/**
 * Works around Capsule bug projectcapsule/capsule#2142 (v0.14.0; fixed
 * upstream, not yet pinnable here): once a Tenant's nodeSelector changes,
 * Capsule denies every update of the tenant's existing namespaces, and so
 * Bison's toleration patch. The test cluster's CapsuleConfiguration
 * (scripts/kube/capsule-configuration.yaml) skips namespaces with this label.
 */
async function skipCapsule2142(namespace: string) {
  await core.patchNamespace(
    {
      name: namespace,
      body: { metadata: { labels: { 'bison-testenv/capsule-2142': 'skip' } } },
    },
    k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
  );
}

/**
 * Creates a pod as the admin, waiting for the namespace's default
 * ServiceAccount, which the controller-manager creates shortly after it.
 */
async function createPod(namespace: string): Promise<k8s.V1Pod> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await core.createNamespacedPod({
        namespace,
        body: {
          metadata: { name: 'toleration-check' },
          spec: { containers: [{ name: 'main', image: 'busybox' }] },
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

describe('node pool routes', () => {
  const run = Date.now().toString(36);
  const node = `gpu-${run}`;
  const teamA = `a-${run}`;
  const teamB = `b-${run}`;
  /** Team A's projects created before and after it got a node. */
  const earlyProject = `${teamA}-early`;
  const lateProject = `${teamA}-late`;
  let server: Server;
  const api = () => bisonApi(server);

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    server = await startPluginBackend(knex, {
      groups: [teamA, teamB],
      kubernetesToken: await backendServiceAccountToken(),
    });
    await registerNode(node);
    const created = await api()
      .post(`/teams/${teamA}/projects`)
      .send({ name: earlyProject });
    if (created.status !== 201) {
      throw new Error(`creating ${earlyProject}: ${created.status}`);
    }
  });

  afterAll(async () => {
    await core.deleteNode({ name: node });
    for (const name of [earlyProject, lateProject]) {
      await core.deleteNamespace({ name }).catch(() => undefined);
    }
  });

  it('lists nodes with pool, GPU model, capacity and allocatable', async () => {
    const res = await api().get('/nodes');
    expect(res.status).toBe(200);
    expect(res.body.items).toContainEqual({
      name: node,
      ready: true,
      unschedulable: false,
      gpuModel: 'NVIDIA-A100-SXM4-80GB',
      capacity: expect.objectContaining({
        'nvidia.com/gpu': '8',
        memory: '512Gi',
      }),
      allocatable: expect.objectContaining({ cpu: '63500m' }),
    });
  });

  it('offers the extended resources nodes advertise in the catalogue', async () => {
    const res = await api().get('/resources');
    const keys = res.body.items.map((r: { key: string }) => r.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'cpu',
        'memory',
        'nvidia.com/gpu',
        'nvidia.com/mig-1g.10gb',
      ]),
    );
    expect(res.body.items).toContainEqual({
      key: 'nvidia.com/mig-1g.10gb',
      displayName: 'NVIDIA MIG 1g.10gb',
      unit: 'devices',
      quotaKeys: ['requests.nvidia.com/mig-1g.10gb'],
      onNodes: true,
    });
  });

  const plainTaints = (read: k8s.V1Node) =>
    (read.spec?.taints ?? []).map(({ key, value, effect }) => ({
      key,
      ...(value ? { value } : {}),
      effect,
    }));
  let taintsBefore: ReturnType<typeof plainTaints>;

  it('reserves a node for a team, changing only its own label and taint', async () => {
    // The API server itself adds a not-ready taint: one more to keep.
    taintsBefore = plainTaints(await core.readNode({ name: node }));
    expect(taintsBefore).toContainEqual({
      key: 'maintenance',
      value: 'soon',
      effect: 'PreferNoSchedule',
    });
    // capsule#2142: team A's namespaces must stay writable once its Tenant's nodeSelector changes.
    await skipCapsule2142(earlyProject);
    const res = await api().post(`/nodes/${node}/assign`).send({ team: teamA });
    expect(res.status).toBe(200);
    expect(res.body.team).toBe(teamA);

    const reserved = await core.readNode({ name: node });
    expect(reserved.metadata?.labels).toMatchObject({
      'kubernetes.io/hostname': node,
      'bison.io/pool': teamA,
    });
    expect(plainTaints(reserved)).toEqual([
      ...taintsBefore,
      { key: 'bison.io/pool', value: teamA, effect: 'NoSchedule' },
    ]);
    const tenant = await custom.getClusterCustomObject({
      ...TENANT_API,
      name: teamA,
    });
    expect(tenant.spec.nodeSelector).toEqual({ 'bison.io/pool': teamA });
    expect((await api().get(`/teams/${teamA}`)).body).toMatchObject({
      pool: 'exclusive',
      tenancy: { status: 'ok' },
    });
  });

  it('refuses to take a node reserved for another team', async () => {
    const res = await api().post(`/nodes/${node}/assign`).send({ team: teamB });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      `node '${node}' is reserved for team '${teamA}'; release it first`,
    );
    const unknown = await api()
      .post(`/nodes/${node}/assign`)
      .send({ team: 'nobody' });
    expect(unknown.status).toBe(404);
    const missing = await api()
      .post('/nodes/no-such-node/assign')
      .send({ team: teamB });
    expect(missing.status).toBe(404);
  });

  it('keeps a team with reserved nodes out of the shared pool', async () => {
    const res = await api().patch(`/teams/${teamA}`).send({ pool: 'shared' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(`has nodes reserved (${node})`);
  });

  it("gives the pods of an exclusive team's namespaces the toleration of its nodes", async () => {
    const created = await api()
      .post(`/teams/${teamA}/projects`)
      .send({ name: lateProject });
    expect(created.status).toBe(201);
    const toleration = {
      key: 'bison.io/pool',
      operator: 'Equal',
      value: teamA,
      effect: 'NoSchedule',
    };
    for (const namespace of [earlyProject, lateProject]) {
      const read = await core.readNamespace({ name: namespace });
      expect(
        JSON.parse(
          read.metadata!.annotations![
            'scheduler.alpha.kubernetes.io/defaultTolerations'
          ],
        ),
      ).toEqual([toleration]);
      // The PodTolerationRestriction admission plugin adds it to the pod.
      const pod = await createPod(namespace);
      expect(pod.spec?.tolerations).toContainEqual(toleration);
    }
  });

  it('releases a node, removing only its own label and taint', async () => {
    // capsule#2142: releasing changes the nodeSelector again; the early project is labelled already.
    await skipCapsule2142(lateProject);
    const res = await api().post(`/nodes/${node}/release`);
    expect(res.status).toBe(200);
    expect(res.body.team).toBeUndefined();
    const released = await core.readNode({ name: node });
    expect(released.metadata?.labels?.['bison.io/pool']).toBeUndefined();
    expect(released.metadata?.labels?.['kubernetes.io/hostname']).toBe(node);
    expect(plainTaints(released)).toEqual(taintsBefore);
    const shared = await api()
      .patch(`/teams/${teamA}`)
      .send({ pool: 'shared' });
    expect(shared.body.pool).toBe('shared');
    const tenant = await custom.getClusterCustomObject({
      ...TENANT_API,
      name: teamA,
    });
    expect(tenant.spec.nodeSelector ?? {}).toEqual({});
    for (const namespace of [earlyProject, lateProject]) {
      const read = await core.readNamespace({ name: namespace });
      expect(
        read.metadata?.annotations?.[
          'scheduler.alpha.kubernetes.io/defaultTolerations'
        ],
      ).toBeUndefined();
    }
  });
});
