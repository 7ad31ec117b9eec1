import { mockServices } from '@backstage/backend-test-utils';
import { NamespaceUsage, UsageSource } from '@bison/plugin-bison-node';
import { Knex } from 'knex';
import { createWalletServices } from '../__testUtils__/walletFixture';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { BillingEngine } from '../billing/BillingEngine';
import { BillingStore } from '../billing/BillingStore';
import { PriceBookStore } from '../billing/prices/PriceBookStore';
import { Team } from '../tenancy/TeamStore';
import { report, timed } from './stats';
import { NamespaceOwnerHistory } from '../billing/NamespaceOwnerHistory';
import { fixedNamespaceOwners } from '../billing/NamespaceOwners';

jest.setTimeout(60 * 60_000);

const TEAMS = Number(process.env.BISON_BENCH_TEAMS ?? 2000);
const NAMESPACES_PER_TEAM = 10;
const CATCH_UP_WINDOWS = 24;
const HOUR = 3_600_000;
const START = new Date('2026-10-01T00:00:00Z');

const databases = createTestDatabases();

/** Three lines per namespace: CPU, memory and a GPU model, all priced. */
function usageFor(namespaces: string[], window: number): NamespaceUsage[] {
  return namespaces.flatMap((namespace, i) => [
    { namespace, resource: 'cpu', quantity: `${(i + window) % 7}.25` },
    { namespace, resource: 'memory', quantity: `${(i % 13) + 1}.5` },
    { namespace, resource: 'nvidia.com/gpu:A100', quantity: `${i % 3}` },
  ]);
}

/** Samples the resident set size while `fn` runs; returns the peak growth. */
async function peakMemory<T>(fn: () => Promise<T>): Promise<[T, number]> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return [result, peak - base];
  } finally {
    clearInterval(timer);
  }
}

describe.each(databases.eachSupportedId())('billing on %p', databaseId => {
  it(`bills ${TEAMS} teams × ${NAMESPACES_PER_TEAM} namespaces`, async () => {
    const knex: Knex = await databases.init(databaseId);
    const services = await createWalletServices(knex);
    const teamsByNamespace = new Map<string, Team>();
    for (let t = 0; t < TEAMS; t++) {
      const team = await services.createTeam(`team-${t}`);
      for (let n = 0; n < NAMESPACES_PER_TEAM; n++) {
        teamsByNamespace.set(`team-${t}-ns-${n}`, team);
      }
    }
    const namespaces = [...teamsByNamespace.keys()];
    await new PriceBookStore(knex).create(
      {
        effectiveFrom: new Date(0),
        prices: { cpu: 31_611n, memory: 4_237n, 'nvidia.com/gpu': 950_000n },
        createdBy: 'bench',
      },
      new Date(),
    );
    const source: UsageSource = {
      id: 'in-process',
      getUsage: async window =>
        usageFor(namespaces, (window.start.getTime() - START.getTime()) / HOUR),
    };
    const engine = new BillingEngine({
      knex,
      store: new BillingStore(knex),
      prices: new PriceBookStore(knex),
      ledger: services.writer,
      wallets: services.wallets,
      owners: fixedNamespaceOwners(teamsByNamespace),
      source: () => source,
      logger: mockServices.logger.mock(),
      windowMs: HOUR,
      settleDelayMs: 0,
      firstWindowStart: START,
      maxWindowsPerRun: 1000,
    });
    const lines = namespaces.length * 3;

    let oneWindowGrowth = 0;
    const [, oneWindowMs] = await timed(async () => {
      const [, growth] = await peakMemory(() =>
        engine.run({
          now: new Date(START.getTime() + HOUR),
          trigger: 'manual',
        }),
      );
      oneWindowGrowth = growth;
    });

    const [, catchUpMs] = await timed(() =>
      engine.run({
        now: new Date(START.getTime() + (1 + CATCH_UP_WINDOWS) * HOUR),
        trigger: 'manual',
      }),
    );

    // The same rows inserted raw, in the same chunks, without any billing.
    await knex.schema.createTable('raw_usage', table => {
      table.bigIncrements('id');
      table.timestamp('window_start', { useTz: true });
      table.timestamp('window_end', { useTz: true });
      table.string('namespace', 253);
      table.string('team_id', 36).nullable();
      table.string('resource', 253);
      table.string('quantity', 64);
      table.bigInteger('unit_price');
      table.bigInteger('cost');
      table.integer('price_book_id');
      table.unique(['namespace', 'window_start', 'resource']);
    });
    const rows = usageFor(namespaces, 0).map(line => ({
      window_start: START,
      window_end: new Date(START.getTime() + HOUR),
      namespace: line.namespace,
      team_id: teamsByNamespace.get(line.namespace)!.id,
      resource: line.resource,
      quantity: line.quantity,
      unit_price: '1',
      cost: '1',
      price_book_id: 1,
    }));
    const [, rawMs] = await timed(async () => {
      for (let i = 0; i < rows.length; i += 500) {
        await knex('raw_usage').insert(rows.slice(i, i + 500));
      }
    });

    // What CapsuleNamespaceOwners adds per window on a real cluster: noting
    // every namespace's owner (first time: inserts; then: updates) and
    // reading the owners of a window back.
    const history = new NamespaceOwnerHistory(knex);
    const owners = new Map(
      [...teamsByNamespace].map(([namespace, team]) => [namespace, team.id]),
    );
    const [, recordFirstMs] = await timed(() =>
      history.record(owners, new Date(START.getTime() + 30 * HOUR)),
    );
    const [, recordAgainMs] = await timed(() =>
      history.record(owners, new Date(START.getTime() + 31 * HOUR)),
    );
    const [, lookupMs] = await timed(() =>
      history.ownersDuring({
        start: new Date(START.getTime() + 30 * HOUR),
        end: new Date(START.getTime() + 31 * HOUR),
      }),
    );

    report(`Billing run (${databaseId})`, [
      {
        database: databaseId,
        teams: TEAMS,
        namespaces: namespaces.length,
        linesPerWindow: lines,
        oneWindowSeconds: +(oneWindowMs / 1000).toFixed(2),
        peakRssGrowthMB: Math.round(oneWindowGrowth / 2 ** 20),
        catchUp24Seconds: +(catchUpMs / 1000).toFixed(1),
        perWindowInCatchUp: +(catchUpMs / CATCH_UP_WINDOWS / 1000).toFixed(2),
        rawInsertSeconds: +(rawMs / 1000).toFixed(2),
        runToRawRatio: +(oneWindowMs / rawMs).toFixed(1),
        ownerHistoryFirstRecordSeconds: +(recordFirstMs / 1000).toFixed(2),
        ownerHistoryRecordSeconds: +(recordAgainMs / 1000).toFixed(2),
        ownerHistoryLookupSeconds: +(lookupMs / 1000).toFixed(2),
      },
    ]);
    await knex.destroy();
  });
});
