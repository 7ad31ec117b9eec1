import { Knex } from 'knex';
import os from 'node:os';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createWalletServices } from '../__testUtils__/walletFixture';
import { parseMonth } from '../reports/months';
import { DailyUsageSums } from '../reports/dailySums/DailyUsageSums';
import { ReportReader } from '../reports/ReportReader';
import { readTeamReport } from '../reports/teams/readTeamReport';
import { StatementReader } from '../reports/statements/StatementReader';
import { StatementService } from '../reports/statements/StatementService';
import { Team } from '../tenancy/TeamStore';
import { report, summarize, timed } from './stats';
import { streamUsageCsvInOwnProcess } from './streamUsageCsvInOwnProcess';

/**
 * Reports at scale, on PostgreSQL and SQLite: the monthly statement of a
 * team with BISON_BENCH_NAMESPACES (50) namespaces × BISON_BENCH_RESOURCES
 * (10) resources billed every hour of a 31-day month (744 windows), so
 * 372,000 usage lines behind 744 debits (target < 500 ms); and a team's
 * BISON_BENCH_CSV_LINES (1,000,000) usage lines streamed as CSV in a process
 * of its own: time and peak RSS (target < 150 MB); and the cross-team report
 * of BISON_BENCH_REPORT_TEAMS (2,000) teams over 30 days (target < 2 s).
 *
 * Prints numbers; asserts only that the statement reconciles.
 */
jest.setTimeout(60 * 60_000);

const NAMESPACES = Number(process.env.BISON_BENCH_NAMESPACES ?? 50);
const RESOURCES = Number(process.env.BISON_BENCH_RESOURCES ?? 10);
const HOURS = 31 * 24;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONTH_START = Date.parse('2026-10-01T00:00:00Z');
const PASSES = 5;

const CSV_LINES = Number(process.env.BISON_BENCH_CSV_LINES ?? 1_000_000);
const REPORT_TEAMS = Number(process.env.BISON_BENCH_REPORT_TEAMS ?? 2000);
/** SQLite is the development database: fewer teams keep its setup short. */
const SQLITE_REPORT_TEAMS = Number(
  process.env.BISON_BENCH_SQLITE_REPORT_TEAMS ?? 200,
);
/** Usage lines per team and hourly window: one project, cpu, memory, a GPU. */
const REPORT_LINES = 3;
const REPORT_DAYS = 30;
const isPg = (knex: Knex) => knex.client.config.client === 'pg';

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
    // In a process of its own, so that the peak RSS is the export's and
    // not that of the test runner around it.
    const sqliteFile = path.join(os.tmpdir(), `bison-csv-${process.pid}.db`);
    const result = await streamUsageCsvInOwnProcess(
      isPg(knex)
        ? { client: 'pg', connection: knex.client.config.connection }
        : {
            client: 'better-sqlite3',
            connection: { filename: sqliteFile },
            useNullAsDefault: true,
          },
      CSV_LINES,
    ).finally(() => rm(sqliteFile, { force: true }));
    expect(result.lines).toBe(CSV_LINES);
    report(`reports: usage CSV on ${id}`, [{ ...result, targetPeakMiB: 150 }]);
  });

  it(`ranks ${REPORT_TEAMS} teams (${SQLITE_REPORT_TEAMS} on SQLite) over ${REPORT_DAYS} days`, async () => {
    const teamCount = isPg(knex) ? REPORT_TEAMS : SQLITE_REPORT_TEAMS;
    const services = await createWalletServices(knex);
    const teams: Team[] = [];
    const [, teamMillis] = await timed(async () => {
      for (let i = 0; i < teamCount; i++) {
        teams.push(await services.createTeam(`report-team-${i}`));
      }
    });
    const hours = REPORT_DAYS * 24;
    // Not at midnight, as the UI's presets are: the hours before the first
    // whole day and after the last are read from the usage records.
    const to = MONTH_START + 2 * hours * HOUR - 11 * HOUR;
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
    await knex.raw('ANALYZE');
    const dailySums = new DailyUsageSums(knex);
    const usage = new ReportReader(knex, dailySums);
    const rank = async () => {
      const samples: number[] = [];
      for (let pass = 0; pass < 3; pass++) {
        const [{ report: result }, millis] = await timed(() =>
          readTeamReport(
            { usage, teams: services.teams, wallets: services.store },
            { from: new Date(from), to: new Date(to) },
          ),
        );
        expect(result.teams).toHaveLength(teamCount);
        samples.push(millis);
      }
      return summarize(samples);
    };
    const fromRecords = await rank();
    // The lines above bypassed the writer, which marks their days unsummed.
    const firstDay = from - hours * HOUR - DAY;
    for (let day = firstDay - (firstDay % DAY); day < to; day += DAY) {
      await knex('usage_days').insert({ day: new Date(day), summed: false });
    }
    const [summedDays, dailyMillis] = await timed(() =>
      dailySums.sumEndedDays(new Date(to + DAY), { limit: 1000 }),
    );
    await knex.raw('ANALYZE');
    const withDailySums = await rank();
    report(`reports: cross-team report on ${id}`, [
      {
        teams: teamCount,
        days: REPORT_DAYS,
        usageLinesInPeriod: teamCount * REPORT_LINES * hours,
        setupSeconds: ms((teamMillis + setupMillis) / 1000),
        summedDays,
        secondsPerDaySummed: ms(dailyMillis / 1000 / summedDays),
        reportMsFromRecordsOnly: fromRecords,
        reportMs: withDailySums,
        targetMs: 2000,
      },
    ]);
  });
});
