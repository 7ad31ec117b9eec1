import * as k8s from '@kubernetes/client-node';
import knexFactory, { Knex } from 'knex';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  adminKubeConfig,
  backendServiceAccountToken,
} from '../__testUtils__/kubernetes/testCluster';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createWalletServices } from '../__testUtils__/walletFixture';
import { TENANT_API } from '../kubernetes/types';
import { TENANT_LABEL } from '../tenancy/kubernetesNames';
import { EnforcementStore } from './EnforcementStore';
import { DEFAULT_SUSPENSION_STEPS } from './settings';
import { WalletStates } from './WalletStates';
import {
  installAdmissionPolicy,
  teamWorkloads,
} from './__testUtils__/teamWorkloads';

jest.setTimeout(240_000);

const databases = createTestDatabases();
const admin = adminKubeConfig();
const workloads = teamWorkloads(admin);
const LEASE_MS = 1_500;

/** A database both this test and a child process can open. */
async function sharedDatabase(id: string): Promise<Knex> {
  if (id === 'SQLITE_3') {
    const dir = mkdtempSync(path.join(tmpdir(), 'bison-ladder-crash-'));
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'bison.sqlite') },
      useNullAsDefault: true,
    });
  }
  return databases.init(id as 'POSTGRES_15');
}

/**
 * Runs the ladder in a real child process. With `killAfter` it is killed
 * with SIGKILL once that many actions reached `status`.
 */
async function runLadderProcess(
  knex: Knex,
  token: string,
  kill?: { status: string; after: number },
) {
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.join(__dirname, '__testUtils__', 'ladderProcess.ts'),
    ],
    {
      env: {
        ...process.env,
        BISON_LADDER_DB: JSON.stringify(knex.client.config),
        BISON_LADDER_TOKEN: token,
        BISON_LADDER_DELAY_MS: kill ? '150' : '0',
        BISON_LADDER_LEASE_MS: String(LEASE_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', chunk => (output += chunk));
  child.stderr!.on('data', chunk => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: string | null }>(
    resolve => child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  if (kill) {
    const reached = async () => {
      const [{ n }] = await knex('suspension_actions')
        .where({ status: kill.status })
        .count({ n: '*' });
      return Number(n);
    };
    for (let i = 0; (await reached()) < kill.after; i++) {
      if (i > 1200 || child.exitCode !== null) {
        throw new Error(`the ladder process never got half-way: ${output}`);
      }
      await new Promise(resolve => setTimeout(resolve, 25));
    }
    child.kill('SIGKILL');
  }
  const { code, signal } = await exited;
  if (kill) {
    expect(signal).toBe('SIGKILL');
    expect(output).not.toContain('finished');
  } else if (code !== 0) {
    throw new Error(`the ladder process failed: ${output}`);
  }
}

/**
 * A backend killed with SIGKILL half-way through suspending, and half-way
 * through resuming: the restarted process completes the ladder from what
 * was recorded, and resume restores the values from before the first run.
 */
describe.each(databases.eachSupportedId())(
  'a ladder process killed mid-run on %p',
  id => {
    it('completes suspend and resume after a restart, leaving nothing half-done', async () => {
      await installAdmissionPolicy();
      const token = await backendServiceAccountToken();
      const knex = await sharedDatabase(id);
      const services = await createWalletServices(knex);
      const name = `crash-${
        id === 'SQLITE_3' ? 'sq' : 'pg'
      }-${Date.now().toString(36)}`;
      const team = await services.createTeam(name);
      const custom = admin.makeApiClient(k8s.CustomObjectsApi);
      await custom.createClusterCustomObject({
        ...TENANT_API,
        body: {
          apiVersion: 'capsule.clastix.io/v1beta2',
          kind: 'Tenant',
          metadata: { name },
          spec: { owners: [{ kind: 'Group', name }] },
        },
      });
      const namespaces = [`${name}-a`, `${name}-b`];
      for (const ns of namespaces) {
        await workloads.core.createNamespace({
          body: { metadata: { name: ns, labels: { [TENANT_LABEL]: name } } },
        });
        for (let i = 1; i <= 5; i++)
          await workloads.deployment(ns, `web-${i}`, i);
        await workloads.job(ns, 'batch');
        await workloads.cronJob(ns, 'nightly');
      }
      const before = await workloads.snapshot(namespaces);

      const store = new EnforcementStore(knex);
      const states = new WalletStates(
        knex,
        store,
        {
          mode: 'enforce',
          creditLimit: 0n,
          graceHours: 24,
          steps: DEFAULT_SUSPENSION_STEPS,
        },
        { clusterConfigured: true },
      );
      await states.suspend(team.id, {
        reason: 'crash test',
        held: true,
        actor: 'user:default/admin',
      });

      // Suspending: killed after 4 workloads were scaled down.
      await runLadderProcess(knex, token, { status: 'applied', after: 8 });
      const half = await workloads.snapshot(namespaces);
      const scaled = Object.entries(half).filter(
        ([key, value]) => key.includes('/deployment/') && value === 0,
      );
      expect(scaled.length).toBeGreaterThan(0);
      expect(scaled.length).toBeLessThan(10);
      expect((await store.openSuspension(team.id))?.status).toBe('suspending');

      // The restart (after the dead process's lease ran out) completes it.
      await new Promise(resolve => setTimeout(resolve, LEASE_MS));
      await runLadderProcess(knex, token);
      const suspension = (await store.openSuspension(team.id))!;
      expect(suspension.status).toBe('suspended');
      const actions = await store.actions(suspension.id);
      expect(actions.every(a => a.status === 'applied')).toBe(true);
      // Each action recorded the value from before the first run: never a 0.
      for (const ns of namespaces) {
        for (let i = 1; i <= 5; i++) {
          expect(
            actions.find(a => a.namespace === ns && a.name === `web-${i}`)
              ?.before,
          ).toBe(i);
        }
      }
      const suspended = await workloads.snapshot(namespaces);
      for (const ns of namespaces) {
        for (let i = 1; i <= 5; i++)
          expect(suspended[`${ns}/deployment/web-${i}`]).toBe(0);
        expect(suspended[`${ns}/job/batch`]).toBe(true);
        expect(suspended[`${ns}/cronjob/nightly`]).toBe(true);
      }

      // Resuming: killed half-way, then completed by a restart.
      await states.resume(team.id, {
        reason: 'paid',
        actor: 'user:default/admin',
      });
      await runLadderProcess(knex, token, { status: 'undone', after: 4 });
      expect((await store.currentSuspension(team.id))?.status).toBe('resuming');
      await new Promise(resolve => setTimeout(resolve, LEASE_MS));
      await runLadderProcess(knex, token);
      const resumed = (await store.currentSuspension(team.id))!;
      expect(resumed.status).toBe('resumed');
      expect(
        (await store.actions(resumed.id)).every(a => a.status === 'undone'),
      ).toBe(true);
      expect(await workloads.snapshot(namespaces)).toEqual(before);

      for (const ns of namespaces)
        await workloads.core.deleteNamespace({ name: ns });
      await custom.deleteClusterCustomObject({ ...TENANT_API, name });
      await knex.destroy();
    });
  },
);
