import { mockServices } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWalletServices } from '../__testUtils__/walletFixture';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { BillingEngine } from './BillingEngine';
import { BillingStore } from './BillingStore';
import { PriceBookStore } from './prices/PriceBookStore';
import {
  expectScenarioBilledOnce,
  HOUR,
  PRICES_V1,
  SCENARIO_NAMESPACES,
  SCENARIO_NOW,
  SCENARIO_START,
  SCENARIO_WINDOWS,
  ScenarioSource,
} from './__testUtils__/billingScenario';
import { fixedNamespaceOwners } from './NamespaceOwners';

jest.setTimeout(180_000);

const databases = createTestDatabases();

/** A database both this test and a child process can open. */
async function sharedDatabase(id: string): Promise<Knex> {
  if (id === 'SQLITE_3') {
    const dir = mkdtempSync(path.join(tmpdir(), 'bison-crash-'));
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'bison.sqlite') },
      useNullAsDefault: true,
    });
  }
  return databases.init(id as 'POSTGRES_15');
}

function startBillingProcess(knex: Knex): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.join(__dirname, '__testUtils__', 'billingProcess.ts'),
    ],
    {
      env: {
        ...process.env,
        BISON_BILLING_DB: JSON.stringify(knex.client.config),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

async function billedWindows(knex: Knex): Promise<number> {
  const [{ count }] = await knex('billing_windows')
    .where({ status: 'billed' })
    .count({ count: '*' });
  return Number(count);
}

describe.each(databases.eachSupportedId())(
  'a billing process killed mid-run on %p',
  id => {
    it('loses no window and bills none twice after a restart', async () => {
      const knex = await sharedDatabase(id);
      const services = await createWalletServices(knex);
      const ml = await services.createTeam('ml-team');
      const data = await services.createTeam('data-team');
      await new PriceBookStore(knex).create(
        { effectiveFrom: new Date(0), prices: PRICES_V1, createdBy: 'test' },
        new Date(),
      );

      const child = startBillingProcess(knex);
      let output = '';
      child.stdout!.on('data', chunk => (output += chunk));
      child.stderr!.on('data', chunk => (output += chunk));
      const exited = new Promise<NodeJS.Signals | null>(resolve =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      // Kill it once it has billed a few windows, whatever it is doing.
      for (let i = 0; (await billedWindows(knex)) < 5; i++) {
        if (i > 600) throw new Error(`the child never billed: ${output}`);
        if (child.exitCode !== null) throw new Error(`child died: ${output}`);
        await new Promise(resolve => setTimeout(resolve, 100));
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(output).not.toContain('finished');
      const billedBeforeRestart = await billedWindows(knex);
      expect(billedBeforeRestart).toBeLessThan(SCENARIO_WINDOWS);

      // The restarted backend bills the rest.
      const restarted = new BillingEngine({
        knex,
        store: new BillingStore(knex),
        prices: new PriceBookStore(knex),
        ledger: services.writer,
        wallets: services.wallets,
        owners: fixedNamespaceOwners(
          new Map([
            [SCENARIO_NAMESPACES.ml, ml],
            [SCENARIO_NAMESPACES.data, data],
          ]),
        ),
        source: () => new ScenarioSource(),
        logger: mockServices.logger.mock(),
        windowMs: HOUR,
        settleDelayMs: 5 * 60_000,
        firstWindowStart: SCENARIO_START,
        maxWindowsPerRun: 1000,
      });
      const result = await restarted.run({
        now: SCENARIO_NOW,
        trigger: 'schedule',
      });
      expect(result.status).toBe('succeeded');
      expect(result.windowsBilled).toBe(SCENARIO_WINDOWS - billedBeforeRestart);
      await expectScenarioBilledOnce(knex, { ml, data });
      await knex.destroy();
    });
  },
);
