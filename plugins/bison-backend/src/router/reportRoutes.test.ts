import { parse } from 'csv-parse/sync';
import { Knex } from 'knex';
import { Server } from 'node:http';
import { insertUsageRecords } from '../billing/UsageRecordWriter';
import { DailyUsageSums } from '../reports/dailySums/DailyUsageSums';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  bisonApi,
  startPluginBackend,
} from '../__testUtils__/startPluginBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const HOUR = 3_600_000;
const FROM = '2026-11-01T00:00:00.000Z';
const TO = '2026-11-08T00:00:00.000Z';
const M = 1_000_000;

describe.each(databases.eachSupportedId())('report routes on %p', id => {
  let server: Server;
  let knex: Knex;
  const api = () => bisonApi(server);

  async function usage(
    team: string | null,
    namespace: string,
    at: string,
    lines: Array<[string, string, number]>,
  ) {
    const teamId = team
      ? (await knex('teams').where('name', team).first()).id
      : null;
    const start = new Date(at);
    await insertUsageRecords(
      knex,
      lines.map(([resource, quantity, cost]) => ({
        namespace,
        teamId,
        resource,
        quantity,
        unitPriceMicros: BigInt(cost),
        costMicros: BigInt(cost),
      })),
      { start, end: new Date(start.getTime() + HOUR) },
      1,
    );
  }

  beforeAll(async () => {
    knex = await databases.init(id);
    server = await startPluginBackend(knex, {
      groups: ['ml-team', 'data-team', 'evil-team'],
    });
    await usage('ml-team', 'ml-training', '2026-11-02T10:00:00Z', [
      ['cpu', '1.25', 5 * M],
      ['nvidia.com/gpu:NVIDIA-H100-80GB-HBM3', '2', 55 * M],
    ]);
    await usage('ml-team', 'ml-serving', '2026-11-03T10:00:00Z', [
      ['cpu', '0.75', 20 * M],
    ]);
    await usage('data-team', 'data-etl', '2026-11-04T10:00:00Z', [
      ['memory', '64', 20 * M],
    ]);
    await usage(null, 'kube-system', '2026-11-05T10:00:00Z', [
      ['cpu', '1', 3 * M],
    ]);
    // The week before: ml-team cost 40.00, evil-team 10.00, unallocated 2.00.
    await usage('ml-team', 'ml-training', '2026-10-27T10:00:00Z', [
      ['cpu', '2', 40 * M],
    ]);
    await usage('evil-team', 'evil', '2026-10-28T10:00:00Z', [
      ['cpu', '1', 10 * M],
    ]);
    await usage(null, 'kube-system', '2026-10-29T10:00:00Z', [
      ['cpu', '1', 2 * M],
    ]);
    // The reports read these ended days from their sums.
    await new DailyUsageSums(knex).sumEndedDays(new Date());
  });

  it('ranks the teams with shares, changes, resources and wallets', async () => {
    const res = await api().get('/reports/teams').query({ from: FROM, to: TO });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      from: FROM,
      to: TO,
      previousFrom: '2026-10-25T00:00:00.000Z',
      previousTo: FROM,
      total: '103.00',
      unallocated: '3.00',
      previousTotal: '52.00',
      previousUnallocated: '2.00',
    });
    expect(
      res.body.teams.map((t: any) => [
        t.team,
        t.cost,
        t.sharePercent,
        t.change,
        t.changePercent,
      ]),
    ).toEqual([
      ['ml-team', '80.00', '80.0', '40.00', '100.0'],
      ['data-team', '20.00', '20.0', '20.00', null],
      ['evil-team', '0.00', '0.0', '-10.00', '-100.0'],
    ]);
    expect(res.body.teams[0].byResource).toEqual([
      {
        resource: 'nvidia.com/gpu:NVIDIA-H100-80GB-HBM3',
        quantity: '2',
        cost: '55.00',
      },
      { resource: 'cpu', quantity: '2', cost: '25.00' },
    ]);
    expect(res.body.teams[0]).toMatchObject({
      balance: '0.00',
      state: 'active',
    });
  });

  it('adds the hours around whole days to the daily sums exactly', async () => {
    // 10:00 on the 2nd to 10:00 on the 4th: the hours of the 2nd from the
    // records, the 3rd from the daily sums, the 4th's line starts at `to`.
    const res = await api()
      .get('/reports/teams')
      .query({ from: '2026-11-02T10:00:00Z', to: '2026-11-04T10:00:00Z' });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe('80.00');
    expect(res.body.teams[0]).toMatchObject({ team: 'ml-team', cost: '80.00' });
    expect(res.body.teams[0].byResource).toContainEqual({
      resource: 'cpu',
      quantity: '2',
      cost: '25.00',
    });
  });

  it('exports the ranking as CSV', async () => {
    const res = await api()
      .get('/reports/teams')
      .query({ from: FROM, to: TO, format: 'csv' });
    expect(res.status).toBe(200);
    const rows: Record<string, string>[] = parse(res.text, { columns: true });
    expect(rows.map(r => [r.team, r.cost, r.sharePercent])).toEqual([
      ['ml-team', '80.00', '80.0'],
      ['data-team', '20.00', '20.0'],
      ['evil-team', '0.00', '0.0'],
    ]);
  });

  it('ranks every namespace, unallocated ones included', async () => {
    const res = await api()
      .get('/reports/projects')
      .query({ from: FROM, to: TO });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: '103.00', unallocated: '3.00' });
    expect(
      res.body.projects.map((p: any) => [
        p.project,
        p.team,
        p.cost,
        p.sharePercent,
      ]),
    ).toEqual([
      ['ml-training', 'ml-team', '60.00', '58.3'],
      ['data-etl', 'data-team', '20.00', '19.4'],
      ['ml-serving', 'ml-team', '20.00', '19.4'],
      ['kube-system', null, '3.00', '2.9'],
    ]);
    const csv = await api()
      .get('/reports/projects')
      .query({ from: FROM, to: TO, format: 'csv' });
    const rows: Record<string, string>[] = parse(csv.text, { columns: true });
    expect(rows.at(-1)).toEqual({
      project: 'kube-system',
      team: '',
      cost: '3.00',
      sharePercent: '2.9',
    });
  });

  it("streams a team's usage lines as CSV", async () => {
    const res = await api()
      .get('/teams/ml-team/usage')
      .query({ from: FROM, to: TO, format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows: Record<string, string>[] = parse(res.text, { columns: true });
    expect(rows).toEqual([
      {
        windowStart: '2026-11-02T10:00:00.000Z',
        windowEnd: '2026-11-02T11:00:00.000Z',
        project: 'ml-training',
        resource: 'cpu',
        quantity: '1.25',
        unitPrice: '5.00',
        cost: '5.00',
      },
      expect.objectContaining({
        project: 'ml-training',
        resource: 'nvidia.com/gpu:NVIDIA-H100-80GB-HBM3',
        cost: '55.00',
      }),
      expect.objectContaining({ project: 'ml-serving', cost: '20.00' }),
    ]);
  });

  it('refuses bad periods with a 400 naming the field', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ from: TO, to: FROM }, "'from' must be before 'to'"],
      [
        { from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
        'at most 400 days',
      ],
      [{ from: 'yesterday' }, "'from'"],
    ];
    for (const [query, message] of cases) {
      for (const path of ['/reports/teams', '/reports/projects']) {
        const res = await api().get(path).query(query);
        expect({ path, query, status: res.status }).toEqual({
          path,
          query,
          status: 400,
        });
        expect(res.body.error.message).toContain(message);
      }
    }
  });
});
