import { InputError } from '@backstage/errors';
import { Team } from '../../tenancy/TeamStore';
import {
  formatMonth,
  Month,
  monthOf,
  monthRange,
  monthsBetween,
} from '../months';
import { assembleStatement, Statement } from './assembleStatement';
import { StatementReader } from './StatementReader';

export interface StatementMonth {
  month: string;
  preliminary: boolean;
}

/** Monthly statements of a team's wallet, in the reports' time zone. */
export class StatementService {
  constructor(
    private readonly reader: StatementReader,
    readonly timeZone: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The months from the team's first ledger entry to now, newest first. */
  async months(team: Team): Promise<StatementMonth[]> {
    const first = await this.reader.firstEntryAt(team.id);
    if (!first) return [];
    const now = this.clock();
    const current = formatMonth(monthOf(now, this.timeZone));
    return monthsBetween(
      monthOf(first, this.timeZone),
      monthOf(now, this.timeZone),
    ).map(month => ({
      month: formatMonth(month),
      preliminary: formatMonth(month) === current,
    }));
  }

  /** The month's statement; a 400 for a month that has not begun. */
  async statement(team: Team, month: Month): Promise<Statement> {
    const period = monthRange(month, this.timeZone);
    if (period.start > this.clock()) {
      throw new InputError(`'month' ${formatMonth(month)} has not begun yet`);
    }
    const [before, last] = await Promise.all([
      this.reader.lastEntryBefore(team.id, period.start),
      this.reader.lastEntryBefore(team.id, period.end),
    ]);
    const openingBalance = before?.balanceAfter ?? 0n;
    const hasEntries = last !== undefined && last.id !== before?.id;
    const [entries, usage] = hasEntries
      ? await Promise.all([
          this.reader.entriesBetween(team.id, before?.id, last.id),
          this.reader.usageBetween(team.id, before?.id, last.id),
        ])
      : [[], []];
    return assembleStatement({
      period,
      openingBalance,
      entries,
      usage,
      now: this.clock(),
    });
  }
}
