import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { alignWindowStart } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { dateFromDb } from '../database/dbValues';
import { TeamStore } from '../tenancy/TeamStore';
import { LedgerWriter } from '../wallet/LedgerWriter';
import { WalletService } from '../wallet/WalletService';
import { Billing } from './Billing';
import { BillingEngine } from './BillingEngine';
import { BillingStore } from './BillingStore';
import { NamespaceOwners } from './NamespaceOwners';
import { defaultPrices } from './prices/defaultPrices';
import { PriceBookStore } from './prices/PriceBookStore';
import { BillingSettings } from './readBillingSettings';
import { createReconciler } from './reconciliation/createReconciliation';
import { UsageReports } from './UsageReports';
import { UsageSourceRegistry } from './UsageSourceRegistry';

/**
 * Billing starts at `bison.billing.startAt`, else at the creation of the
 * first team (stable across restarts), else now.
 */
async function firstWindowStart(knex: Knex, settings: BillingSettings) {
  if (settings.startAt) return settings.startAt;
  const row = await knex('teams').min({ first: 'created_at' }).first();
  const first = row?.first ? dateFromDb(row.first) : new Date();
  return alignWindowStart(first, settings.windowMs);
}

/** Builds the billing engine; seeds the first price book from config. */
export async function createBilling(options: {
  knex: Knex;
  config: RootConfigService;
  settings: BillingSettings;
  sources: UsageSourceRegistry;
  ledger: LedgerWriter;
  wallets: WalletService;
  owners: NamespaceOwners;
  teams: TeamStore;
  logger: LoggerService;
}): Promise<Billing> {
  const { knex, settings, sources } = options;
  const prices = new PriceBookStore(knex);
  if ((await prices.list()).length === 0) {
    await prices
      .create(
        {
          effectiveFrom: new Date(0),
          prices: defaultPrices(options.config),
          note: 'Defaults from configuration',
          createdBy: 'service:bison',
        },
        new Date(),
      )
      .catch(() => undefined); // another replica seeded it first
  }
  const store = new BillingStore(knex);
  const start = await firstWindowStart(knex, settings);
  const source = () =>
    settings.sourceId ? sources.get(settings.sourceId) : undefined;
  const engine = new BillingEngine({
    knex,
    store,
    prices,
    ledger: options.ledger,
    wallets: options.wallets,
    owners: options.owners,
    source,
    logger: options.logger,
    windowMs: settings.windowMs,
    settleDelayMs: settings.settleDelayMs,
    firstWindowStart: start,
    maxWindowsPerRun: settings.maxWindowsPerRun,
  });
  return {
    settings,
    engine,
    store,
    prices,
    reports: new UsageReports(knex),
    sources,
    ...createReconciler(options.config, {
      knex,
      prices,
      owners: options.owners,
      source,
      ledger: options.ledger,
      wallets: options.wallets,
      teams: options.teams,
      logger: options.logger,
    }),
  };
}
