import { Knex } from 'knex';
import { dateFromDb, toDbInteger } from '../../database/dbValues';
import { sumUsage } from '../usageTotals';
import { TimeRange } from './splitIntoDays';

const DAY_MS = 86_400_000;
const ROWS_PER_INSERT = 1000;

/**
 * The usage of each ended UTC day summed per team, namespace and resource
 * (`usage_daily`), for reports over long periods. The usage record writer
 * marks a day unsummed whenever it records usage for it; `sumEndedDays`
 * (scheduled) sums the ended ones again.
 */
export class DailyUsageSums {
  constructor(private readonly knex: Knex) {}

  /** The start instants (ms) of the days in `range` whose sums are current. */
  async summedDays(range: TimeRange): Promise<Set<number>> {
    const rows = await this.knex('usage_days')
      .where('summed', true)
      .where('day', '>=', range.from)
      .where('day', '<', range.to)
      .select('day');
    return new Set(rows.map(row => dateFromDb(row.day).getTime()));
  }

  /**
   * Sums the days that ended before `now` and are not summed, oldest
   * first, at most `limit` of them; stops between days when aborted.
   * Returns how many it summed.
   */
  async sumEndedDays(
    now: Date,
    options: { limit?: number; signal?: AbortSignal } = {},
  ): Promise<number> {
    const today = now.getTime() - (now.getTime() % DAY_MS);
    const rows = await this.knex('usage_days')
      .where('summed', false)
      .where('day', '<', new Date(today))
      .orderBy('day')
      .limit(options.limit ?? 31)
      .select('day');
    let summed = 0;
    for (const row of rows) {
      if (options.signal?.aborted) break;
      if (await this.sumDay(dateFromDb(row.day), now)) summed++;
    }
    return summed;
  }

  /**
   * Replaces the day's sums with those of its usage records and marks it
   * summed, in one transaction that holds the day's row: usage recorded
   * meanwhile waits for it and then marks the day unsummed again. False
   * when another run summed it first.
   */
  async sumDay(day: Date, now: Date): Promise<boolean> {
    return this.knex.transaction(async trx => {
      const marker = trx('usage_days').where('day', day).first('summed');
      const current =
        trx.client.config.client === 'pg'
          ? await marker.forUpdate()
          : await marker;
      if (!current || current.summed) return false;
      const totals = await sumUsage(
        trx,
        trx('usage_records')
          .where('window_start', '>=', day)
          .where('window_start', '<', new Date(day.getTime() + DAY_MS)),
        ['team_id', 'namespace', 'resource'],
      );
      await trx('usage_daily').where('day', day).delete();
      for (let i = 0; i < totals.length; i += ROWS_PER_INSERT) {
        await trx('usage_daily').insert(
          totals.slice(i, i + ROWS_PER_INSERT).map(total => ({
            day,
            team_key: total.keys.team_id ?? '',
            namespace: total.keys.namespace,
            resource: total.keys.resource,
            quantity: total.quantity,
            cost: toDbInteger(total.cost),
          })),
        );
      }
      await trx('usage_days')
        .where('day', day)
        .update({ summed: true, summed_at: now });
      return true;
    });
  }
}
