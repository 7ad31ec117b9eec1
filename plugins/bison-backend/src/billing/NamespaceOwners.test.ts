import { mockServices } from '@backstage/backend-test-utils';
import * as k8s from '@kubernetes/client-node';
import { TimeWindow } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import {
  adminKubeConfig,
  backendServiceAccountToken,
  kubeConfigFor,
} from '../__testUtils__/kubernetes/testCluster';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createWalletServices } from '../__testUtils__/walletFixture';
import { KubernetesApi } from '../kubernetes/KubernetesApi';
import { TenancyWatchCache } from '../kubernetes/TenancyWatchCache';
import { Tenant } from '../kubernetes/types';
import { TENANT_LABEL } from '../tenancy/kubernetesNames';
import { newProjectNamespace } from '../tenancy/projects/projectNamespace';
import { Team, TeamStore } from '../tenancy/TeamStore';
import { newTenant } from '../tenancy/tenants/tenantFields';
import { NamespaceOwnerHistory } from './NamespaceOwnerHistory';
import { CapsuleNamespaceOwners } from './NamespaceOwners';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const HOUR = 3_600_000;
const DAY_START = Date.parse('2026-11-20T00:00:00Z');
const at = (hours: number) => new Date(DAY_START + hours * HOUR);
const windowAt = (hour: number): TimeWindow => ({
  start: at(hour),
  end: at(hour + 1),
});

/** Namespace name → team name, for readable expectations. */
function names(owners: Map<string, Team>): Record<string, string> {
  return Object.fromEntries(
    [...owners].map(([namespace, team]) => [namespace, team.name]),
  );
}

async function waitFor(condition: () => boolean) {
  for (let i = 0; i < 240 && !condition(); i++) {
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  if (!condition()) throw new Error('timed out waiting');
}

async function waitUntilGone(core: k8s.CoreV1Api, name: string) {
  for (let i = 0; i < 120; i++) {
    try {
      await core.readNamespace({ name });
    } catch {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(`namespace ${name} was not deleted`);
}

describe.each(databases.eachSupportedId())(
  'CapsuleNamespaceOwners on a real cluster and %p',
  databaseId => {
    const run = `${Date.now().toString(36)}${databaseId.length}`;
    const teamA = `no${run}-a`;
    const teamB = `no${run}-b`;
    const kept = `${teamB}-kept`;
    const deleted = `${teamA}-deleted`;
    const moved = `${teamA}-moved`;
    const added = `${teamB}-added`;
    const watched = `${teamB}-watched`;
    const admin = new KubernetesApi(adminKubeConfig());
    const core = adminKubeConfig().makeApiClient(k8s.CoreV1Api);
    let knex: Knex;
    let teams: TeamStore;
    let now: Date;
    let owners: CapsuleNamespaceOwners;
    let kube: KubernetesApi;
    let tenantB: Tenant | undefined;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const services = await createWalletServices(knex);
      teams = services.teams;
      await services.createTeam(teamA);
      await services.createTeam(teamB);
      const tenants = new Map<string, Tenant>();
      for (const team of [teamA, teamB]) {
        tenants.set(
          team,
          await admin.createTenant(
            newTenant(team, `group:default/${team}`, {
              owners: [{ kind: 'Group', name: team }],
              hard: {},
              pool: 'shared',
            }),
          ),
        );
      }
      tenantB = tenants.get(teamB);
      await admin.createNamespace(newProjectNamespace(kept, tenantB!, {}));
      for (const name of [deleted, moved]) {
        await admin.createNamespace(
          newProjectNamespace(name, tenants.get(teamA)!, {}),
        );
      }
      kube = new KubernetesApi(
        kubeConfigFor(await backendServiceAccountToken()),
      );
      owners = new CapsuleNamespaceOwners(
        kube,
        teams,
        new NamespaceOwnerHistory(knex),
        () => now,
      );
    });

    afterAll(async () => {
      for (const name of [kept, moved, added, watched]) {
        await core.deleteNamespace({ name }).catch(() => {});
      }
      await knex.destroy();
    });

    /** Only this test's namespaces: the cluster is shared with other tests. */
    async function ownersDuring(window: TimeWindow) {
      const all = names(await owners.teamsDuring(window));
      return Object.fromEntries(
        Object.entries(all).filter(([namespace]) =>
          [kept, deleted, moved, added, watched].includes(namespace),
        ),
      );
    }

    it('keeps the owner of a namespace deleted or moved before its windows are billed', async () => {
      now = at(10.5);
      const before = kube.requestCount;
      await owners.observe();
      expect(kube.requestCount - before).toBe(1);

      await admin.deleteNamespace(deleted);
      await waitUntilGone(core, deleted);
      // Moved as Capsule accepts it: the tenant label and the Tenant
      // ownerReference together (Capsule denies a label that does not match
      // the ownerReference). The owners are still read from the label.
      await admin.patchNamespace(moved, {
        metadata: {
          labels: { [TENANT_LABEL]: teamB },
          ownerReferences: newProjectNamespace(moved, tenantB!, {}).metadata!
            .ownerReferences,
        },
      });
      now = at(12.5);

      // 10:00–11:00: the deleted namespace was A's, and so was the moved one.
      expect(await ownersDuring(windowAt(10))).toEqual({
        [kept]: teamB,
        [deleted]: teamA,
        [moved]: teamA,
      });
      // 12:00–13:00: the deleted one was last seen at 10:30; the moved one is B's.
      expect(await ownersDuring(windowAt(12))).toEqual({
        [kept]: teamB,
        [moved]: teamB,
      });
      // 09:00–10:00, before Bison first looked: the first owners seen.
      expect(await ownersDuring(windowAt(9))).toEqual({
        [kept]: teamB,
        [deleted]: teamA,
        [moved]: teamA,
      });
    });

    it('records a new owner at once, not only once a minute', async () => {
      const before = await ownersDuring(windowAt(12));
      await admin.createNamespace(newProjectNamespace(added, tenantB!, {}));
      expect(await ownersDuring(windowAt(12))).toEqual({
        ...before,
        [added]: teamB,
      });
    });

    it("notes a namespace's owner when the watch sees it deleted", async () => {
      const cache = new TenancyWatchCache(
        kubeConfigFor(await backendServiceAccountToken()),
        mockServices.logger.mock(),
      );
      const noted: string[] = [];
      cache.onNamespaceDeleted(namespace => {
        owners
          .noteDeleted(namespace)
          .then(() => noted.push(namespace.metadata!.name!));
      });
      cache.start();
      try {
        await waitFor(() => cache.version() !== undefined);
        await admin.createNamespace(newProjectNamespace(watched, tenantB!, {}));
        now = at(13.5);
        await owners.observe();
        // Deleted at 15:20, before the next observation.
        now = at(15 + 1 / 3);
        await admin.deleteNamespace(watched);
        await waitFor(() => noted.includes(watched));
        now = at(16);
        expect(await ownersDuring(windowAt(15))).toMatchObject({
          [watched]: teamB,
        });
      } finally {
        await cache.stop();
      }
    });

    it('leaves the namespaces of an archived team unallocated', async () => {
      const [a] = await teams.getTeamsByName([teamA]);
      await teams.archiveTeam(a.id, now);
      // A's namespaces are unallocated. Those B added later are mapped too:
      // a namespace first seen after a window may have existed in it (and
      // has no usage there if it did not).
      expect(await ownersDuring(windowAt(10))).toEqual({
        [kept]: teamB,
        [added]: teamB,
        [watched]: teamB,
      });
    });
  },
);
