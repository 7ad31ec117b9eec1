import { CostLine, TimeWindow } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import Big from 'big.js';
import { EXACT_INTEGERS, toDbInteger } from '../database/dbValues';

export interface RecordLine extends CostLine {
  /** Null: unallocated usage, recorded but not charged. */
  teamId: string | null;
}

/**
 * Inserts usage records with one statement per call: the rows travel as
 * arrays (PostgreSQL) or as one JSON document (SQLite) and are unpacked by
 * the database, which is several times faster than multi-row VALUES. Adds
 * them to the day's sums in `usage_daily` atomically with the insert.
 */
export async function insertUsageRecords(
  db: Knex,
  lines: RecordLine[],
  window: TimeWindow,
  priceBookId: number,
): Promise<void> {
  if (lines.length === 0) return;
  if (db.client.config.client === 'pg') {
    // One statement: when the records were written before (a conflict),
    // the day's sums are not added to a second time.
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
         RETURNING team_id, namespace, resource, quantity, cost
       )
       INSERT INTO usage_daily AS d
         (day, team_key, namespace, resource, quantity, cost)
       SELECT CAST(:day AS timestamptz), COALESCE(team_id, ''), namespace,
              resource, SUM(CAST(quantity AS numeric))::text, SUM(cost)
         FROM inserted
        GROUP BY 2, 3, 4
       ON CONFLICT (day, team_key, namespace, resource) DO UPDATE
         SET quantity = (CAST(d.quantity AS numeric)
                         + CAST(EXCLUDED.quantity AS numeric))::text,
             cost = d.cost + EXCLUDED.cost`,
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
    await addToSqliteDays(trx, lines, dayOf(window.start));
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

/**
 * SQLite has no exact decimal type: the day's quantities are added here,
 * inside the transaction that wrote the records (SQLite has one writer).
 */
async function addToSqliteDays(db: Knex, lines: RecordLine[], day: Date) {
  const sums = new Map<string, DaySum>();
  for (const line of lines) {
    const teamKey = line.teamId ?? '';
    const key = JSON.stringify([teamKey, line.namespace, line.resource]);
    const sum = sums.get(key) ?? {
      teamKey,
      namespace: line.namespace,
      resource: line.resource,
      quantity: new Big(0),
      cost: 0n,
    };
    sum.quantity = sum.quantity.plus(line.quantity);
    sum.cost += line.costMicros;
    sums.set(key, sum);
  }
  const stored = await db('usage_daily')
    .where('day', day.getTime())
    .select('team_key', 'namespace', 'resource', 'quantity', 'cost')
    .options(EXACT_INTEGERS);
  for (const row of stored) {
    const sum = sums.get(
      JSON.stringify([row.team_key, row.namespace, row.resource]),
    );
    if (!sum) continue;
    sum.quantity = sum.quantity.plus(row.quantity);
    sum.cost += BigInt(row.cost);
  }
  const json = JSON.stringify(
    [...sums.values()].map(sum => [
      sum.teamKey,
      sum.namespace,
      sum.resource,
      sum.quantity.toFixed(),
      sum.cost.toString(),
    ]),
  );
  await db.raw(
    `INSERT INTO usage_daily (day, team_key, namespace, resource, quantity, cost)
     SELECT ?, json_extract(value, '$[0]'), json_extract(value, '$[1]'),
            json_extract(value, '$[2]'), json_extract(value, '$[3]'),
            CAST(json_extract(value, '$[4]') AS integer)
       FROM json_each(?)
      WHERE true -- lets SQLite read ON CONFLICT as the upsert, not a join
     ON CONFLICT (day, team_key, namespace, resource) DO UPDATE
       SET quantity = excluded.quantity, cost = excluded.cost`,
    [day.getTime(), json],
  );
}

interface DaySum {
  teamKey: string;
  namespace: string;
  resource: string;
  quantity: Big;
  cost: bigint;
}
