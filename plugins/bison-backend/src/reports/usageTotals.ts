import { Micros, moneyFromDb } from '@bison/plugin-bison-common';
import Big from 'big.js';
import { Knex } from 'knex';
import { EXACT_INTEGERS } from '../database/dbValues';

export interface UsageTotal {
  /** The grouping columns' values, by column name. */
  keys: Record<string, string | null>;
  /** Exact decimal sum of the quantities. */
  quantity: string;
  cost: Micros;
}

const isPostgres = (knex: Knex) => knex.client.config.client === 'pg';

/**
 * Sums cost and quantity of the usage records `query` selects, grouped by
 * `columns`. Quantities are exact decimals: PostgreSQL adds them as
 * numeric; SQLite has no exact decimal type, so they are added here.
 */
export async function sumUsage(
  knex: Knex,
  query: Knex.QueryBuilder,
  columns: string[],
): Promise<UsageTotal[]> {
  const grouped = query
    .clone()
    .groupBy(columns)
    .orderBy(columns)
    .options(EXACT_INTEGERS);
  const keysOf = (row: Record<string, any>) =>
    Object.fromEntries(columns.map(c => [c, row[c] ?? null]));
  if (isPostgres(knex)) {
    const rows = await grouped.select(
      ...columns,
      knex.raw('SUM(CAST(quantity AS numeric))::text AS quantity'),
      knex.raw('SUM(cost) AS cost'),
    );
    return rows.map((row: Record<string, any>) => ({
      keys: keysOf(row),
      quantity: new Big(row.quantity).toFixed(),
      cost: moneyFromDb(row.cost),
    }));
  }
  const rows = await grouped.select(
    ...columns,
    knex.raw("GROUP_CONCAT(quantity, ' ') AS quantities"),
    knex.raw('SUM(cost) AS cost'),
  );
  return rows.map((row: Record<string, any>) => ({
    keys: keysOf(row),
    quantity: (row.quantities as string)
      .split(' ')
      .reduce((sum, q) => sum.plus(q), new Big(0))
      .toFixed(),
    cost: moneyFromDb(row.cost),
  }));
}

/** Adds up totals that have the same keys, e.g. from records and daily sums. */
export function mergeTotals(lists: UsageTotal[][]): UsageTotal[] {
  const merged = new Map<
    string,
    { keys: UsageTotal['keys']; quantity: Big; cost: Micros }
  >();
  for (const total of lists.flat()) {
    const key = JSON.stringify(Object.entries(total.keys).sort());
    const sum = merged.get(key);
    if (sum) {
      sum.quantity = sum.quantity.plus(total.quantity);
      sum.cost += total.cost;
    } else {
      merged.set(key, {
        keys: total.keys,
        quantity: new Big(total.quantity),
        cost: total.cost,
      });
    }
  }
  return [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : Number(a > b)))
    .map(([, sum]) => ({
      keys: sum.keys,
      quantity: sum.quantity.toFixed(),
      cost: sum.cost,
    }));
}
