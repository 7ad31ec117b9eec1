import { formatMoney } from '@bison/plugin-bison-common';
import { stringify } from 'csv-stringify';
import { Knex } from 'knex';
import os from 'node:os';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UsageReports } from '../billing/UsageReports';
import { USAGE_CSV_COLUMNS, usageCsvRows } from '../router/usageCsv';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createWalletServices } from '../__testUtils__/walletFixture';
import { parseMonth } from '../reports/months';
import { ReportReader } from '../reports/ReportReader';
import { readTeamReport } from '../reports/teams/readTeamReport';
import { StatementReader } from '../reports/statements/StatementReader';
import { StatementService } from '../reports/statements/StatementService';
import { Team } from '../tenancy/TeamStore';
import { report, summarize, timed } from './stats';

/**
 * Reports at scale, on PostgreSQL and SQLite: the monthly statement of a
 * team with BISON_BENCH_NAMESPACES (50) namespaces × BISON_BENCH_RESOURCES
 * (10) resources billed every hour of a 31-day month (744 windows), so
 * 372,000 usage lines behind 744 debits (target < 500 ms); and a team's
 * BISON_BENCH_CSV_LINES (1,000,000) usage lines streamed as CSV: time and
 * peak RSS (target < 150 MB).
 *
 * Prints numbers; asserts only that the statement reconciles.
 */
jest.setTimeout(60 * 60_000);

const NAMESPACES = Number(process.env.BISON_BENCH_NAMESPACES ?? 50);
const RESOURCES = Number(process.env.BISON_BENCH_RESOURCES ?? 10);
const HOURS = 31 * 24;
const HOUR = 3_600_000;
const MONTH_START = Date.parse('2026-10-01T00:00:00Z');
const PASSES = 5;

const CSV_LINES = Number(process.env.BISON_BENCH_CSV_LINES ?? 1_000_000);
const REPORT_TEAMS = Number(process.env.BISON_BENCH_REPORT_TEAMS ?? 2000);
/** Usage lines per team and hourly window: one project, cpu, memory, a GPU. */
const REPORT_LINES = 3;
const REPORT_DAYS = 30;
const isPg = (knex: Knex) => knex.client.config.client === 'pg';

/** Inserts `count` usage lines of one team in SQL: 1,000 per window. */
async function insertUsageLines(knex: Knex, teamId: string, count: number) {
  const start = MONTH_START;
  if (isPg(knex)) {
    await knex.raw(
      `INSERT INTO usage_records
         (window_start, window_end, namespace, team_id, resource, quantity,
          unit_price, cost, price_book_id)
       SELECT to_timestamp((CAST(:start AS bigint) + (g / 1000) * 3600000) / 1000.0),
              to_timestamp((CAST(:start AS bigint) + (g / 1000 + 1) * 3600000) / 1000.0),
              'csv-ns-' || (g % 100), :teamId, 'resource-' || ((g / 100) % 10),
              '1.25', 40000, 50000 + g % 7, 1
         FROM generate_series(CAST(0 AS bigint), :last) AS g`,
      { start, teamId, last: count - 1 },
    );
    return;
  }
  await knex.raw(
    `WITH RECURSIVE g(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM g WHERE x < ?)
     INSERT INTO usage_records
       (window_start, window_end, namespace, team_id, resource, quantity,
        unit_price, cost, price_book_id)
     SELECT ? + (x / 1000) * 3600000, ? + (x / 1000 + 1) * 3600000,
            'csv-ns-' || (x % 100), ?, 'resource-' || ((x / 100) % 10),
            '1.25', 40000, 50000 + x % 7, 1
       FROM g`,
    [count - 1, start, start, teamId],
  );
}

/**
 * Usage of `teamIds` for `hours` hourly windows from `start`, in SQL:
 * REPORT_LINES lines per team and window.
 */
