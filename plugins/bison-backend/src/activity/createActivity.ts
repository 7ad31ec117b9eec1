import {
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { scheduleGlobalTask } from '../scheduling/scheduleGlobalTask';
import { ActivityStore } from './ActivityStore';

export const ACTIVITY_RETENTION_TASK_ID = 'bison-activity-retention';
const DAY_MILLIS = 24 * 60 * 60 * 1000;

/** `bison.activity.retentionDays`: how long entries are kept; 400 days by default. */
export function readActivityRetentionDays(config: RootConfigService): number {
  const days = config.getOptionalNumber('bison.activity.retentionDays') ?? 400;
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(
      `bison.activity.retentionDays must be a whole number of days, at least 1; got ${days}`,
    );
  }
  return days;
}

/** Builds the activity log and schedules the daily removal of old entries. */
export async function createActivity(options: {
  knex: Knex;
  config: RootConfigService;
  scheduler: SchedulerService;
  logger: LoggerService;
}): Promise<ActivityStore> {
  const store = new ActivityStore(options.knex);
  const retentionDays = readActivityRetentionDays(options.config);
  await scheduleGlobalTask({
    scheduler: options.scheduler,
    config: options.config,
    id: ACTIVITY_RETENTION_TASK_ID,
    configKey: 'bison.activity.retentionSchedule',
    defaultSchedule: {
      frequency: { hours: 24 },
      timeout: { minutes: 30 },
      initialDelay: { minutes: 5 },
    },
    fn: async () => {
      const removed = await store.purgeBefore(
        new Date(Date.now() - retentionDays * DAY_MILLIS),
      );
      if (removed > 0) {
        options.logger.info(
          `Removed ${removed} activity entries older than ${retentionDays} days`,
        );
      }
    },
  });
  return store;
}
