import { UsageSourceRegistry } from './UsageSourceRegistry';
import { BillingEngine } from './BillingEngine';
import { BillingStore } from './BillingStore';
import { PriceBookStore } from './prices/PriceBookStore';
import { BillingSettings } from './readBillingSettings';
import { Reconciler } from './reconciliation/Reconciler';
import { ReconciliationStore } from './reconciliation/ReconciliationStore';
import { UsageReports } from './UsageReports';

/** The billing engine and what its routes read, built once by the plugin. */
export interface Billing {
  settings: BillingSettings;
  engine: BillingEngine;
  store: BillingStore;
  prices: PriceBookStore;
  reports: UsageReports;
  sources: UsageSourceRegistry;
  reconciler: Reconciler;
  reconciliation: ReconciliationStore;
}
