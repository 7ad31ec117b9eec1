import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/**
 * Schedules a task that runs on one replica at a time, on the schedule at
 * `configKey` if the config has one, else on `defaultSchedule`.
 */
export async function scheduleGlobalTask(options: {
  scheduler: SchedulerService;
  config: RootConfigService;
  id: string;
  configKey: string;
  defaultSchedule: SchedulerServiceTaskScheduleDefinition;
  fn: (signal: AbortSignal) => Promise<void>;
}) {
  const configured = options.config.getOptionalConfig(options.configKey);
  const schedule = configured
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(configured)
    : options.defaultSchedule;
  await options.scheduler.scheduleTask({
    id: options.id,
    scope: 'global',
    ...schedule,
    fn: options.fn,
  });
}