async function insertTeamUsage(
  knex: Knex,
  teamIds: string[],
  start: number,
  hours: number,
) {
  const perWindow = teamIds.length * REPORT_LINES;
  const last = perWindow * hours - 1;
  if (isPg(knex)) {
    await knex.raw(
      `INSERT INTO usage_records
         (window_start, window_end, namespace, team_id, resource, quantity,
          unit_price, cost, price_book_id)
       SELECT to_timestamp((CAST(:start AS bigint) + (g / :perWindow) * 3600000) / 1000.0),
              to_timestamp((CAST(:start AS bigint) + (g / :perWindow + 1) * 3600000) / 1000.0),
              'ns-' || ((g % :perWindow) / ${REPORT_LINES}),
              (CAST(:teamIds AS text[]))[(g % :perWindow) / ${REPORT_LINES} + 1],
              (ARRAY['cpu', 'memory', 'nvidia.com/gpu:A100'])[g % ${REPORT_LINES} + 1],
              '1.25', 40000, 50000 + g % 7, 1
         FROM generate_series(CAST(0 AS bigint), :last) AS g`,
      { start, perWindow, last, teamIds } as unknown as Knex.ValueDict,
    );
    return;
  }
  await knex.raw(
    `WITH RECURSIVE g(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM g WHERE x < ?),
          t(i, id) AS (SELECT CAST(key AS integer), value FROM json_each(?))
     INSERT INTO usage_records
       (window_start, window_end, namespace, team_id, resource, quantity,
        unit_price, cost, price_book_id)
     SELECT ? + (x / ?) * 3600000, ? + (x / ? + 1) * 3600000,
            'ns-' || ((x % ?) / ${REPORT_LINES}), t.id,
            CASE x % ${REPORT_LINES} WHEN 0 THEN 'cpu' WHEN 1 THEN 'memory'
              ELSE 'nvidia.com/gpu:A100' END,
            '1.25', 40000, 50000 + x % 7, 1
       FROM g JOIN t ON t.i = (x % ?) / ${REPORT_LINES}`,
    [
      last,
      JSON.stringify(teamIds),
      start,
      perWindow,
      start,
      perWindow,
      perWindow,
      perWindow,
    ],
  );
}

const databases = createTestDatabases();
const ms = (value: number) => +value.toFixed(1);

