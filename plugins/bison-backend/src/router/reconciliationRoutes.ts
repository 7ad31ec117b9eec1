import { InputError, NotFoundError } from '@backstage/errors';
import {
  billingOperatePermission,
  parseIsoInstant,
  reportsReadPermission,
  walletAdjustPermission,
} from '@bison/plugin-bison-common';
import { MAX_WINDOWS_PER_CHECK } from '../billing/reconciliation/Reconciler';
import {
  BilledWindow,
  DifferenceStatus,
  StoredDifference,
} from '../billing/reconciliation/ReconciliationStore';
import * as api from '../schema/openapi/generated/models';
import { actorOf } from './actor';
import { audited } from './audited';
import { assertBasicPermission } from './basicPermission';
import { parseField, rejectUnknownFields } from './fieldErrors';
import { moneyFormatter, transactionResponse } from './responses';
import { ApiRouter, RouteContext } from './types';

export function registerReconciliationRoutes(
  router: ApiRouter,
  ctx: RouteContext,
) {
  const { httpAuth, billing, teams, settings } = ctx;
  const { reconciler, reconciliation } = billing;
  const money = moneyFormatter(settings);

  const differenceViews = async (
    differences: StoredDifference[],
  ): Promise<api.ReconciliationDifference[]> => {
    const ids = [
      ...new Set(differences.flatMap(d => (d.teamId ? [d.teamId] : []))),
    ];
    const names = new Map(
      (await teams.getTeamsById(ids)).map(team => [team.id, team.name]),
    );
    return differences.map(d => ({
      id: d.id,
      windowStart: d.start,
      windowEnd: d.end,
      team: d.teamId ? names.get(d.teamId) ?? d.teamId : null,
      billed: money(d.billed),
      source: money(d.source),
      difference: money(d.source - d.billed),
      status: d.status,
      firstSeenAt: d.firstSeenAt,
      checkedAt: d.checkedAt,
      lines: d.lines.map(line => ({
        project: line.namespace,
        resource: line.resource,
        billedQuantity: line.billedQuantity,
        sourceQuantity: line.sourceQuantity,
        billedCost: money(line.billedCost),
        sourceCost: money(line.sourceCost),
      })),
      ...(d.ledgerEntryId && d.settledBy && d.settledAt
        ? {
            settlement: {
              transactionId: d.ledgerEntryId,
              settledBy: d.settledBy,
              settledAt: d.settledAt,
            },
          }
        : {}),
    }));
  };

  router.get('/billing/reconciliation', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await assertBasicPermission(ctx, credentials, reportsReadPermission);
    const status = req.query.status ?? 'open';
    let teamId: string | undefined;
    if (req.query.team !== undefined) {
      const team = await teams.getTeam(req.query.team);
      if (!team) throw new NotFoundError(`team '${req.query.team}' not found`);
      teamId = team.id;
    }
    const [lastCheck, differences] = await Promise.all([
      reconciliation.lastCheck(),
      reconciliation.list({
        status: status === 'all' ? undefined : (status as DifferenceStatus),
        teamId,
        limit: req.query.limit ?? 100,
      }),
    ]);
    res.json({
      ...(lastCheck ? { lastCheck } : {}),
      items: await differenceViews(differences),
    });
  });

  router.post('/billing/reconciliation/checks', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await assertBasicPermission(ctx, credentials, billingOperatePermission);
    const body = (req.body ?? {}) as { from?: string; to?: string };
    rejectUnknownFields(body, ['from', 'to']);
    let windows: BilledWindow[] | undefined;
    if (body.from !== undefined || body.to !== undefined) {
      if (body.from === undefined || body.to === undefined) {
        throw new InputError("'from' and 'to' go together");
      }
      const from = parseField('from', () => parseIsoInstant(body.from!));
      const to = parseField('to', () => parseIsoInstant(body.to!));
      if (from >= to) throw new InputError("'from' must be before 'to'");
      windows = await reconciliation.billedWindows(
        { from, to },
        MAX_WINDOWS_PER_CHECK + 1,
      );
      if (windows.length > MAX_WINDOWS_PER_CHECK) {
        throw new InputError(
          `'from'/'to' hold more than ${MAX_WINDOWS_PER_CHECK} billed windows; check a shorter range`,
        );
      }
    }
    const check = await audited(
      ctx,
      req,
      {
        action: 'reconciliation-check',
        subject: 'reconciliation',
        summary: done =>
          `Checked ${done.windowsChecked} billed windows against the usage source: ${done.differences} differences`,
      },
      () =>
        reconciler.check({
          trigger: 'manual',
          actor: actorOf(credentials),
          windows,
        }),
    );
    res.json(check);
  });

  router.post(
    '/billing/reconciliation/:difference/settle',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      const body = (req.body ?? {}) as { reason?: string };
      rejectUnknownFields(body, ['reason']);
      const difference = await reconciliation.get(req.params.difference);
      if (!difference) {
        throw new NotFoundError(
          `no reconciliation difference ${req.params.difference}`,
        );
      }
      const team = difference.teamId
        ? await teams.getTeamById(difference.teamId)
        : undefined;
      if (team) {
        await ctx.authorizer.assertAllowed(
          credentials,
          walletAdjustPermission,
          team,
        );
      } else {
        await assertBasicPermission(ctx, credentials, billingOperatePermission);
      }
      const settled = await audited(
        ctx,
        req,
        {
          action: 'reconciliation-settle',
          team,
          subject: `difference ${difference.id}`,
          summary: ({ entry }) =>
            `Settled reconciliation difference ${difference.id} with ${money(
              entry.amount,
            )} ${settings.currency.code}`,
          after: ({ entry }) => ({
            transaction: entry.id.toString(),
            amount: money(entry.amount),
          }),
        },
        () =>
          reconciler.settle(difference.id, {
            actor: actorOf(credentials),
            reason: body.reason?.trim() || undefined,
          }),
      );
      const [view] = await differenceViews([settled.difference]);
      res.status(201).json({
        difference: view,
        transaction: transactionResponse(settled.entry, settings),
      });
    },
  );
}
