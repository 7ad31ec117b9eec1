import { NamespaceUsage, UsageSource } from '@bison/plugin-bison-node';
import Big from 'big.js';
import { Knex } from 'knex';
import { dateFromDb, EXACT_INTEGERS } from '../../database/dbValues';
import { DailyUsageSums } from '../../reports/dailySums/DailyUsageSums';
import { dayOf } from '../UsageRecordWriter';
import { Team } from '../../tenancy/TeamStore';

/** Two teams over 48 hourly windows, and an orphan namespace. */
export const HOUR = 3_600_000;
export const SCENARIO_START = new Date('2026-11-01T00:00:00Z');
export const SCENARIO_WINDOWS = 48;
export const windowAt = (i: number) =>
  new Date(SCENARIO_START.getTime() + i * HOUR);
/** After the last window plus the settle delay. */
export const SCENARIO_NOW = new Date(
  windowAt(SCENARIO_WINDOWS).getTime() + 10 * 60_000,
);
export const SCENARIO_NAMESPACES = { ml: 'ml-train', data: 'data-etl' };

export const PRICES_V1 = {
  cpu: 40_000n,
  memory: 2_000n,
  'nvidia.com/gpu': 950_000n,
};
export const PRICES_V2 = {
  cpu: 50_000n,
  memory: 2_000n,
  'nvidia.com/gpu': 1_200_000n,
};

/** Usage of window i: ml trains on GPUs, data runs ETL, one orphan namespace. */
export function usageOf(i: number): NamespaceUsage[] {
  return [
    { namespace: 'ml-train', resource: 'cpu', quantity: `${(i % 3) + 1}.5` },
    { namespace: 'ml-train', resource: 'nvidia.com/gpu', quantity: '2' },
    { namespace: 'data-etl', resource: 'memory', quantity: '64.25' },
    { namespace: 'orphan', resource: 'cpu', quantity: '1' },
  ];
}

/** Exact expected debits, computed independently of the rating code. */
export function expectedDebit(
  team: 'ml' | 'data',
  i: number,
  v2From = Infinity,
): bigint {
  const prices = i >= v2From ? PRICES_V2 : PRICES_V1;
  if (team === 'ml') {
    const cpu = ((BigInt((i % 3) + 1) * 10n + 5n) * prices.cpu) / 10n;
    return cpu + 2n * prices['nvidia.com/gpu'];
  }
  return (6425n * prices.memory) / 100n;
}

/** An in-process source of {@link usageOf}, which can be taken down. */
export class ScenarioSource implements UsageSource {
  readonly id = 'scenario';
  calls = 0;
  down = new Set<number>();
  async getUsage(window: { start: Date; end: Date }) {
    this.calls += 1;
    const i = (window.start.getTime() - SCENARIO_START.getTime()) / HOUR;
    if (this.down.has(i)) throw new Error('usage source unreachable');
    return usageOf(i);
  }
}

/** The usage debits of a team, by window. */
export async function usageDebits(knex: Knex, team: Team) {
  const rows = await knex('ledger_entries')
    .where({ team_id: team.id, kind: 'usage' })
    .orderBy('window_start');
  return rows.map(row => ({
    key: row.idempotency_key as string,
    amount: -BigInt(row.amount),
  }));
}

/**
 * Every window of the scenario is billed exactly once: one debit per team
 * and window with the exact amount, a consistent balance_after chain, the
 * wallet balance equal to the sum, and one usage record per line.
 */
export async function expectScenarioBilledOnce(
  knex: Knex,
  teams: { ml: Team; data: Team },
  v2From = Infinity,
) {
  for (const name of ['ml', 'data'] as const) {
    const team = teams[name];
    const entries = await usageDebits(knex, team);
    expect(entries.map(entry => entry.key)).toEqual(
      Array.from(
        { length: SCENARIO_WINDOWS },
        (_, i) => `usage:${team.id}:${windowAt(i).toISOString()}`,
      ),
    );
    entries.forEach((entry, i) =>
      expect(entry.amount).toBe(expectedDebit(name, i, v2From)),
    );
    // Each entry's balance_after is the previous one plus its amount.
    const chain = await knex('ledger_entries')
      .where({ team_id: team.id })
      .orderBy('id');
    let running = 0n;
    for (const row of chain) {
      running += BigInt(row.amount);
      expect(BigInt(row.balance_after)).toBe(running);
    }
    const [wallet] = await knex('wallets').where({ team_id: team.id });
    const total = Array.from({ length: SCENARIO_WINDOWS }, (_, i) =>
      expectedDebit(name, i, v2From),
    ).reduce((a, b) => a + b, 0n);
    expect(BigInt(wallet.balance)).toBe(-total);
  }
  const [{ count }] = await knex('usage_records').count({ count: '*' });
  expect(Number(count)).toBe(SCENARIO_WINDOWS * 4);
  const billed = await knex('billing_windows').where({ status: 'billed' });
  expect(billed).toHaveLength(SCENARIO_WINDOWS);
  await expectDailySumsOfRecords(knex);
}

/**
 * Every billed day is known to the daily sums, and once summed they hold
 * exactly the usage records, each counted once.
 */
export async function expectDailySumsOfRecords(knex: Knex) {
  const known = await knex('usage_days').orderBy('day');
  expect(known.map(row => dateFromDb(row.day).toISOString())).toEqual([
    '2026-11-01T00:00:00.000Z',
    '2026-11-02T00:00:00.000Z',
  ]);
  await new DailyUsageSums(knex).sumEndedDays(new Date('2100-01-01'));
  const key = (day: unknown, team: string, ns: string, resource: string) =>
    [dateFromDb(day as Date).toISOString(), team, ns, resource].join(' ');
  const expected = new Map<string, { quantity: Big; cost: bigint }>();
  const records = await knex('usage_records').options(EXACT_INTEGERS);
  for (const row of records) {
    const day = dayOf(dateFromDb(row.window_start));
    const k = key(day, row.team_id ?? '', row.namespace, row.resource);
    const sum = expected.get(k) ?? { quantity: new Big(0), cost: 0n };
    sum.quantity = sum.quantity.plus(row.quantity);
    sum.cost += BigInt(row.cost);
    expected.set(k, sum);
  }
  const days = await knex('usage_daily').options(EXACT_INTEGERS);
  expect(
    Object.fromEntries(
      days.map(row => [
        key(row.day, row.team_key, row.namespace, row.resource),
        [new Big(row.quantity).toFixed(), BigInt(row.cost)],
      ]),
    ),
  ).toEqual(
    Object.fromEntries(
      [...expected].map(([k, sum]) => [k, [sum.quantity.toFixed(), sum.cost]]),
    ),
  );
}
