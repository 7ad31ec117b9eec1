import { Knex } from 'knex';
import { insertUsageRecords } from '../../billing/UsageRecordWriter';
import { dateFromDb } from '../../database/dbValues';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { createWalletServices } from '../../__testUtils__/walletFixture';
import { ReportReader } from '../ReportReader';
import { sumUsage } from '../usageTotals';
import { DailyUsageSums } from './DailyUsageSums';

const databases = createTestDatabases();
const HOUR = 3_600_000;
/** More than 2^53: the sums must stay exact integers. */
const BIG_COST = 9_007_199_254_740_993n;

describe.each(databases.eachSupportedId())('DailyUsageSums on %p', id => {
  let knex: Knex;
  let teamId: string;
  let sums: DailyUsageSums;

  const record = (at: string, quantity: string, team: string | null) =>
    insertUsageRecords(
      knex,
      [
        {
          namespace: team ? 'ml-training' : 'kube-system',
          teamId: team,
          resource: 'cpu',
          quantity,
          unitPriceMicros: 1_000_000n,
          costMicros: BIG_COST,
        },
      ],
      { start: new Date(at), end: new Date(Date.parse(at) + HOUR) },
      1,
    );
  const days = async () =>
    (await knex('usage_days').orderBy('day')).map(row => [
      dateFromDb(row.day).toISOString().slice(0, 10),
      Boolean(row.summed),
    ]);
  /** The report's totals, and the same totals read from the records only. */
  const totalsBothWays = async (from: string, to: string) => {
    const range = { from: new Date(from), to: new Date(to) };
    const records = await sumUsage(
      knex,
      knex('usage_records')
        .where('window_start', '>=', range.from)
        .where('window_start', '<', range.to),
      ['team_id', 'resource'],
    );
    const byTeam = <T extends { teamId: string | null }>(totals: T[]) =>
      [...totals].sort((a, b) =>
        (a.teamId ?? '').localeCompare(b.teamId ?? ''),
      );
    return {
      report: byTeam(await new ReportReader(knex, sums).totals(range)),
      records: byTeam(
        records.map(total => ({
          teamId: total.keys.team_id,
          resource: total.keys.resource,
          quantity: total.quantity,
          cost: total.cost,
        })),
      ),
    };
  };

  beforeEach(async () => {
    knex = await databases.init(id);
    const services = await createWalletServices(knex);
    teamId = (await services.createTeam('ml-team')).id;
    sums = new DailyUsageSums(knex);
    await record('2026-11-02T00:00:00Z', '0.1', teamId);
    await record('2026-11-02T23:00:00Z', '0.2', teamId);
    await record('2026-11-02T05:00:00Z', '3', null);
    await record('2026-11-03T10:00:00Z', '1', teamId);
  });
  afterEach(() => knex.destroy());

  it('sums each ended day exactly, and not the day in progress', async () => {
    expect(await days()).toEqual([
      ['2026-11-02', false],
      ['2026-11-03', false],
    ]);
    expect(await sums.sumEndedDays(new Date('2026-11-03T12:00:00Z'))).toBe(1);
    expect(await days()).toEqual([
      ['2026-11-02', true],
      ['2026-11-03', false],
    ]);
    const rows = await knex('usage_daily')
      .orderBy('team_key')
      .options({ safeIntegers: true });
    expect(
      rows.map(row => [row.team_key, row.quantity, BigInt(row.cost)]),
    ).toEqual([
      ['', '3', BIG_COST],
      [teamId, '0.3', 2n * BIG_COST],
    ]);
    // Nothing left to sum until the 3rd has ended.
    expect(await sums.sumEndedDays(new Date('2026-11-03T23:00:00Z'))).toBe(0);
  });

  it('reads a day from the records again once more usage is recorded for it', async () => {
    await sums.sumEndedDays(new Date('2026-11-10T00:00:00Z'));
    const period = ['2026-11-01T12:00:00Z', '2026-11-04T00:00:00Z'] as const;
    let both = await totalsBothWays(...period);
    expect(both.report).toEqual(both.records);
    expect(both.report).toContainEqual({
      teamId,
      resource: 'cpu',
      quantity: '1.3',
      cost: 3n * BIG_COST,
    });

    // A late window for the 2nd: the day is unsummed and read from records.
    await record('2026-11-02T12:00:00Z', '0.05', teamId);
    expect(await days()).toEqual([
      ['2026-11-02', false],
      ['2026-11-03', true],
    ]);
    both = await totalsBothWays(...period);
    expect(both.report).toEqual(both.records);
    expect(both.report).toContainEqual(
      expect.objectContaining({ teamId, quantity: '1.35' }),
    );

    expect(await sums.sumEndedDays(new Date('2026-11-10T00:00:00Z'))).toBe(1);
    both = await totalsBothWays(...period);
    expect(both.report).toEqual(both.records);
  });

  it('does not sum a day twice when two runs race for it', async () => {
    const now = new Date('2026-11-10T00:00:00Z');
    const day = new Date('2026-11-02T00:00:00Z');
    const results = await Promise.all([
      sums.sumDay(day, now),
      sums.sumDay(day, now),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await knex('usage_daily').where('day', day)).toHaveLength(2);
  });
});
