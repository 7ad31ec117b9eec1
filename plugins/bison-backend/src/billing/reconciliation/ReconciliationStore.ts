import { TimeWindow } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import {
  dateFromDb,
  EXACT_INTEGERS,
  optionalDateFromDb,
  toDbInteger,
} from '../../database/dbValues';
import { BilledLine, LineDifference, TeamDifference } from './compareWindow';

export type DifferenceStatus = 'open' | 'settled' | 'cleared';

export interface BilledWindow extends TimeWindow {
  priceBookId: number;
}

export interface StoredDifference extends TimeWindow {
  id: string;
  /** Null: unallocated namespaces. */
  teamId: string | null;
  billed: bigint;
  source: bigint;
  lines: LineDifference[];
  status: DifferenceStatus;
  firstSeenAt: Date;
  checkedAt: Date;
  ledgerEntryId?: string;
  settledBy?: string;
  settledAt?: Date;
}

export interface ReconciliationCheck {
  id: string;
  trigger: 'schedule' | 'manual';
  actor?: string;
  startedAt: Date;
  finishedAt?: Date;
  status: 'running' | 'succeeded' | 'failed';
  windowsChecked: number;
  differences: number;
  error?: string;
}

type Row = Record<string, any>;

const linesToJson = (lines: LineDifference[]) =>
  JSON.stringify(
    lines.map(line => ({
      ...line,
      billedCost: line.billedCost.toString(),
      sourceCost: line.sourceCost.toString(),
    })),
  );

const linesFromJson = (text: string): LineDifference[] =>
  (JSON.parse(text) as Array<Record<string, string>>).map(line => ({
    namespace: line.namespace,
    resource: line.resource,
    billedQuantity: line.billedQuantity,
    sourceQuantity: line.sourceQuantity,
    billedCost: BigInt(line.billedCost),
    sourceCost: BigInt(line.sourceCost),
  }));

function toDifference(row: Row): StoredDifference {
  return {
    id: String(row.id),
    start: dateFromDb(row.window_start),
    end: dateFromDb(row.window_end),
    teamId: row.team_key === '' ? null : row.team_key,
    billed: BigInt(row.billed),
    source: BigInt(row.source),
    lines: linesFromJson(row.lines),
    status: row.status,
    firstSeenAt: dateFromDb(row.first_seen_at),
    checkedAt: dateFromDb(row.checked_at),
    ...(row.ledger_entry_id === null
      ? {}
      : { ledgerEntryId: String(row.ledger_entry_id) }),
    ...(row.settled_by ? { settledBy: row.settled_by } : {}),
    ...(row.settled_at
      ? { settledAt: optionalDateFromDb(row.settled_at) }
      : {}),
  };
}

function toCheck(row: Row): ReconciliationCheck {
  return {
    id: String(row.id),
    trigger: row.trigger,
    ...(row.actor ? { actor: row.actor } : {}),
    startedAt: dateFromDb(row.started_at),
    ...(row.finished_at ? { finishedAt: dateFromDb(row.finished_at) } : {}),
    status: row.status,
    windowsChecked: Number(row.windows_checked),
    differences: Number(row.differences),
    ...(row.error ? { error: row.error } : {}),
  };
}

/** Checks, and the differences they found, of billed windows against the source. */
export class ReconciliationStore {
  constructor(private readonly knex: Knex) {}

  /** Billed windows starting in [from, to), newest first. */
  async billedWindows(
    range: { from: Date; to?: Date },
    limit: number,
  ): Promise<BilledWindow[]> {
    const rows: Row[] = await this.knex('billing_windows')
      .where({ status: 'billed' })
      .where('window_start', '>=', range.from)
      .modify(builder => {
        if (range.to) builder.where('window_start', '<', range.to);
      })
      .orderBy('window_start', 'desc')
      .limit(limit)
      .select('window_start', 'window_end', 'price_book_id');
    return rows.map(row => ({
      start: dateFromDb(row.window_start),
      end: dateFromDb(row.window_end),
      priceBookId: Number(row.price_book_id),
    }));
  }

  async billedWindow(start: Date): Promise<BilledWindow | undefined> {
    const row: Row | undefined = await this.knex('billing_windows')
      .where({ status: 'billed', window_start: start })
      .first('window_start', 'window_end', 'price_book_id');
    return row
      ? {
          start: dateFromDb(row.window_start),
          end: dateFromDb(row.window_end),
          priceBookId: Number(row.price_book_id),
        }
      : undefined;
  }

