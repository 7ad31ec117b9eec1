import { mockServices } from '@backstage/backend-test-utils';
import { UsageSource } from '@bison/plugin-bison-node';
import knexFactory, { Knex } from 'knex';
import { createWalletServices } from '../__testUtils__/walletFixture';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { Team } from '../tenancy/TeamStore';
import { LedgerWriter } from '../wallet/LedgerWriter';
import { BillingEngine } from './BillingEngine';
import { BillingStore } from './BillingStore';
import { PriceBookStore } from './prices/PriceBookStore';
import {
  expectScenarioBilledOnce,
  HOUR,
  PRICES_V1,
  PRICES_V2,
  SCENARIO_NOW,
  SCENARIO_START,
  ScenarioSource,
  usageDebits,
  windowAt,
} from './__testUtils__/billingScenario';
import { fixedNamespaceOwners } from './NamespaceOwners';

jest.setTimeout(120_000);

const START = SCENARIO_START;
const NOW = SCENARIO_NOW;
const FakeSource = ScenarioSource;

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('BillingEngine on %p', id => {
  let knex: Knex;
  let ml: Team;
  let data: Team;

  async function engineOn(db: Knex, source: UsageSource, overrides = {}) {
    const services = await createWalletServices(db);
    return new BillingEngine({
      knex: db,
      store: new BillingStore(db),
      prices: new PriceBookStore(db),
      ledger: services.writer,
      wallets: services.wallets,
      owners: fixedNamespaceOwners(
        new Map([
          ['ml-train', ml],
          ['data-etl', data],
        ]),
      ),
      source: () => source,
      logger: mockServices.logger.mock(),
      windowMs: HOUR,
      settleDelayMs: 5 * 60_000,
      firstWindowStart: START,
      maxWindowsPerRun: 100,
      teamsPerTransaction: 1,
      ...overrides,
    });
  }

  beforeEach(async () => {
    knex = await databases.init(id);
    const services = await createWalletServices(knex);

    ml = await services.createTeam('ml-team');
    data = await services.createTeam('data-team');
    await new PriceBookStore(knex).create(
      { effectiveFrom: new Date(0), prices: PRICES_V1, createdBy: 'test' },
      new Date(),
    );
  });

  const debits = (team: Team) => usageDebits(knex, team);
  const expectBilledExactlyOnce = (v2From = Infinity) =>
    expectScenarioBilledOnce(knex, { ml, data }, v2From);

  it('bills every closed window once, oldest first, and records unallocated usage', async () => {
    const source = new FakeSource();
    const engine = await engineOn(knex, source);
    const result = await engine.run({ now: NOW, trigger: 'manual' });
    expect(result).toMatchObject({
      status: 'succeeded',
      windowsBilled: 48,
      windowsPending: 0,
    });
    await expectBilledExactlyOnce();

    const orphan = await knex('usage_records').where({ namespace: 'orphan' });
    expect(orphan).toHaveLength(48);
    expect(orphan.every(row => row.team_id === null)).toBe(true);

    // Nothing is closed yet after the last window: a re-run bills nothing.
    const again = await engine.run({ now: NOW, trigger: 'manual' });
    expect(again).toMatchObject({ status: 'succeeded', windowsBilled: 0 });
    expect(source.calls).toBe(48);
    await expectBilledExactlyOnce();
  });

  it("asks for each window's namespace owners, and observes them when nothing is due", async () => {
    const observe = jest.fn(async () => {});
    const teamsDuring = jest.fn(
      async (_window: { start: Date }) =>
        new Map([
          ['ml-train', ml],
          ['data-etl', data],
        ]),
    );
    const engine = await engineOn(knex, new FakeSource(), {
      owners: { observe, teamsDuring },
      maxWindowsPerRun: 2,
    });
    await engine.run({ now: NOW, trigger: 'manual' });
    expect(teamsDuring.mock.calls.map(([window]) => window.start)).toEqual([
      START,
      new Date(START.getTime() + HOUR),
    ]);
    expect(observe).not.toHaveBeenCalled();

    const early = new Date(START.getTime() + 2 * HOUR);
    await engine.run({ now: early, trigger: 'manual' });
    expect(observe).toHaveBeenCalledTimes(1);
    expect(teamsDuring).toHaveBeenCalledTimes(2);
  });

  it('bills each window exactly once when two instances run at the same time', async () => {
    // A second backend instance: its own connection pool on the same database
    // (SQLite in memory is one process's database, so it shares the pool).
    const second =
      id === 'SQLITE_3' ? knex : knexFactory(knex.client.config as Knex.Config);
    try {
      const [a, b] = [
        await engineOn(knex, new FakeSource()),
        await engineOn(second, new FakeSource()),
      ];
      const results = await Promise.all([
        a.run({ now: NOW, trigger: 'schedule' }),
        b.run({ now: NOW, trigger: 'schedule' }),
      ]);
      expect(results.map(r => r.status)).toEqual(['succeeded', 'succeeded']);
      await expectBilledExactlyOnce();
    } finally {
      if (second !== knex) await second.destroy();
    }
  });

  it('loses and repeats nothing when a run dies inside a transaction', async () => {
    let debitsLeft = 22;
    const writer = new LedgerWriter();
    const dying = {
      postAll: async (...args: Parameters<LedgerWriter['postAll']>) => {
        await writer.postAll(...args);
        // The process dies after this write but before the commit.
        if (--debitsLeft === 0) throw new Error('process killed');
      },
    } as unknown as LedgerWriter;
    const crashed = await engineOn(knex, new FakeSource(), { ledger: dying });
    const first = await crashed.run({ now: NOW, trigger: 'schedule' });
    expect(first.status).toBe('failed');
    expect(first.windowsBilled).toBe(10);
    // The window that died half-way: ml's transaction committed, data's did not.
    expect(await debits(ml)).toHaveLength(11);
    expect(await debits(data)).toHaveLength(10);

    const restarted = await engineOn(knex, new FakeSource());
    expect(
      await restarted.run({ now: NOW, trigger: 'schedule' }),
    ).toMatchObject({
      status: 'succeeded',
      windowsBilled: 38,
    });
    await expectBilledExactlyOnce();
  });

  it('bills the windows a source outage held back once it recovers', async () => {
    const source = new FakeSource();
    source.down = new Set([20, 21, 22]);
    const engine = await engineOn(knex, source);
    const failed = await engine.run({ now: NOW, trigger: 'schedule' });
    expect(failed).toMatchObject({
      status: 'failed',
      windowsBilled: 20,
      windowsPending: 28,
      error: 'usage source unreachable',
    });
    expect(await new BillingStore(knex).failedWindows()).toEqual([
      expect.objectContaining({
        start: windowAt(20),
        attempts: 1,
        lastError: 'usage source unreachable',
      }),
    ]);
    // Still down on the next run: nothing after window 20 is billed.
    expect(await engine.run({ now: NOW, trigger: 'schedule' })).toMatchObject({
      windowsBilled: 0,
    });
    source.down.clear();
    expect(await engine.run({ now: NOW, trigger: 'schedule' })).toMatchObject({
      status: 'succeeded',
      windowsBilled: 28,
    });
    await expectBilledExactlyOnce();
    expect(await new BillingStore(knex).failedWindows()).toEqual([]);
  });

  it('prices each window with the price book in effect at its start', async () => {
    await new PriceBookStore(knex).create(
      { effectiveFrom: windowAt(24), prices: PRICES_V2, createdBy: 'test' },
      new Date(),
    );
    await (
      await engineOn(knex, new FakeSource())
    ).run({ now: NOW, trigger: 'manual' });
    await expectBilledExactlyOnce(24);
    const versions = await knex('usage_records')
      .select('window_start', 'price_book_id')
      .where({ namespace: 'ml-train', resource: 'cpu' })
      .orderBy('window_start');
    const ids = versions.map(row => Number(row.price_book_id));
    expect(new Set(ids.slice(0, 24)).size).toBe(1);
    expect(new Set(ids.slice(24)).size).toBe(1);
    expect(ids[0]).not.toBe(ids[24]);
  });

  it('stops between windows when aborted and resumes later', async () => {
    const controller = new AbortController();
    const source = new FakeSource();
    const getUsage = source.getUsage.bind(source);
    source.getUsage = async window => {
      if (source.calls === 2) controller.abort();
      return getUsage(window);
    };
    const engine = await engineOn(knex, source);
    const aborted = await engine.run({
      now: NOW,
      trigger: 'schedule',
      signal: controller.signal,
    });
    expect(aborted.status).toBe('aborted');
    expect(aborted.windowsBilled).toBeLessThan(48);
    await engine.run({ now: NOW, trigger: 'schedule' });
    await expectBilledExactlyOnce();
  });
});
