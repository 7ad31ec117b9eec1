import { Knex } from 'knex';
import { TimeWindow } from '@bison/plugin-bison-common';
import {
  dateFromDb,
  EXACT_INTEGERS,
  optionalDateFromDb,
  toDbInteger,
} from '../database/dbValues';

export interface WindowOutcome {
  priceBookId: number;
  source: string;
  teams: number;
  lines: number;
  charged: bigint;
  unallocated: bigint;
}

export interface BillingRun {
  id: string;
  trigger: 'schedule' | 'manual';
  actor?: string;
  startedAt: Date;
  finishedAt?: Date;
  status: 'running' | 'succeeded' | 'failed' | 'aborted';
  windowsBilled: number;
  windowsPending: number;
  error?: string;
}

export interface FailedWindow extends TimeWindow {
  attempts: number;
  lastError: string;
  updatedAt: Date;
}

/** Usage records, window states and runs of the billing engine. */
export class BillingStore {
  constructor(private readonly knex: Knex) {}

  /** End of the last billed window; all windows before it are billed. */
  async watermark(): Promise<Date | null> {
    const row = await this.knex('billing_windows')
      .where({ status: 'billed' })
      .max({ end: 'window_end' })
      .first();
    return row?.end ? dateFromDb(row.end) : null;
  }

  async isBilled(window: TimeWindow): Promise<boolean> {
    const row = await this.knex('billing_windows')
      .where({ window_start: window.start, status: 'billed' })
      .first('window_start');
    return Boolean(row);
  }

  async markBilled(
    window: TimeWindow,
    outcome: WindowOutcome,
    now: Date,
  ): Promise<void> {
    const row = {
      window_start: window.start,
      window_end: window.end,
      status: 'billed',
      price_book_id: outcome.priceBookId,
      source: outcome.source,
      teams: outcome.teams,
      lines: outcome.lines,
      charged: toDbInteger(outcome.charged),
      unallocated: toDbInteger(outcome.unallocated),
      last_error: null,
      updated_at: now,
    };
    await this.knex('billing_windows')
      .insert({ ...row, attempts: 1 })
      .onConflict('window_start')
      .merge({
        ...row,
        attempts: this.knex.raw('billing_windows.attempts + 1'),
      });
  }

  async markFailed(window: TimeWindow, error: string, now: Date) {
    const row = {
      window_start: window.start,
      window_end: window.end,
      status: 'failed',
      last_error: error,
      updated_at: now,
    };
    await this.knex('billing_windows')
      .insert({ ...row, attempts: 1 })
      .onConflict('window_start')
      .merge({
        last_error: error,
        updated_at: now,
        attempts: this.knex.raw('billing_windows.attempts + 1'),
      })
      // A window another replica billed meanwhile stays billed.
      .where('billing_windows.status', 'failed');
  }

  async failedWindows(): Promise<FailedWindow[]> {
    const rows = await this.knex('billing_windows')
      .where({ status: 'failed' })
      .orderBy('window_start');
    return rows.map(row => ({
      start: dateFromDb(row.window_start),
      end: dateFromDb(row.window_end),
      attempts: Number(row.attempts),
      lastError: row.last_error,
      updatedAt: dateFromDb(row.updated_at),
    }));
  }

  async startRun(
    trigger: BillingRun['trigger'],
    actor: string | undefined,
    now: Date,
  ): Promise<string> {
    const [inserted] = await this.knex('billing_runs')
      .insert({
        trigger,
        actor: actor ?? null,
        started_at: now,
        status: 'running',
      })
      .returning('id');
    return String(typeof inserted === 'object' ? inserted.id : inserted);
  }

  async updateRun(
    id: string,
    changes: Partial<
      Pick<
        BillingRun,
        'status' | 'windowsBilled' | 'windowsPending' | 'error' | 'finishedAt'
      >
    >,
  ): Promise<void> {
    await this.knex('billing_runs')
      .where({ id })
      .update({
        ...(changes.status ? { status: changes.status } : {}),
        ...(changes.windowsBilled !== undefined
          ? { windows_billed: changes.windowsBilled }
          : {}),
        ...(changes.windowsPending !== undefined
          ? { windows_pending: changes.windowsPending }
          : {}),
        ...(changes.error !== undefined ? { error: changes.error } : {}),
        ...(changes.finishedAt ? { finished_at: changes.finishedAt } : {}),
      });
  }

  async listRuns(limit: number): Promise<BillingRun[]> {
    const rows = await this.knex('billing_runs')
      .orderBy('id', 'desc')
      .limit(limit)
      .options(EXACT_INTEGERS);
    return rows.map(row => ({
      id: String(row.id),
      trigger: row.trigger,
      ...(row.actor ? { actor: row.actor } : {}),
      startedAt: dateFromDb(row.started_at),
      finishedAt: optionalDateFromDb(row.finished_at),
      status: row.status,
      windowsBilled: Number(row.windows_billed),
      windowsPending: Number(row.windows_pending),
      ...(row.error ? { error: row.error } : {}),
    }));
  }
}
