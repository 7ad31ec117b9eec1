import {
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { scheduleGlobalTask } from '../../scheduling/scheduleGlobalTask';
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
  await scheduleGlobalTask({
    ...options,
    id: AUTO_RECHARGE_TASK_ID,
    configKey: 'bison.autoRecharge.schedule',
    defaultSchedule: { frequency: { minutes: 10 }, timeout: { minutes: 5 } },
    fn: async signal => {
      await options.runner.run(new Date(), signal);
    },
  });
}
