import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { AutoRechargeRunner } from './AutoRechargeRunner';

export const AUTO_RECHARGE_TASK_ID = 'bison-auto-recharge';

/**
 * Runs due auto-recharges on a cluster-wide schedule (one runner at a time
 * across replicas), by default every 10 minutes.
 */
export async function scheduleAutoRecharge(options: {
  scheduler: SchedulerService;
  config: RootConfigService;
  runner: AutoRechargeRunner;
}) {
  const configured = options.config.getOptionalConfig(
    'bison.autoRecharge.schedule',
  );
  const schedule = configured
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(configured)
    : { frequency: { minutes: 10 }, timeout: { minutes: 5 } };
  await options.scheduler.scheduleTask({
    id: AUTO_RECHARGE_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async signal => {
      await options.runner.run(new Date(), signal);
    },
  });
}
