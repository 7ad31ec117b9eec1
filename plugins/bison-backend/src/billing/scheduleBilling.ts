import {
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { scheduleGlobalTask } from '../scheduling/scheduleGlobalTask';
import { BillingEngine } from './BillingEngine';

export const BILLING_TASK_ID = 'bison-billing';

/**
 * Runs the billing engine on a cluster-wide schedule (one replica at a time;
 * the engine's unique keys keep it exactly-once even without the lock), by
 * default every 5 minutes. A run stops between windows when aborted.
 */
export async function scheduleBilling(options: {
  scheduler: SchedulerService;
  config: RootConfigService;
  engine: BillingEngine;
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
}
