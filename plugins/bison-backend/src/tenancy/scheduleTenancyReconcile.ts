import {
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { scheduleGlobalTask } from '../scheduling/scheduleGlobalTask';
import { TenancyReconciler } from './TenancyReconciler';

export const TENANCY_RECONCILE_TASK_ID = 'bison-tenancy-reconcile';

/** Checks every team's Tenant for drift, by default every 5 minutes. */
export async function scheduleTenancyReconcile(options: {
  scheduler: SchedulerService;
  config: RootConfigService;
  reconciler: TenancyReconciler;
}) {
  await scheduleGlobalTask({
    ...options,
    id: TENANCY_RECONCILE_TASK_ID,
    configKey: 'bison.kubernetes.reconcile.schedule',
    defaultSchedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
    fn: async () => {
      await options.reconciler.run();
    },
  });
}
