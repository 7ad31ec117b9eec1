/*
 * Streams a team's usage lines as CSV in a process of its own and prints
 * one JSON line of measurements, so that the peak RSS is the export's and
 * not the test runner's. Started by `streamUsageCsvInOwnProcess`:
 *   node --expose-gc -r @backstage/cli/config/nodeTransform.cjs \
 *     usageCsvProcess.ts '<knex config as JSON>' <lines>
 */
import { formatMoney } from '@bison/plugin-bison-common';
import { stringify } from 'csv-stringify';
import knexFactory, { Knex } from 'knex';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UsageReports } from '../billing/UsageReports';
import { migrationsDirectory } from '../database/migrateDatabase';
import { USAGE_CSV_COLUMNS, usageCsvRows } from '../router/usageCsv';
import { TeamStore } from '../tenancy/TeamStore';
import { timed } from './stats';

const isPg = (knex: Knex) => knex.client.config.client === 'pg';

/** Inserts `count` usage lines of one team in SQL: 1,000 per window. */
async function insertUsageLines(knex: Knex, teamId: string, count: number) {
  const start = Date.parse('2026-10-01T00:00:00Z');
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

async function main() {
  const knex = knexFactory(JSON.parse(process.argv[2]));
  const count = Number(process.argv[3]);
  await knex.migrate.latest({ directory: migrationsDirectory });
  const team = await new TeamStore(knex).createTeam(
    {
      name: 'csv-team',
      groupRef: 'group:default/csv-team',
      displayName: 'CSV',
    },
    'user:default/bench',
    new Date(),
  );
  const [, setupMillis] = await timed(() =>
    insertUsageLines(knex, team.id, count),
  );
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  let bytes = 0;
  let lines = -1; // the header
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines++;
      done();
    },
  });
  const [, millis] = await timed(() =>
    pipeline(
      Readable.from(
        usageCsvRows(
          new UsageReports(knex).streamUsageLines(team.id, {
            from: new Date(0),
            to: new Date('2100-01-01T00:00:00Z'),
          }),
          micros => formatMoney(micros, { decimals: 2 }),
        ),
      ),
      stringify({ header: true, columns: USAGE_CSV_COLUMNS }),
      sink,
    ),
  );
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  await knex.destroy();
  const mib = (value: number) => +(value / 2 ** 20).toFixed(1);
  process.stdout.write(
    `${JSON.stringify({
      lines,
      setupSeconds: +(setupMillis / 1000).toFixed(1),
      seconds: +(millis / 1000).toFixed(1),
      linesPerSecond: Math.round((lines / millis) * 1000),
      megabytes: mib(bytes),
      rssBeforeMiB: mib(rssBefore),
      peakRssMiB: mib(peakRss),
      peakGrowthMiB: mib(peakRss - rssBefore),
    })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
