import { mockServices } from '@backstage/backend-test-utils';
import * as k8s from '@kubernetes/client-node';
import {
  adminKubeConfig,
  backendServiceAccountToken,
  kubeConfigFor,
} from '../__testUtils__/kubernetes/testCluster';
import { createWalletServices } from '../__testUtils__/walletFixture';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { TENANT_API } from '../kubernetes/types';
import { TenancyReconciler } from './TenancyReconciler';
import {
  DEFAULT_TOLERATIONS_ANNOTATION,
  POOL_LABEL,
  TENANT_LABEL,
} from './kubernetesNames';
import { newTenant, Pool } from './tenants/tenantFields';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('TenancyReconciler on %p', id => {
  it('records missing and drifted Tenants in the team status', async () => {
    const run = `${id.startsWith('POSTGRES') ? 'p' : 's'}${Date.now().toString(
      36,
    )}`;
    const knex = await databases.init(id);
    const { teams, createTeam } = await createWalletServices(knex);
    const admin = new KubernetesApi(adminKubeConfig());
    const [kept, changed, gone] = await Promise.all(
      ['kept', 'changed', 'gone'].map(async suffix => {
        const team = await createTeam(`rc-${run}-${suffix}`);
        await admin.createTenant(
          newTenant(team.name, team.groupRef, {
            owners: [{ kind: 'Group', name: team.name }],
            hard: {},
            pool: 'shared',
          }),
        );
        return team;
      }),
    );
    const custom = adminKubeConfig().makeApiClient(k8s.CustomObjectsApi);
    await custom.patchClusterCustomObject(
      {
        ...TENANT_API,
        name: changed.name,
        body: {
          spec: { resourceQuotas: { items: [{ hard: { pods: '1' } }] } },
        },
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    await admin.deleteTenant(gone.name);

    const logger = mockServices.logger.mock();
    const kube = new KubernetesApi(
      kubeConfigFor(await backendServiceAccountToken()),
    );
    const checkedAt = new Date('2026-11-25T12:00:00Z');
    await new TenancyReconciler(teams, kube, logger).run(checkedAt);

    const status = async (name: string) => (await teams.getTeam(name))!.tenancy;
    expect(await status(kept.name)).toEqual({
      status: 'ok',
      problems: [],
      checkedAt,
    });
    expect(await status(changed.name)).toEqual({
      status: 'drifted',
      problems: ['the team quota was changed outside Bison'],
      checkedAt,
    });
    expect(await status(gone.name)).toEqual({
      status: 'missing',
      problems: ['the Capsule Tenant was deleted outside Bison'],
      checkedAt,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(`Tenant of team ${gone.name} is missing`),
    );
  });

  it("keeps the node pool tolerations of the teams' namespaces in line", async () => {
    const run = `${id.startsWith('POSTGRES') ? 'p' : 's'}${Date.now().toString(
      36,
    )}`;
    const knex = await databases.init(id);
    const { teams, createTeam } = await createWalletServices(knex);
    const admin = new KubernetesApi(adminKubeConfig());
    const core = adminKubeConfig().makeApiClient(k8s.CoreV1Api);
    const foreign = { key: 'gpu', operator: 'Exists', effect: 'NoExecute' };
    const namespaces: Record<Pool, string> = {
      exclusive: `tl-${run}-exclusive-web`,
      shared: `tl-${run}-shared-web`,
    };
    for (const pool of ['exclusive', 'shared'] as const) {
      const team = await createTeam(`tl-${run}-${pool}`);
      await admin.createTenant(
        newTenant(team.name, team.groupRef, {
          owners: [{ kind: 'Group', name: team.name }],
          hard: {},
          pool,
        }),
      );
      // As a tenant owner would create it, outside Bison; the shared team's
      // still tolerates the nodes it had.
      await core.createNamespace({
        body: {
          metadata: {
            name: namespaces[pool],
            labels: { [TENANT_LABEL]: team.name },
            annotations:
              pool === 'shared'
                ? {
                    [DEFAULT_TOLERATIONS_ANNOTATION]: JSON.stringify([
                      foreign,
                      {
                        key: POOL_LABEL,
                        value: team.name,
                        effect: 'NoSchedule',
                      },
                    ]),
                  }
                : {},
          },
        },
      });
    }
    const tolerations = async (name: string) => {
      const read = await core.readNamespace({ name });
      const value =
        read.metadata?.annotations?.[DEFAULT_TOLERATIONS_ANNOTATION];
      return value ? JSON.parse(value) : undefined;
    };

    const kube = new KubernetesApi(
      kubeConfigFor(await backendServiceAccountToken()),
    );
    const reconciler = new TenancyReconciler(
      teams,
      kube,
      mockServices.logger.mock(),
    );
    try {
      await reconciler.run();
      expect(await tolerations(namespaces.exclusive)).toEqual([
        {
          key: POOL_LABEL,
          operator: 'Equal',
          value: `tl-${run}-exclusive`,
          effect: 'NoSchedule',
        },
      ]);
      expect(await tolerations(namespaces.shared)).toEqual([foreign]);

      // In line now: the next run only lists.
      const before = kube.requestCount;
      await reconciler.run();
      expect(kube.requestCount - before).toBe(2);
    } finally {
      for (const name of Object.values(namespaces)) {
        await core.deleteNamespace({ name }).catch(() => undefined);
      }
    }
  });
});
