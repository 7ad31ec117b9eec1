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
