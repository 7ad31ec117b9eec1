import {
  BucketGranularity,
  reportsReadPermission,
  teamReadPermission,
} from '@bison/plugin-bison-common';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { byAmountDescending } from '../billing/compareMicros';
import { UsageGroupBy } from '../billing/UsageReports';
import { assertBasicPermission } from './basicPermission';
import { moneyFormatter } from './responses';
import { parseRange } from './parseRange';
import { USAGE_CSV_COLUMNS, usageCsvRows } from './usageCsv';
import { ApiRouter, RouteContext } from './types';

export function registerUsageRoutes(router: ApiRouter, ctx: RouteContext) {
  const { httpAuth, authorizer, billing, teams } = ctx;
  const money = moneyFormatter(ctx.settings);

  router.get('/teams/:team/usage', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const team = await authorizer.authorizeTeam(
      credentials,
      teamReadPermission,
      req.params.team,
    );
    const range = parseRange(req.query);
    if (req.query.format === 'csv') {
      res.status(200);
      res.type('text/csv');
      res.attachment(`${team.name}-usage.csv`);
      await pipeline(
        Readable.from(
          usageCsvRows(billing.reports.streamUsageLines(team.id, range), money),
        ),
        stringify({ header: true, columns: USAGE_CSV_COLUMNS }),
        res,
      );
      return;
    }
    const granularity = (req.query.granularity ?? 'day') as BucketGranularity;
    const groupBy = (req.query.groupBy ?? 'resource') as UsageGroupBy;
    const usage = await billing.reports.teamUsage(
      team.id,
      range,
      granularity,
      groupBy,
    );
    const quantity = (value?: { toFixed(): string }) =>
      value ? { quantity: value.toFixed() } : {};
    res.json({
      team: team.name,
      from: range.from,
      to: range.to,
      granularity,
      groupBy,
      buckets: usage.buckets.map(bucket => ({
        start: bucket.start,
        key: bucket.key,
        ...quantity(bucket.quantity),
        cost: money(bucket.cost),
      })),
      totals: usage.totals.map(total => ({
        key: total.key,
        ...quantity(total.quantity),
        cost: money(total.cost),
      })),
      total: money(usage.total),
    });
  });

  router.get('/usage/summary', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await assertBasicPermission(ctx, credentials, reportsReadPermission);
    const range = parseRange(req.query);
    const summary = await billing.reports.summary(range);
    const charged = summary.byTeam.filter(row => row.teamId !== null);
    const unallocated = summary.byTeam
      .filter(row => row.teamId === null)
      .reduce((sum, row) => sum + row.cost, 0n);
    const known = new Map(
      (await teams.getTeamsById(charged.map(row => row.teamId!))).map(team => [
        team.id,
        team,
      ]),
    );
    const ranked = charged.sort((a, b) => byAmountDescending(a.cost, b.cost));
    res.json({
      from: range.from,
      to: range.to,
      total: money(summary.byTeam.reduce((sum, row) => sum + row.cost, 0n)),
      unallocated: money(unallocated),
      unallocatedNamespaces: summary.unallocatedNamespaces.map(row => ({
        namespace: row.namespace,
        cost: money(row.cost),
      })),
      teams: ranked.map((row, index) => ({
        team: known.get(row.teamId!)?.name ?? row.teamId!,
        displayName: known.get(row.teamId!)?.displayName ?? row.teamId!,
        cost: money(row.cost),
        rank: index + 1,
      })),
      daily: summary.daily.map(day => ({
        start: day.start,
        cost: money(day.cost),
      })),
    });
  });
}
