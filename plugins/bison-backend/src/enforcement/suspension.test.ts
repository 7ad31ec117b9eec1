import * as k8s from '@kubernetes/client-node';
import { Server } from 'node:http';
import {
  adminKubeConfig,
  backendServiceAccountToken,
  itWithCapsule,
} from '../__testUtils__/kubernetes/testCluster';
import {
  bisonApi,
  startPluginBackend,
} from '../__testUtils__/startPluginBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { TENANT_API } from '../kubernetes/types';
import {
  installAdmissionPolicy,
  teamWorkloads,
} from './__testUtils__/teamWorkloads';
import { eventually } from '../__testUtils__/eventually';

jest.setTimeout(180_000);
/**
 * How long Capsule may take to act (its controller and webhooks reconcile
 * asynchronously, slowly on a busy 2-core machine running every suite).
 */
const CAPSULE_MS = 120_000;

const databases = createTestDatabases();
const admin = adminKubeConfig();
const custom = admin.makeApiClient(k8s.CustomObjectsApi);
const workloads = teamWorkloads(admin);

const readTenant = (name: string) =>
  custom.getClusterCustomObject({ ...TENANT_API, name });

/**
 * Enforcement end to end through the API, on a real kube-apiserver with its
 * controllers, the backend acting as the ServiceAccount of deploy/: wallet
 * states, the suspension ladder and an exact resume.
 */