  async billedLines(window: TimeWindow): Promise<BilledLine[]> {
    const rows: Row[] = await this.knex('usage_records')
      .where({ window_start: window.start })
      .select('namespace', 'resource', 'quantity', 'cost', 'team_id')
      .options(EXACT_INTEGERS);
    return rows.map(row => ({
      namespace: row.namespace,
      resource: row.resource,
      quantity: row.quantity,
      cost: BigInt(row.cost),
      teamId: row.team_id,
    }));
  }

  async startCheck(
    trigger: ReconciliationCheck['trigger'],
    actor: string | undefined,
    now: Date,
  ): Promise<string> {
    const [row] = await this.knex('reconciliation_checks')
      .insert({
        trigger,
        actor: actor ?? null,
        started_at: now,
        status: 'running',
      })
      .returning('id');
    return String(typeof row === 'object' ? row.id : row);
  }

  async finishCheck(
    id: string,
    result: Pick<
      ReconciliationCheck,
      'status' | 'windowsChecked' | 'differences' | 'error'
    >,
    now: Date,
  ): Promise<void> {
    await this.knex('reconciliation_checks')
      .where({ id })
      .update({
        status: result.status,
        windows_checked: result.windowsChecked,
        differences: result.differences,
        error: result.error ?? null,
        finished_at: now,
      });
  }

  async lastCheck(): Promise<ReconciliationCheck | undefined> {
    const row = await this.knex('reconciliation_checks')
      .orderBy('id', 'desc')
      .first();
    return row ? toCheck(row) : undefined;
  }

  async getCheck(id: string): Promise<ReconciliationCheck | undefined> {
    const row = await this.knex('reconciliation_checks').where({ id }).first();
    return row ? toCheck(row) : undefined;
  }

  /**
   * Stores what a check found for one window: new and changed differences
   * are open; open ones the source now agrees with are cleared. Settled
   * ones stay as they were settled.
   */
  async recordWindow(
    window: TimeWindow,
    found: TeamDifference[],
    checkId: string,
    now: Date,
  ): Promise<void> {
    await this.knex.transaction(async trx => {
      const existing: Row[] = await trx('reconciliation_differences')
        .where({ window_start: window.start })
        .select('id', 'team_key', 'status', 'source', 'billed')
        .options(EXACT_INTEGERS);
      const byTeam = new Map(existing.map(row => [row.team_key, row]));
      for (const difference of found) {
        const row = byTeam.get(difference.teamKey);
        byTeam.delete(difference.teamKey);
        const values = {
          billed: toDbInteger(difference.billed),
          source: toDbInteger(difference.source),
          lines: linesToJson(difference.lines),
          checked_at: now,
          check_id: checkId,
        };
        if (!row) {
          await trx('reconciliation_differences').insert({
            ...values,
            window_start: window.start,
            window_end: window.end,
            team_key: difference.teamKey,
            status: 'open',
            first_seen_at: now,
          });
        } else if (row.status !== 'settled') {
          await trx('reconciliation_differences')
            .where({ id: row.id })
            .update({ ...values, status: 'open' });
        } else {
          // Settled stays as settled; only the time of the check moves.
          await trx('reconciliation_differences')
            .where({ id: row.id })
            .update({ checked_at: now, check_id: checkId });
        }
      }
      const cleared = [...byTeam.values()]
        .filter(row => row.status === 'open')
        .map(row => row.id);
      if (cleared.length > 0) {
        await trx('reconciliation_differences')
          .whereIn('id', cleared)
          .update({ status: 'cleared', checked_at: now, check_id: checkId });
      }
    });
  }

  async list(filter: {
    status?: DifferenceStatus;
    teamId?: string;
    limit: number;
  }): Promise<StoredDifference[]> {
    const rows: Row[] = await this.knex('reconciliation_differences')
      .modify(builder => {
        if (filter.status) builder.where('status', filter.status);
        if (filter.teamId) builder.where('team_key', filter.teamId);
      })
      .orderBy([
        { column: 'window_start', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(filter.limit)
      .options(EXACT_INTEGERS);
    return rows.map(toDifference);
  }

  async get(
    id: string,
    db: Knex = this.knex,
  ): Promise<StoredDifference | undefined> {
    const row = await db('reconciliation_differences')
      .where({ id })
      .first()
      .options(EXACT_INTEGERS);
    return row ? toDifference(row) : undefined;
  }

  /** Marks an open difference settled by a ledger entry; false when it was not open. */
  async markSettled(
    trx: Knex.Transaction,
    id: string,
    settlement: { ledgerEntryId: bigint; actor: string; now: Date },
  ): Promise<boolean> {
    const updated = await trx('reconciliation_differences')
      .where({ id, status: 'open' })
      .update({
        status: 'settled',
        ledger_entry_id: toDbInteger(settlement.ledgerEntryId),
        settled_by: settlement.actor,
        settled_at: settlement.now,
      });
    return updated === 1;
  }
}
