import {
  bucketStart,
  BucketGranularity,
  moneyFromDb,
} from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { dateFromDb, EXACT_INTEGERS } from '../database/dbValues';
import { bucketUsage } from './usageBuckets';

export type UsageGroupBy = 'resource' | 'project';

/** How many unallocated namespaces a summary names. */
const UNALLOCATED_NAMESPACES = 10;

/** Reads the usage records behind reports. */
export class UsageReports {
  constructor(private readonly knex: Knex) {}

  async teamUsage(
    teamId: string,
    range: { from: Date; to: Date },
    granularity: BucketGranularity,
    groupBy: UsageGroupBy,
  ) {
    const keyColumn = groupBy === 'resource' ? 'resource' : 'namespace';
    const rows = await this.knex('usage_records')
      .where({ team_id: teamId })
      .where('window_start', '>=', range.from)
      .where('window_start', '<', range.to)
      .select('window_start', keyColumn, 'quantity', 'cost')
      .options(EXACT_INTEGERS);
    return bucketUsage(
      rows.map(row => ({
        windowStart: dateFromDb(row.window_start),
        key: row[keyColumn],
        ...(groupBy === 'resource' ? { quantity: row.quantity } : {}),
        cost: moneyFromDb(row.cost),
      })),
      granularity,
    );
  }

  /**
   * Cost per team (null: unallocated), per day, and of the costliest
   * unallocated namespaces over the range.
   */
  async summary(range: { from: Date; to: Date }) {
    const inRange = () =>
      this.knex('usage_records')
        .where('window_start', '>=', range.from)
        .where('window_start', '<', range.to);
    const [byTeam, byWindow, unallocatedNamespaces] = await Promise.all([
      inRange()
        .select('team_id')
        .sum({ cost: 'cost' })
        .groupBy('team_id')
        .options(EXACT_INTEGERS) as unknown as Promise<
        Array<{ team_id: string | null; cost: string | bigint }>
      >,
      inRange()
        .select('window_start')
        .sum({ cost: 'cost' })
        .groupBy('window_start')
        .options(EXACT_INTEGERS) as unknown as Promise<
        Array<{ window_start: Date | number; cost: string | bigint }>
      >,
      inRange()
        .whereNull('team_id')
        .select('namespace')
        .sum({ cost: 'cost' })
        .groupBy('namespace')
        .orderByRaw('SUM(cost) DESC, namespace')
        .limit(UNALLOCATED_NAMESPACES)
        .options(EXACT_INTEGERS) as unknown as Promise<
        Array<{ namespace: string; cost: string | bigint }>
      >,
    ]);
    const daily = new Map<string, bigint>();
    for (const row of byWindow) {
      const day = bucketStart(
        dateFromDb(row.window_start),
        'day',
      ).toISOString();
      daily.set(day, (daily.get(day) ?? 0n) + moneyFromDb(row.cost));
    }
    return {
      byTeam: byTeam.map(row => ({
        teamId: row.team_id as string | null,
        cost: moneyFromDb(row.cost),
      })),
      unallocatedNamespaces: unallocatedNamespaces.map(row => ({
        namespace: row.namespace,
        cost: moneyFromDb(row.cost),
      })),
      daily: [...daily.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([start, cost]) => ({ start: new Date(start), cost })),
    };
  }
}
