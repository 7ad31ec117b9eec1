import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
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
  const configured = options.config.getOptionalConfig('bison.billing.schedule');
  const schedule = configured
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(configured)
    : { frequency: { minutes: 5 }, timeout: { minutes: 30 } };
  await options.scheduler.scheduleTask({
    id: BILLING_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async signal => {
      await options.engine.run({ trigger: 'schedule', signal });
    },
  });
}
