import express from 'express';
import { createOpenApiRouter } from '../schema/openapi';
import { registerActivityRoutes } from './activityRoutes';
import { registerAlertRoutes } from './alertRoutes';
import { registerAutoRechargeRoutes } from './autoRechargeRoutes';
import { registerBillingRoutes } from './billingRoutes';
import { registerEnforcementRoutes } from './enforcementRoutes';
import { registerPriceRoutes } from './priceRoutes';
import { registerUsageRoutes } from './usageRoutes';
import { registerNodeRoutes } from './nodeRoutes';
import { registerProjectRoutes } from './projectRoutes';
import { registerQuotaRoutes } from './quotaRoutes';
import { registerReportRoutes } from './reportRoutes';
import { registerTeamRoutes } from './teamRoutes';
import { RouteContext } from './types';
import { registerWalletRoutes } from './walletRoutes';
import { registerReconciliationRoutes } from './reconciliationRoutes';
import { registerStatementRoutes } from './statementRoutes';

/**
 * The plugin's HTTP API. Every route is declared in `src/schema/openapi.yaml`;
 * requests that do not match it are rejected by the validator before they
 * reach a handler.
 */
export async function createRouter(ctx: RouteContext): Promise<express.Router> {
  const router = await createOpenApiRouter();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/settings', async (req, res) => {
    await ctx.httpAuth.credentials(req);
    const { currency, billingWindowMinutes } = ctx.settings;
    res.json({
      currency,
      billingWindowMinutes,
      reportsTimeZone: ctx.reports.statements.timeZone,
    });
  });

  registerTeamRoutes(router, ctx);
  registerWalletRoutes(router, ctx);
  registerAutoRechargeRoutes(router, ctx);
  registerEnforcementRoutes(router, ctx);
  registerProjectRoutes(router, ctx);
  registerQuotaRoutes(router, ctx);
  registerNodeRoutes(router, ctx);
  registerPriceRoutes(router, ctx);
  registerBillingRoutes(router, ctx);
  registerUsageRoutes(router, ctx);
  registerAlertRoutes(router, ctx);
  registerStatementRoutes(router, ctx);
  registerActivityRoutes(router, ctx);
  registerReconciliationRoutes(router, ctx);
  registerReportRoutes(router, ctx);
  return router;
}
