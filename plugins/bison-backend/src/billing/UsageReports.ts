import {
  bucketStart,
  BucketGranularity,
  moneyFromDb,
} from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { dateFromDb, EXACT_INTEGERS } from '../database/dbValues';
import { bucketUsage } from './usageBuckets';

export type UsageGroupBy = 'resource' | 'project';

/** One billed line: a resource of a namespace in a window. */
export interface UsageLineRecord {
  windowStart: Date;
  windowEnd: Date;
  namespace: string;
  resource: string;
  quantity: string;
  unitPrice: bigint;
  cost: bigint;
}

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
   * Every usage line of the team in the range, oldest first, read in
   * keyset batches so that memory stays flat however many there are.
   */
  async *streamUsageLines(
    teamId: string,
    range: { from: Date; to: Date },
    batchSize = 5000,
  ): AsyncGenerator<UsageLineRecord> {
    let after: { windowStart: Date; id: string } | undefined;
    for (;;) {
      const query = this.knex('usage_records')
        .where({ team_id: teamId })
        .where('window_start', '>=', range.from)
        .where('window_start', '<', range.to)
        .orderBy([
          { column: 'window_start', order: 'asc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(batchSize)
        .select(
          'id',
          'window_start',
          'window_end',
          'namespace',
          'resource',
          'quantity',
          'unit_price',
          'cost',
        )
        .options(EXACT_INTEGERS);
      if (after) {
        const { windowStart, id } = after;
        // The plain bound lets the database start the index scan there.
        query
          .where('window_start', '>=', windowStart)
          .where(next =>
            next
              .where('window_start', '>', windowStart)
              .orWhere(same =>
                same.where('window_start', windowStart).where('id', '>', id),
              ),
          );
      }
      const rows = await query;
      for (const row of rows) {
        yield {
          windowStart: dateFromDb(row.window_start),
          windowEnd: dateFromDb(row.window_end),
          namespace: row.namespace,
          resource: row.resource,
          quantity: row.quantity,
          unitPrice: moneyFromDb(row.unit_price),
          cost: moneyFromDb(row.cost),
        };
      }
      if (rows.length < batchSize) return;
      const last = rows[rows.length - 1];
      after = {
        windowStart: dateFromDb(last.window_start),
        id: String(last.id),
      };
    }
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
