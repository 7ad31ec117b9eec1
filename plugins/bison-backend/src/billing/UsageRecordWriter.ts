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
 * the database, which is several times faster than multi-row VALUES. The
 * same statement (transaction on SQLite) marks the day unsummed in
 * `usage_days`, so that reports read it from the records until
 * DailyUsageSums has summed it again.
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
      `WITH inserted AS (
         INSERT INTO usage_records
           (window_start, window_end, namespace, team_id, resource, quantity,
            unit_price, cost, price_book_id)
         SELECT CAST(:start AS timestamptz), CAST(:end AS timestamptz),
                u.namespace, u.team_id, u.resource, u.quantity, u.unit_price,
                u.cost, :priceBookId
           FROM unnest(CAST(:namespaces AS text[]), CAST(:teamIds AS text[]),
                       CAST(:resources AS text[]), CAST(:quantities AS text[]),
                       CAST(:unitPrices AS bigint[]), CAST(:costs AS bigint[]))
             AS u(namespace, team_id, resource, quantity, unit_price, cost)
       )
       INSERT INTO usage_days (day, summed)
       VALUES (CAST(:day AS timestamptz), false)
       ON CONFLICT (day) DO UPDATE SET summed = false, summed_at = NULL
        WHERE usage_days.summed`,
      {
        day: dayOf(window.start),
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
  await db.transaction(async trx => {
    await insertSqliteRecords(trx, lines, window, priceBookId);
    await trx('usage_days')
      .insert({ day: dayOf(window.start), summed: false })
      .onConflict('day')
      .merge({ summed: false, summed_at: null });
  });
}

const DAY_MS = 86_400_000;

/** Midnight UTC of the day `instant` falls in. */
export function dayOf(instant: Date): Date {
  return new Date(instant.getTime() - (instant.getTime() % DAY_MS));
}

// SQLite: one statement with the rows as one JSON parameter; integers are
// written as JSON numbers, which SQLite reads as exact 64-bit values.
async function insertSqliteRecords(
  db: Knex,
  lines: RecordLine[],
  window: TimeWindow,
  priceBookId: number,
) {
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
