import {
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Knex } from 'knex';
import { scheduleGlobalTask } from '../scheduling/scheduleGlobalTask';
import { DailyUsageSums } from './dailySums/DailyUsageSums';
import { IANAZone } from 'luxon';
import { StatementReader } from './statements/StatementReader';
import { StatementService } from './statements/StatementService';
import { ReportReader } from './ReportReader';

export interface Reports {
  statements: StatementService;
  usage: ReportReader;
  dailySums: DailyUsageSums;
}

/** `bison.reports.timeZone`: months start at midnight there; UTC by default. */
export function readReportsTimeZone(config: Config): string {
  const zone = config.getOptionalString('bison.reports.timeZone') ?? 'UTC';
  if (!IANAZone.isValidZone(zone)) {
    throw new Error(
      `bison.reports.timeZone '${zone}' is not an IANA time zone, e.g. Europe/Berlin`,
    );
  }
  return zone;
}

export const DAILY_SUMS_TASK_ID = 'bison-reports-daily-sums';

/**
 * Builds reporting: monthly statements that reconcile to the ledger, the
 * cross-team and project reports, and the task that sums ended days for
 * them (every 30 minutes unless `bison.reports.dailySums.schedule` says
 * otherwise).
 */
export async function createReports(options: {
  knex: Knex;
  config: RootConfigService;
  scheduler: SchedulerService;
  logger: LoggerService;
  clock?: () => Date;
}): Promise<Reports> {
  const { knex, config, clock = () => new Date() } = options;
  const dailySums = new DailyUsageSums(knex);
  await scheduleGlobalTask({
    scheduler: options.scheduler,
    config,
    id: DAILY_SUMS_TASK_ID,
    configKey: 'bison.reports.dailySums.schedule',
    defaultSchedule: {
      frequency: { minutes: 30 },
      timeout: { minutes: 30 },
      initialDelay: { minutes: 2 },
    },
    fn: async signal => {
      const summed = await dailySums.sumEndedDays(clock(), { signal });
      if (summed > 0) options.logger.info(`Summed the usage of ${summed} days`);
    },
  });
  return {
    statements: new StatementService(
      new StatementReader(knex),
      readReportsTimeZone(config),
      clock,
    ),
    usage: new ReportReader(knex, dailySums),
    dailySums,
  };
}
