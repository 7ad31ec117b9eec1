import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { TenancyReconciler } from './TenancyReconciler';

export const TENANCY_RECONCILE_TASK_ID = 'bison-tenancy-reconcile';

/** Checks every team's Tenant for drift, by default every 5 minutes. */
export async function scheduleTenancyReconcile(options: {
  scheduler: SchedulerService;
  config: RootConfigService;
  reconciler: TenancyReconciler;
}) {
  const configured = options.config.getOptionalConfig(
    'bison.kubernetes.reconcile.schedule',
  );
  const schedule = configured
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(configured)
    : { frequency: { minutes: 5 }, timeout: { minutes: 2 } };
  await options.scheduler.scheduleTask({
    id: TENANCY_RECONCILE_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async () => {
      await options.reconciler.run();
    },
  });
}
