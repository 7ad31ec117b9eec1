import { mockServices } from '@backstage/backend-test-utils';
import { NamespaceUsage } from '@bison/plugin-bison-node';
import { Knex } from 'knex';
import { createWalletServices } from '../../__testUtils__/walletFixture';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { Team } from '../../tenancy/TeamStore';
import { BillingEngine } from '../BillingEngine';
import { BillingStore } from '../BillingStore';
import { fixedNamespaceOwners } from '../NamespaceOwners';
import { PriceBookStore } from '../prices/PriceBookStore';
import {
  HOUR,
  PRICES_V1,
  SCENARIO_NOW,
  SCENARIO_START,
  ScenarioSource,
  windowAt,
} from '../__testUtils__/billingScenario';
import { Reconciler } from './Reconciler';
import { ReconciliationStore } from './ReconciliationStore';

jest.setTimeout(120_000);

const databases = createTestDatabases();

/** The scenario source, whose answers for some windows change after billing. */
class ChangingSource extends ScenarioSource {
  changed = new Map<number, NamespaceUsage[]>();
  async getUsage(window: { start: Date; end: Date }) {
    const i = (window.start.getTime() - SCENARIO_START.getTime()) / HOUR;
    return this.changed.get(i) ?? super.getUsage(window);
  }
}

