import { CostLine, TimeWindow } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { toDbInteger } from '../database/dbValues';

export interface RecordLine extends CostLine {
  /** Null: unallocated usage, recorded but not charged. */
  teamId: string | null;
}

// SQLite allows 32,766 bound values per statement: 9 columns × 3,000 rows.
const SQLITE_ROWS_PER_INSERT = 3000;

/**
 * Inserts usage records in as few statements as the database allows: one
 * per call on PostgreSQL (arrays unnested server-side), chunks on SQLite.
 */
export async function insertUsageRecords(
  db: Knex,
  lines: RecordLine[],
  window: TimeWindow,
  priceBookId: number,
): Promise<void> {
  if (lines.length === 0) return;
  if (db.client.config.client === 'pg') {
    await db.raw(
      `INSERT INTO usage_records
         (window_start, window_end, namespace, team_id, resource, quantity,
          unit_price, cost, price_book_id)
       SELECT CAST(:start AS timestamptz), CAST(:end AS timestamptz),
              u.namespace, u.team_id, u.resource, u.quantity, u.unit_price,
              u.cost, :priceBookId
         FROM unnest(CAST(:namespaces AS text[]), CAST(:teamIds AS text[]),
                     CAST(:resources AS text[]), CAST(:quantities AS text[]),
                     CAST(:unitPrices AS bigint[]), CAST(:costs AS bigint[]))
           AS u(namespace, team_id, resource, quantity, unit_price, cost)`,
      {
        start: window.start,
        end: window.end,
        priceBookId,
        namespaces: lines.map(line => line.namespace),
        teamIds: lines.map(line => line.teamId),
        resources: lines.map(line => line.resource),
        quantities: lines.map(line => line.quantity),
        unitPrices: lines.map(line => toDbInteger(line.unitPriceMicros)),
        costs: lines.map(line => toDbInteger(line.costMicros)),
      } as unknown as Knex.ValueDict,
    );
    return;
  }
  const rows = lines.map(line => ({
    window_start: window.start,
    window_end: window.end,
    namespace: line.namespace,
    team_id: line.teamId,
    resource: line.resource,
    quantity: line.quantity,
    unit_price: toDbInteger(line.unitPriceMicros),
    cost: toDbInteger(line.costMicros),
    price_book_id: priceBookId,
  }));
  for (let i = 0; i < rows.length; i += SQLITE_ROWS_PER_INSERT) {
    await db('usage_records').insert(rows.slice(i, i + SQLITE_ROWS_PER_INSERT));
  }
}
