import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  reportsReadPermission,
  teamReadPermission,
} from '@bison/plugin-bison-common';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { formatMonth, parseMonth } from '../reports/months';
import { Statement } from '../reports/statements/assembleStatement';
import {
  STATEMENT_CSV_COLUMNS,
  statementCsvRows,
} from '../reports/statements/statementCsv';
import * as api from '../schema/openapi/generated/models';
import { writeStatementPdf } from '../reports/statements/statementPdf';
import { Team } from '../tenancy/TeamStore';
import { LedgerEntry } from '../wallet/types';
import { moneyFormatter } from './responses';
import { ApiRouter, RouteContext } from './types';
import { holdsBasicPermission } from './basicPermission';

export function registerStatementRoutes(router: ApiRouter, ctx: RouteContext) {
  const { httpAuth, authorizer, teams, reports, settings } = ctx;
  const { statements } = reports;
  const decimals = settings.currency.minorUnits;
  const money = moneyFormatter(settings);

  /** The team, for its members (team read) or finance (reports read). */
  const readableTeam = async (
    credentials: BackstageCredentials,
    name: string,
  ): Promise<Team> => {
    if (
      !(await holdsBasicPermission(ctx, credentials, reportsReadPermission))
    ) {
      return authorizer.authorizeTeam(credentials, teamReadPermission, name);
    }
    const team = await teams.getTeam(name);
    if (!team) throw new NotFoundError(`team '${name}' not found`);
    return team;
  };

  const entryView = (entry: LedgerEntry): api.StatementEntry => ({
    id: String(entry.id),
    createdAt: entry.createdAt,
    amount: money(entry.amount),
    balanceAfter: money(entry.balanceAfter),
    actor: entry.actor,
    ...(entry.reason ? { reason: entry.reason } : {}),
  });

  const statementView = (
    team: Team,
    month: string,
    statement: Statement,
  ): api.Statement => ({
    team: team.name,
    displayName: team.displayName,
    groupRef: team.groupRef,
    currency: settings.currency,
    month,
    timeZone: statements.timeZone,
    periodStart: statement.period.start,
    periodEnd: statement.period.end,
    preliminary: statement.preliminary,
    openingBalance: money(statement.openingBalance),
    closingBalance: money(statement.closingBalance),
    totals: {
      recharge: money(statement.totals.recharge),
      auto_recharge: money(statement.totals.auto_recharge),
      usage: money(statement.totals.usage),
      adjustment: money(statement.totals.adjustment),
      refund: money(statement.totals.refund),
      import: money(statement.totals.import),
    },
    recharges: statement.entries.recharge.map(entryView),
    autoRecharges: statement.entries.auto_recharge.map(entryView),
    adjustments: statement.entries.adjustment.map(entryView),
    refunds: statement.entries.refund.map(entryView),
    imports: statement.entries.import.map(entryView),
    usage: {
      byProject: statement.usage.byProject.map(p => ({
        project: p.project,
        cost: money(p.cost),
      })),
      byResource: statement.usage.byResource.map(r => ({
        resource: r.resource,
        quantity: r.quantity,
        cost: money(r.cost),
      })),
      lines: statement.usage.lines.map(l => ({
        project: l.project,
        resource: l.resource,
        quantity: l.quantity,
        cost: money(l.cost),
      })),
    },
    ledger: {
      count: statement.ledger.count,
      firstId: statement.ledger.firstId?.toString() ?? null,
      lastId: statement.ledger.lastId?.toString() ?? null,
      sha256: statement.ledger.sha256,
    },
  });

  router.get('/teams/:team/statements', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const team = await readableTeam(credentials, req.params.team);
    res.json({
      timeZone: statements.timeZone,
      items: await statements.months(team),
    });
  });

  router.get('/teams/:team/statements/:month', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const team = await readableTeam(credentials, req.params.team);
    const month = parseMonth(req.params.month);
    const statement = await statements.statement(team, month);
    const name = formatMonth(month);
    if (req.query.format === 'csv') {
      res.status(200);
      res.type('text/csv');
      res.attachment(`${team.name}-statement-${name}.csv`);
      await pipeline(
        Readable.from(statementCsvRows(statement, decimals)),
        stringify({ header: true, columns: STATEMENT_CSV_COLUMNS }),
        res,
      );
      return;
    }
    const view = statementView(team, name, statement);
    if (req.query.format === 'pdf') {
      res.status(200);
      res.type('application/pdf');
      res.attachment(`${team.name}-statement-${name}.pdf`);
      await writeStatementPdf(view, res);
      return;
    }
    res.json(view);
  });
}
