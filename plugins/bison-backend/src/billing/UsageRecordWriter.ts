import { CostLine, TimeWindow } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { toDbInteger } from '../database/dbValues';

export interface RecordLine extends CostLine {
  /** Null: unallocated usage, recorded but not charged. */
  teamId: string | null;
}

/**
 * Inserts usage records with one statement per call: the rows travel as
 * arrays (PostgreSQL) or as one JSON document (SQLite) and are unpacked by
 * the database, which is several times faster than multi-row VALUES.
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
  // SQLite: one statement with the rows as one JSON parameter; integers
  // are written as JSON numbers, which SQLite reads as exact 64-bit values.
  const json = `[${lines
    .map(
      line =>
        `[${JSON.stringify(line.namespace)},${JSON.stringify(
          line.teamId,
        )},${JSON.stringify(line.resource)},${JSON.stringify(line.quantity)},${
          line.unitPriceMicros
        },${line.costMicros}]`,
    )
    .join(',')}]`;
  await db.raw(
    `INSERT INTO usage_records
       (window_start, window_end, namespace, team_id, resource, quantity,
        unit_price, cost, price_book_id)
     SELECT ?, ?, json_extract(value, '$[0]'), json_extract(value, '$[1]'),
            json_extract(value, '$[2]'), json_extract(value, '$[3]'),
            json_extract(value, '$[4]'), json_extract(value, '$[5]'), ?
       FROM json_each(?)`,
    [window.start.getTime(), window.end.getTime(), priceBookId, json],
  );
}
