import { Config } from '@backstage/config';
import { Knex } from 'knex';
import { IANAZone } from 'luxon';
import { StatementReader } from './statements/StatementReader';
import { StatementService } from './statements/StatementService';
import { ReportReader } from './ReportReader';

export interface Reports {
  statements: StatementService;
  usage: ReportReader;
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

/** Builds reporting: monthly statements that reconcile to the ledger, and the cross-team report. */
export function createReports(options: {
  knex: Knex;
  config: Config;
  clock?: () => Date;
}): Reports {
  return {
    statements: new StatementService(
      new StatementReader(options.knex),
      readReportsTimeZone(options.config),
      options.clock,
    ),
    usage: new ReportReader(options.knex),
  };
}