describe.each(databases.eachSupportedId())('suspension on %p', id => {
  const prefix = `${
    id.startsWith('POSTGRES') ? 'pg' : 'sq'
  }${Date.now().toString(36)}`;
  const team = `${prefix}-gpu`;
  const other = `${prefix}-held`;
  const warned = `${prefix}-warn`;
  const capsuled = `${prefix}-caps`;
  const ns1 = `${team}-train`;
  const ns2 = `${team}-serve`;
  let server: Server;
  const api = () => bisonApi(server);
  let adjustments = 0;
  const adjust = (name: string, amount: string) =>
    api()
      .post(`/teams/${name}/wallet/adjustments`)
      .set('Idempotency-Key', `adj-${++adjustments}`)
      .send({ amount, reason: 'test' })
      .expect(201);
  const recharge = (name: string, amount: string) =>
    api()
      .post(`/teams/${name}/wallet/recharges`)
      .set('Idempotency-Key', `rch-${++adjustments}`)
      .send({ amount })
      .expect(201);
  const enforcement = async (name: string) =>
    (await api().get(`/teams/${name}/enforcement`).expect(200)).body;

  beforeAll(async () => {
    await installAdmissionPolicy();
    const knex = await databases.init(id);
    server = await startPluginBackend(knex, {
      groups: [team, other, warned, capsuled],
      kubernetesToken: await backendServiceAccountToken(),
      bisonConfig: {
        enforcement: { mode: 'enforce', graceHours: 1, lowBalance: '50' },
      },
    });
    for (const [name, project] of [
      [team, ns1],
      [team, ns2],
      [other, `${other}-web`],
      [warned, `${warned}-web`],
      [capsuled, `${capsuled}-web`],
    ]) {
      await api()
        .post(`/teams/${name}/projects`)
        .send({ name: project })
        .expect(201);
    }
    await workloads.deployment(ns1, 'trainer', 3, 2);
    await workloads.deployment(ns2, 'api', 1);
    await workloads.statefulSet(ns1, 'cache', 2);
    await workloads.cronJob(ns2, 'nightly');
    await workloads.job(ns1, 'finetune', { gpus: 1 });
    await workloads.job(ns2, 'paused', { suspend: true });
    await workloads.pod(ns1, 'debug');
    await workloads.deployment(`${other}-web`, 'site', 2);
    await workloads.deployment(`${warned}-web`, 'site', 2);
  });

  it('takes a team low, overdue and, when grace ends, suspended; a recharge restores everything exactly', async () => {
    const before = await workloads.snapshot([ns1, ns2]);
    expect(before).toMatchObject({
      [`${ns1}/deployment/trainer`]: 3,
      [`${ns2}/deployment/api`]: 1,
      [`${ns1}/statefulset/cache`]: 2,
      [`${ns2}/cronjob/nightly`]: false,
      [`${ns1}/job/finetune`]: false,
      [`${ns2}/job/paused`]: true,
      [`${ns1}/labels`]: [],
    });

    await recharge(team, '100');
    expect((await enforcement(team)).state).toBe('active');
    await adjust(team, '-60');
    expect((await enforcement(team)).state).toBe('low');
    await adjust(team, '-50');
    const overdue = await enforcement(team);
    expect(overdue).toMatchObject({ state: 'overdue', balance: '-10.00' });
    expect(
      Date.parse(overdue.graceEndsAt) - Date.parse(overdue.overdueSince),
    ).toBe(3_600_000);
    // A later debit does not restart the grace period.
    await adjust(team, '-5');
    expect((await enforcement(team)).overdueSince).toBe(overdue.overdueSince);

    // The preview names what suspending would stop, GPUs included.
    expect(overdue.preview).toMatchObject({
      available: true,
      namespaces: expect.arrayContaining([ns1, ns2]),
      gpus: 7, // 3 trainers × 2, and the fine-tuning Job's 1
    });
    expect(overdue.preview.workloads).toEqual(
      expect.arrayContaining([
        {
          kind: 'Deployment',
          namespace: ns1,
          name: 'trainer',
          replicas: 3,
          gpus: 6,
        },
        {
          kind: 'CronJob',
          namespace: ns2,
          name: 'nightly',
          replicas: 0,
          gpus: 0,
        },
      ]),
    );

    // The grace period ends (shortened to none): suspended at once.
    const suspended = (
      await api()
        .put(`/teams/${team}/enforcement`)
        .send({ graceHours: 0 })
        .expect(200)
    ).body;
    expect(suspended).toMatchObject({
      state: 'suspended',
      suspension: {
        trigger: 'grace-expired',
        status: 'suspended',
        cluster: 'enforce',
      },
    });
    expect(
      suspended.suspension.actions.every((a: any) => a.status === 'applied'),
    ).toBe(true);
    expect(suspended.suspension.actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'Tenant', name: team, step: 'cordon' }),
        expect.objectContaining({
          kind: 'Deployment',
          namespace: ns1,
          name: 'trainer',
          before: '3 replicas',
        }),
        expect.objectContaining({
          kind: 'Job',
          name: 'finetune',
          before: 'not suspended',
        }),
      ]),
    );
    // The Job its user had suspended is not Bison's to resume.
    expect(
      suspended.suspension.actions.some((a: any) => a.name === 'paused'),
    ).toBe(false);

    expect((await readTenant(team)).spec.cordoned).toBe(true);
    expect(await workloads.snapshot([ns1, ns2])).toMatchObject({
      [`${ns1}/deployment/trainer`]: 0,
      [`${ns2}/deployment/api`]: 0,
      [`${ns1}/statefulset/cache`]: 0,
      [`${ns2}/cronjob/nightly`]: true,
      [`${ns1}/job/finetune`]: true,
      [`${ns2}/job/paused`]: true,
      [`${ns1}/labels`]: ['bison.io/block-new-pods', 'bison.io/suspended'],
    });
    // The API server itself refuses new pods there.
    await expect(workloads.pod(ns2, 'sneaky')).rejects.toMatchObject({
      code: 403,
      body: expect.stringContaining('suspended Bison team'),
    });

    // A recharge back above the resume level lifts the suspension.
    await recharge(team, '1000');
    const resumed = await eventually(
      () => enforcement(team),
      e => e.suspension.status === 'resumed',
    );
    expect(resumed.state).toBe('active');
    expect(await workloads.snapshot([ns1, ns2])).toEqual(before);
    // The Tenant CRD defaults the field to false.
    expect((await readTenant(team)).spec.cordoned).toBe(false);
    await workloads.pod(ns2, 'allowed-again');
  });

  it('keeps a held suspension through a recharge, and resume leaves alone what others changed', async () => {
    const ns = `${other}-web`;
    await api()
      .put(`/teams/${other}/enforcement`)
      .send({ steps: ['scale-workloads', 'delete-bare-pods'] })
      .expect(200);
    await workloads.pod(ns, 'notebook');
    const res = await api()
      .post(`/teams/${other}/suspend`)
      .send({ reason: 'Quarterly review', hold: true })
      .expect(200);
    expect(res.body).toMatchObject({
      state: 'suspended',
      suspension: {
        trigger: 'manual',
        held: true,
        reason: 'Quarterly review',
        status: 'suspended',
      },
    });
    expect((await workloads.snapshot([ns]))[`${ns}/deployment/site`]).toBe(0);
    // Only the configured steps ran: no cordon, and the bare pod is gone.
    expect(res.body.suspension.actions.map((a: any) => a.step).sort()).toEqual([
      'delete-bare-pods',
      'scale-workloads',
    ]);
    expect((await readTenant(other)).spec.cordoned).toBe(false);
    await eventually(
      () => workloads.core.listNamespacedPod({ namespace: ns }),
      pods => !pods.items.some(p => p.metadata?.name === 'notebook'),
    );

    await recharge(other, '500');
    expect((await enforcement(other)).state).toBe('suspended');

    // Someone rescales the Deployment meanwhile: resume leaves it.
    await workloads.apps.patchNamespacedDeploymentScale(
      { name: 'site', namespace: ns, body: { spec: { replicas: 5 } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    const resumed = (
      await api()
        .post(`/teams/${other}/resume`)
        .send({ reason: 'Review done' })
        .expect(200)
    ).body;
    expect(resumed.state).toBe('active');
    expect(resumed.suspension).toMatchObject({
      status: 'resumed',
      resumeReason: 'Review done',
    });
    expect(
      resumed.suspension.actions.find((a: any) => a.kind === 'Deployment'),
    ).toMatchObject({ status: 'left' });
    // A deleted pod is not recreated, and says so.
    expect(
      resumed.suspension.actions.find((a: any) => a.kind === 'Pod'),
    ).toMatchObject({ name: 'notebook', status: 'gone' });
    expect((await workloads.snapshot([ns]))[`${ns}/deployment/site`]).toBe(5);
    await api()
      .post(`/teams/${other}/resume`)
      .send({ reason: 'again' })
      .expect(409);
  });

  itWithCapsule(
    "cordons through Capsule's own controller and webhook, beside its tenant quota",
    async () => {
      const ns = `${capsuled}-web`;
      await api()
        .put(`/teams/${capsuled}/quota`)
        .send({ hard: { pods: '20', 'requests.cpu': '8' } })
        .expect(200);
      // Capsule turns the Tenant's quota into a ResourceQuota of its own.
      await eventually(
        () => workloads.core.listNamespacedResourceQuota({ namespace: ns }),
        quotas =>
          quotas.items.some(
            q =>
              q.metadata?.name === `capsule-${capsuled}-0` &&
              q.spec?.hard?.pods === '20',
          ),
        CAPSULE_MS,
      );
      // A Capsule user (its group projectcapsule.dev) who may edit the
      // namespace: the one kind of requester Capsule's cordon stops.
      const member = `member-of-${capsuled}`;
      await admin
        .makeApiClient(k8s.RbacAuthorizationV1Api)
        .createNamespacedRoleBinding({
          namespace: ns,
          body: {
            metadata: { name: 'member-edits' },
            roleRef: {
              apiGroup: 'rbac.authorization.k8s.io',
              kind: 'ClusterRole',
              name: 'edit',
            },
            subjects: [
              {
                apiGroup: 'rbac.authorization.k8s.io',
                kind: 'User',
                name: member,
              },
            ],
          },
        });
      const asMember = k8s.setHeaderOptions(
        'Impersonate-User',
        member,
        k8s.setHeaderOptions('Impersonate-Group', 'projectcapsule.dev'),
      );
      // The member creates a ConfigMap: the error it gets, if any.
      const memberCreateError = (when: string) =>
        workloads.core
          .createNamespacedConfigMap(
            {
              namespace: ns,
              body: { metadata: { name: `${when}-${Date.now()}` } },
            },
            asMember,
          )
          .then(
            () => undefined,
            (error: unknown) => error,
          );
      await eventually(
        () => memberCreateError('before'),
        error => error === undefined,
      );

      await api()
        .post(`/teams/${capsuled}/suspend`)
        .send({ reason: 'Capsule check' })
        .expect(200);
      await eventually(
        () => workloads.core.readNamespace({ name: ns }),
        n => n.metadata?.labels?.['projectcapsule.dev/cordoned'] === 'true',
        CAPSULE_MS,
      );
      // Capsule's webhook reads the Tenant from its own cache: poll.
      const refusal = await eventually(
        () => memberCreateError('during'),
        error => error !== undefined,
        CAPSULE_MS,
      );
      expect(refusal).toMatchObject({
        code: 403,
        body: expect.stringMatching(/is freezed|cordon/),
      });

      await api()
        .post(`/teams/${capsuled}/resume`)
        .send({ reason: 'Capsule check done' })
        .expect(200);
      // The label is gone once Bison has uncordoned the Tenant (Bison removes
      // it where Capsule's controller leaves it) and the member may write.
      await eventually(
        () => workloads.core.readNamespace({ name: ns }),
        n => n.metadata?.labels?.['projectcapsule.dev/cordoned'] === undefined,
        CAPSULE_MS,
      );
      await eventually(
        () => memberCreateError('after'),
        error => error === undefined,
        CAPSULE_MS,
      );
    },
    4 * CAPSULE_MS,
  );

  it('changes nothing in the cluster in warn mode', async () => {
    await api()
      .put(`/teams/${warned}/enforcement`)
      .send({ mode: 'warn', graceHours: 0 })
      .expect(200);
    await adjust(warned, '-1');
    const e = await enforcement(warned);
    expect(e).toMatchObject({
      state: 'suspended',
      suspension: { cluster: 'warn', status: 'suspended', actions: [] },
    });
    const ns = `${warned}-web`;
    expect(await workloads.snapshot([ns])).toMatchObject({
      [`${ns}/deployment/site`]: 2,
      [`${ns}/labels`]: [],
    });
    expect((await readTenant(warned)).spec.cordoned).toBe(false);
  });

  it.each([
    [{ steps: ['cordon', 'freeze'] }, "'steps' has an unknown step 'freeze'"],
    [{ graceHours: -1 }, "'graceHours' must be a number from 0"],
    [{ mode: 'strict' }, "'mode' must be 'enforce' or 'warn'"],
    [{ creditLimit: '10.001' }, "'creditLimit' has more than 2 decimal places"],
    [
      { resumeBalance: '-1' },
      "'resumeBalance' must not be below the credit limit",
    ],
    [{ lowRunwayDays: 0 }, "'lowRunwayDays' must be a number above 0"],
    [{ grace: 3 }, "unknown field 'grace'"],
  ])('rejects %j naming the field, changing nothing', async (body, message) => {
    const before = await enforcement(warned);
    const res = await api().put(`/teams/${warned}/enforcement`).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect((await enforcement(warned)).overrides).toEqual(before.overrides);
  });
});
