import { reportsReadPermission } from '@bison/plugin-bison-common';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { spreadsheetSafe } from '../csv/spreadsheetSafe';
import { assembleProjectReport } from '../reports/projects/assembleProjectReport';
import { readTeamReport } from '../reports/teams/readTeamReport';
import { assertBasicPermission } from './basicPermission';
import { parseRange } from './parseRange';
import { moneyFormatter } from './responses';
import { ApiRouter, RouteContext } from './types';

const TEAM_CSV_COLUMNS = [
  'team',
  'displayName',
  'cost',
  'sharePercent',
  'previousCost',
  'change',
  'changePercent',
  'balance',
  'state',
];

const PROJECT_CSV_COLUMNS = ['project', 'team', 'cost', 'sharePercent'];

const percent = (perMille: number | null) =>
  perMille === null ? null : (perMille / 10).toFixed(1);

export function registerReportRoutes(router: ApiRouter, ctx: RouteContext) {
  const { httpAuth, teams, walletStore, reports } = ctx;
  const money = moneyFormatter(ctx.settings);

  router.get('/reports/teams', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await assertBasicPermission(ctx, credentials, reportsReadPermission);
    const range = parseRange(req.query);
    const { report, previousRange } = await readTeamReport(
      { usage: reports.usage, teams, wallets: walletStore },
      range,
    );
    const rows = report.teams.map(row => ({
      team: row.team,
      displayName: row.displayName,
      cost: money(row.cost),
      sharePercent: percent(row.sharePerMille)!,
      previousCost: money(row.previousCost),
      change: money(row.change),
      changePercent: percent(row.changePerMille),
      byResource: row.byResource.map(r => ({
        resource: r.resource,
        quantity: r.quantity,
        cost: money(r.cost),
      })),
      balance: row.balance === null ? null : money(row.balance),
      state: row.state,
    }));
    if (req.query.format === 'csv') {
      res.status(200);
      res.type('text/csv');
      res.attachment('bison-teams-report.csv');
      await pipeline(
        Readable.from(
          rows.map(row => [
            spreadsheetSafe(row.team),
            spreadsheetSafe(row.displayName),
            row.cost,
            row.sharePercent,
            row.previousCost,
            row.change,
            row.changePercent ?? '',
            row.balance ?? '',
            row.state ?? '',
          ]),
        ),
        stringify({ header: true, columns: TEAM_CSV_COLUMNS }),
        res,
      );
      return;
    }
    res.json({
      from: range.from,
      to: range.to,
      previousFrom: previousRange.from,
      previousTo: previousRange.to,
      total: money(report.total),
      unallocated: money(report.unallocated),
      previousTotal: money(report.previousTotal),
      previousUnallocated: money(report.previousUnallocated),
      teams: rows,
    });
  });

  router.get('/reports/projects', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await assertBasicPermission(ctx, credentials, reportsReadPermission);
    const range = parseRange(req.query);
    const report = assembleProjectReport(
      await reports.usage.projectTotals(range),
    );
    const teamIds = [
      ...new Set(
        report.projects
          .map(p => p.teamId)
          .filter((id): id is string => id !== null),
      ),
    ];
    const names = new Map(
      (await teams.getTeamsById(teamIds)).map(t => [t.id, t.name]),
    );
    const rows = report.projects.map(row => ({
      project: row.namespace,
      team: row.teamId ? names.get(row.teamId) ?? row.teamId : null,
      cost: money(row.cost),
      sharePercent: percent(row.sharePerMille)!,
      byResource: row.byResource.map(r => ({
        resource: r.resource,
        quantity: r.quantity,
        cost: money(r.cost),
      })),
    }));
    if (req.query.format === 'csv') {
      res.status(200);
      res.type('text/csv');
      res.attachment('bison-projects-report.csv');
      await pipeline(
        Readable.from(
          rows.map(row => [
            spreadsheetSafe(row.project),
            row.team ? spreadsheetSafe(row.team) : '',
            row.cost,
            row.sharePercent,
          ]),
        ),
        stringify({ header: true, columns: PROJECT_CSV_COLUMNS }),
        res,
      );
      return;
    }
    res.json({
      from: range.from,
      to: range.to,
      total: money(report.total),
      unallocated: money(report.unallocated),
      projects: rows,
    });
  });
}
