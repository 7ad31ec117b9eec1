import {
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { scheduleGlobalTask } from '../scheduling/scheduleGlobalTask';
import { BillingEngine } from './BillingEngine';
import { Reconciler } from './reconciliation/Reconciler';

export const BILLING_TASK_ID = 'bison-billing';
export const RECONCILIATION_TASK_ID = 'bison-billing-reconciliation';

/**
 * Runs the billing engine, and the reconciliation with the usage source
 * (every 6 hours by default), on cluster-wide schedules (one replica at a time;
 * the engine's unique keys keep it exactly-once even without the lock), by
 * default every 5 minutes. A run stops between windows when aborted.
 */
export async function scheduleBilling(options: {
  scheduler: SchedulerService;
  config: RootConfigService;
  engine: BillingEngine;
  reconciler: Reconciler;
}) {
  await scheduleGlobalTask({
    ...options,
    id: BILLING_TASK_ID,
    configKey: 'bison.billing.schedule',
    defaultSchedule: { frequency: { minutes: 5 }, timeout: { minutes: 30 } },
    fn: async signal => {
      await options.engine.run({ trigger: 'schedule', signal });
    },
  });
  await scheduleGlobalTask({
    ...options,
    id: RECONCILIATION_TASK_ID,
    configKey: 'bison.billing.reconciliation.schedule',
    defaultSchedule: {
      frequency: { hours: 6 },
      timeout: { hours: 1 },
      initialDelay: { minutes: 10 },
    },
    fn: async signal => {
      await options.reconciler.check({ trigger: 'schedule', signal });
    },
  });
}