describe.each(databases.eachSupportedId())('reports benchmark on %p', id => {
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(id);
  });
  afterAll(() => knex.destroy());

  it(`assembles a statement over ${
    NAMESPACES * RESOURCES * HOURS
  } usage lines`, async () => {
    let now = new Date(MONTH_START);
    const services = await createWalletServices(knex, { clock: () => now });
    const team = await services.createTeam('ml-team');
    const [, setupMillis] = await timed(async () => {
      await services.writer.post(knex, {
        teamId: team.id,
        amount: 1_000_000_000_000n,
        kind: 'recharge',
        idempotencyKey: 'opening',
        actor: 'user:default/alice',
      });
      for (let h = 0; h < HOURS; h++) {
        const window = {
          start: new Date(MONTH_START + h * HOUR),
          end: new Date(MONTH_START + (h + 1) * HOUR),
        };
        now = new Date(window.end.getTime() + 60_000);
        const lines = [];
        for (let n = 0; n < NAMESPACES; n++) {
          for (let r = 0; r < RESOURCES; r++) {
            const cost = 1000 + ((h * 31 + n * 7 + r) % 5000);
            lines.push({
              window_start: window.start,
              window_end: window.end,
              namespace: `ns-${n}`,
              team_id: team.id,
              resource: `resource-${r}`,
              quantity: `${(cost / 1000).toFixed(3)}`,
              unit_price: '1000',
              cost: String(cost),
              price_book_id: 1,
            });
          }
        }
        await knex.batchInsert('usage_records', lines, 250);
        await services.writer.post(knex, {
          teamId: team.id,
          amount: -lines.reduce((sum, l) => sum + BigInt(l.cost), 0n),
          kind: 'usage',
          idempotencyKey: `usage:${team.id}:${window.start.toISOString()}`,
          actor: 'service:bison/billing',
          window,
        });
      }
    });
    const service = new StatementService(
      new StatementReader(knex),
      'UTC',
      () => new Date(MONTH_START + 40 * 24 * HOUR),
    );
    const samples: number[] = [];
    let statement;
    for (let pass = 0; pass < PASSES; pass++) {
      const [result, millis] = await timed(() =>
        service.statement(team, parseMonth('2026-10')),
      );
      statement = result;
      samples.push(millis);
    }
    expect(statement!.ledger.count).toBe(HOURS);
    expect(statement!.usage.lines).toHaveLength(NAMESPACES * RESOURCES);
    report(`reports: monthly statement on ${id}`, [
      {
        usageLines: NAMESPACES * RESOURCES * HOURS,
        debits: HOURS,
        setupSeconds: ms(setupMillis / 1000),
        statementMs: summarize(samples),
        targetMs: 500,
        machine: `${os.cpus().length} shared cores; SQLite is in memory`,
      },
    ]);
  });

  it(`streams ${CSV_LINES} usage lines as CSV`, async () => {
    const services = await createWalletServices(knex);
    const team = await services.createTeam('csv-team');
    const [, setupMillis] = await timed(() =>
      insertUsageLines(knex, team.id, CSV_LINES),
    );
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    let bytes = 0;
    let lines = -1; // the header
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        lines += chunk.toString('utf8').split('\n').length - 1;
        done();
      },
    });
    const [, millis] = await timed(() =>
      pipeline(
        Readable.from(
          usageCsvRows(
            new UsageReports(knex).streamUsageLines(team.id, {
              from: new Date(MONTH_START),
              to: new Date(MONTH_START + 2000 * HOUR),
            }),
            micros => formatMoney(micros, { decimals: 2 }),
          ),
        ),
        stringify({ header: true, columns: USAGE_CSV_COLUMNS }),
        sink,
      ),
    );
    clearInterval(sampler);
    expect(lines).toBe(CSV_LINES);
    report(`reports: usage CSV on ${id}`, [
      {
        lines: CSV_LINES,
        setupSeconds: ms(setupMillis / 1000),
        seconds: ms(millis / 1000),
        linesPerSecond: Math.round((CSV_LINES / millis) * 1000),
        megabytes: ms(bytes / 2 ** 20),
        rssBeforeMiB: ms(rssBefore / 2 ** 20),
        peakRssMiB: ms(peakRss / 2 ** 20),
        peakGrowthMiB: ms((peakRss - rssBefore) / 2 ** 20),
        targetPeakMiB: 150,
      },
    ]);
  });

  it(`ranks ${REPORT_TEAMS} teams over ${REPORT_DAYS} days`, async () => {
    const services = await createWalletServices(knex);
    const teams: Team[] = [];
    const [, teamMillis] = await timed(async () => {
      for (let i = 0; i < REPORT_TEAMS; i++) {
        teams.push(await services.createTeam(`report-team-${i}`));
      }
    });
    const hours = REPORT_DAYS * 24;
    const to = MONTH_START + 2 * hours * HOUR;
    const from = to - hours * HOUR;
    // The period and the one before it, which the change is measured against.
    const [, setupMillis] = await timed(() =>
      insertTeamUsage(
        knex,
        teams.map(team => team.id),
        from - hours * HOUR,
        2 * hours,
      ),
    );
    await knex.raw(isPg(knex) ? 'ANALYZE usage_records' : 'ANALYZE');
    const usage = new ReportReader(knex);
    const samples: number[] = [];
    let ranked = 0;
    for (let pass = 0; pass < 3; pass++) {
      const [{ report: result }, millis] = await timed(() =>
        readTeamReport(
          { usage, teams: services.teams, wallets: services.store },
          { from: new Date(from), to: new Date(to) },
        ),
      );
      ranked = result.teams.length;
      samples.push(millis);
    }
    expect(ranked).toBe(REPORT_TEAMS);
    report(`reports: cross-team report on ${id}`, [
      {
        teams: REPORT_TEAMS,
        days: REPORT_DAYS,
        usageLinesInPeriod: REPORT_TEAMS * REPORT_LINES * hours,
        usageLinesRead: 2 * REPORT_TEAMS * REPORT_LINES * hours,
        setupSeconds: ms((teamMillis + setupMillis) / 1000),
        reportMs: summarize(samples),
        targetMs: 2000,
      },
    ]);
  });
});
