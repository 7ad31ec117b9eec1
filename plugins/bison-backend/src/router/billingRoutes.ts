import { ConflictError } from '@backstage/errors';
import {
  billingOperatePermission,
  reportsReadPermission,
} from '@bison/plugin-bison-common';
import { BillingRun } from '../billing/BillingStore';
import { actorOf } from './actor';
import { audited } from './audited';
import { assertBasicPermission } from './basicPermission';
import { ApiRouter, RouteContext } from './types';

function runResponse(run: BillingRun) {
  return {
    id: run.id,
    trigger: run.trigger,
    ...(run.actor ? { actor: run.actor } : {}),
    startedAt: run.startedAt,
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    status: run.status,
    windowsBilled: run.windowsBilled,
    windowsPending: run.windowsPending,
    ...(run.error ? { error: run.error } : {}),
  };
}

export function registerBillingRoutes(router: ApiRouter, ctx: RouteContext) {
  const { httpAuth, billing } = ctx;
  let manualRun: Promise<unknown> | undefined;

  router.get('/billing/status', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await assertBasicPermission(ctx, credentials, reportsReadPermission);
    const now = new Date();
    const [watermark, pending, failed, [lastRun]] = await Promise.all([
      billing.store.watermark(),
      billing.engine.pendingWindows(now),
      billing.store.failedWindows(),
      billing.store.listRuns(1),
    ]);
    const { settings, sources } = billing;
    res.json({
      windowMinutes: settings.windowMs / 60_000,
      settleDelayMinutes: settings.settleDelayMs / 60_000,
      source: {
        id: settings.sourceId ?? 'none',
        registered: Boolean(
          settings.sourceId && sources.get(settings.sourceId),
        ),
        ...(failed[0] ? { lastError: failed[0].lastError } : {}),
      },
      watermark,
      lagMinutes: watermark
        ? Math.floor((now.getTime() - watermark.getTime()) / 60_000)
        : null,
      pendingWindows: pending.length,
      failedWindows: failed.map(window => ({
        start: window.start,
        attempts: window.attempts,
        lastError: window.lastError,
      })),
      ...(lastRun ? { lastRun: runResponse(lastRun) } : {}),
    });
  });

  router.get('/billing/runs', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await assertBasicPermission(ctx, credentials, reportsReadPermission);
    const runs = await billing.store.listRuns(50);
    res.json({ items: runs.map(runResponse) });
  });

  router.post('/billing/runs', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await assertBasicPermission(ctx, credentials, billingOperatePermission);
    if (manualRun) {
      throw new ConflictError('a billing run started here is still running');
    }
    const run = audited(
      ctx,
      req,
      {
        action: 'billing-run',
        subject: 'billing',
        summary: stored =>
          `Ran billing: ${stored.windowsBilled} windows billed, ${stored.status}`,
      },
      async () => {
        const result = await billing.engine.run({
          trigger: 'manual',
          actor: actorOf(credentials),
        });
        const [stored] = (await billing.store.listRuns(20)).filter(
          candidate => candidate.id === result.runId,
        );
        return stored;
      },
    );
    manualRun = run;
    try {
      res.json(runResponse(await run));
    } finally {
      manualRun = undefined;
    }
  });
}
