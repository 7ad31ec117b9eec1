import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ActivityStore } from '../activity/ActivityStore';
import { Alerts } from '../alerts/createAlerts';
import { Billing } from '../billing/Billing';
import { EnforcementService } from '../enforcement/EnforcementService';
import { Reports } from '../reports/createReports';
import { createOpenApiRouter } from '../schema/openapi';
import { TeamAuthorizer } from '../permissions/TeamAuthorizer';
import { BisonSettings } from '../settings/readSettings';
import { TeamStore } from '../tenancy/TeamStore';
import { Tenancy } from '../tenancy/Tenancy';
import { WalletService } from '../wallet/WalletService';
import { WalletStore } from '../wallet/WalletStore';
import { AutoRechargeStore } from '../wallet/autoRecharge/AutoRechargeStore';

export type ApiRouter = Awaited<ReturnType<typeof createOpenApiRouter>>;

/** What the route handlers need; assembled once in the plugin. */
export interface RouteContext {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
  permissions: PermissionsService;
  catalog: CatalogService;
  settings: BisonSettings;
  teams: TeamStore;
  authorizer: TeamAuthorizer;
  wallets: WalletService;
  walletStore: WalletStore;
  autoRecharge: AutoRechargeStore;
  billing: Billing;
  enforcement: EnforcementService;
  alerts: Alerts;
  reports: Reports;
  activity: ActivityStore;
  /** Absent when no cluster is configured: teams are ledger-only. */
  tenancy?: Tenancy;
}
