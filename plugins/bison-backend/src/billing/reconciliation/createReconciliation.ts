import { RootConfigService } from '@backstage/backend-plugin-api';
import { Reconciler, ReconcilerOptions } from './Reconciler';
import { ReconciliationStore } from './ReconciliationStore';

function wholeNumber(config: RootConfigService, key: string, fallback: number) {
  const value = config.getOptionalNumber(`bison.billing.reconciliation.${key}`);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(
      `bison.billing.reconciliation.${key} must be a whole number, 0 or more; got ${value}`,
    );
  }
  return value;
}

/** Reads `bison.billing.reconciliation` and builds the reconciler on `store`. */
export function createReconciler(
  config: RootConfigService,
  options: Omit<
    ReconcilerOptions,
    'store' | 'recentWindows' | 'sampleWindows' | 'lookbackDays'
  >,
): { reconciler: Reconciler; reconciliation: ReconciliationStore } {
  const reconciliation = new ReconciliationStore(options.knex);
  const reconciler = new Reconciler({
    ...options,
    store: reconciliation,
    recentWindows: wholeNumber(config, 'recentWindows', 24),
    sampleWindows: wholeNumber(config, 'sampleWindows', 24),
    lookbackDays: Math.max(1, wholeNumber(config, 'lookbackDays', 31)),
  });
  return { reconciler, reconciliation };
}