describe.each(databases.eachSupportedId())('Reconciler on %p', id => {
  let knex: Knex;
  let ml: Team;
  let source: ChangingSource;
  let reconciler: Reconciler;
  let store: ReconciliationStore;

  const ledgerRows = () =>
    knex('ledger_entries').orderBy('id').select('id', 'amount', 'kind');

  beforeEach(async () => {
    knex = await databases.init(id);
    const services = await createWalletServices(knex);
    ml = await services.createTeam('ml-team');
    const data = await services.createTeam('data-team');
    const prices = new PriceBookStore(knex);
    await prices.create(
      { effectiveFrom: new Date(0), prices: PRICES_V1, createdBy: 'test' },
      new Date(),
    );
    const owners = fixedNamespaceOwners(
      new Map([
        ['ml-train', ml],
        ['data-etl', data],
      ]),
    );
    source = new ChangingSource();
    const shared = {
      knex,
      prices,
      owners,
      source: () => source,
      ledger: services.writer,
      wallets: services.wallets,
      logger: mockServices.logger.mock(),
    };
    await new BillingEngine({
      ...shared,
      store: new BillingStore(knex),
      windowMs: HOUR,
      settleDelayMs: 5 * 60_000,
      firstWindowStart: SCENARIO_START,
      maxWindowsPerRun: 100,
    }).run({ now: SCENARIO_NOW, trigger: 'manual' });
    store = new ReconciliationStore(knex);
    reconciler = new Reconciler({
      ...shared,
      store,
      teams: services.teams,
      recentWindows: 48,
      sampleWindows: 0,
      lookbackDays: 400,
    });
  });

  it('finds nothing while the source agrees with what was billed', async () => {
    const check = await reconciler.check({ trigger: 'manual' });
    expect(check).toMatchObject({
      status: 'succeeded',
      windowsChecked: 48,
      differences: 0,
    });
    expect(await store.list({ limit: 10 })).toEqual([]);
  });

  it('reports a changed answer with the exact difference, ledger untouched', async () => {
    const before = await ledgerRows();
    // Window 5: late data adds 0.25 GPU-hours and 1 CPU-hour to ml-train,
    // and a namespace nobody owns appears.
    source.changed.set(5, [
      { namespace: 'ml-train', resource: 'cpu', quantity: '4.5' },
      { namespace: 'ml-train', resource: 'nvidia.com/gpu', quantity: '2.25' },
      { namespace: 'data-etl', resource: 'memory', quantity: '64.25' },
      { namespace: 'orphan', resource: 'cpu', quantity: '1' },
      { namespace: 'late-ns', resource: 'cpu', quantity: '0.5' },
    ]);
    const check = await reconciler.check({
      trigger: 'manual',
      actor: 'user:default/guest',
    });
    expect(check).toMatchObject({ windowsChecked: 48, differences: 2 });

    const [unallocated, team] = (await store.list({ limit: 10 })).sort((a, b) =>
      (a.teamId ?? '').localeCompare(b.teamId ?? ''),
    );
    // Billed: 3.5 CPU (window 5: (5 % 3) + 1 = 3) × 0.04 + 2 GPU × 0.95.
    const billed =
      (3_500_000n * PRICES_V1.cpu) / 1_000_000n +
      2n * PRICES_V1['nvidia.com/gpu'];
    const fresh =
      (4_500_000n * PRICES_V1.cpu) / 1_000_000n +
      (225n * PRICES_V1['nvidia.com/gpu']) / 100n;
    expect(team).toMatchObject({
      teamId: ml.id,
      start: windowAt(5),
      billed,
      source: fresh,
      status: 'open',
    });
    expect(team.source - team.billed).toBe(40_000n + 237_500n);
    expect(team.lines).toEqual([
      {
        namespace: 'ml-train',
        resource: 'cpu',
        billedQuantity: '3.5',
        sourceQuantity: '4.5',
        billedCost: 140_000n,
        sourceCost: 180_000n,
      },
      {
        namespace: 'ml-train',
        resource: 'nvidia.com/gpu',
        billedQuantity: '2',
        sourceQuantity: '2.25',
        billedCost: 1_900_000n,
        sourceCost: 2_137_500n,
      },
    ]);
    expect(unallocated).toMatchObject({
      teamId: null,
      source: 40_000n + 20_000n,
      billed: 40_000n,
    });
    expect(await ledgerRows()).toEqual(before);

    // Checked again, the same difference is one row, not two.
    await reconciler.check({ trigger: 'manual' });
    expect(await store.list({ limit: 10 })).toHaveLength(2);

    // Settling posts one adjustment that names it; a second settle is refused.
    const settled = await reconciler.settle(team.id, {
      actor: 'user:default/frank',
      reason: 'late GPU metrics',
    });
    expect(settled.entry).toMatchObject({
      kind: 'adjustment',
      amount: -(40_000n + 237_500n),
      actor: 'user:default/frank',
    });
    expect(settled.entry.reason).toContain(`Reconciliation #${team.id}`);
    expect(settled.difference).toMatchObject({
      status: 'settled',
      ledgerEntryId: settled.entry.id.toString(),
    });
    await expect(
      reconciler.settle(team.id, { actor: 'user:default/frank' }),
    ).rejects.toThrow(/settled/);
    expect(await ledgerRows()).toHaveLength(before.length + 1);
    await expect(
      reconciler.settle(unallocated.id, { actor: 'user:default/frank' }),
    ).rejects.toThrow(/no wallet/);
  });

  it('clears a difference once the source agrees again', async () => {
    source.changed.set(7, [
      { namespace: 'data-etl', resource: 'memory', quantity: '70' },
    ]);
    await reconciler.check({ trigger: 'manual' });
    const open = await store.list({ status: 'open', limit: 10 });
    // ml-team's and the orphan's lines are gone, data-team's changed.
    expect(open.map(d => d.start)).toEqual([
      windowAt(7),
      windowAt(7),
      windowAt(7),
    ]);
    source.changed.clear();
    await reconciler.check({ trigger: 'manual' });
    expect(await store.list({ status: 'open', limit: 10 })).toEqual([]);
    expect(await store.list({ status: 'cleared', limit: 10 })).toHaveLength(3);
  });

  it('fails the check, storing why, when the source is down', async () => {
    source.down.add(3);
    source.changed.clear();
    const check = await reconciler.check({ trigger: 'schedule' });
    expect(check).toMatchObject({
      status: 'failed',
      error: 'usage source unreachable',
    });
  });
});
