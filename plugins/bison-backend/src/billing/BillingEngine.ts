import {
  isDatabaseConflictError,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  closedWindows,
  CostLine,
  rateUsage,
  TimeWindow,
} from '@bison/plugin-bison-common';
import { UsageSource } from '@bison/plugin-bison-node';
import { Knex } from 'knex';
import { Team } from '../tenancy/TeamStore';
import { LedgerWriter } from '../wallet/LedgerWriter';
import { WalletService } from '../wallet/WalletService';
import { insertUsageRecords } from './UsageRecordWriter';
import { BillingStore, WindowOutcome } from './BillingStore';
import { describeWindow } from './describeWindow';
import { NamespaceOwners } from './NamespaceOwners';
import { PriceBookStore } from './prices/PriceBookStore';

export const BILLING_ACTOR = 'service:bison-billing';

export interface BillingEngineOptions {
  knex: Knex;
  store: BillingStore;
  prices: PriceBookStore;
  /** Posts the debits; the wallets are told about them afterwards. */
  ledger: LedgerWriter;
  wallets: WalletService;
  owners: NamespaceOwners;
  /** The configured source; undefined while it is not registered. */
  source: () => UsageSource | undefined;
  logger: LoggerService;
  windowMs: number;
  settleDelayMs: number;
  /** Where billing starts when nothing was billed yet. */
  firstWindowStart: Date;
  maxWindowsPerRun: number;
  /** Teams written per transaction; a conflict retries them one by one. */
  teamsPerTransaction?: number;
}

export interface RunResult {
  runId: string;
  windowsBilled: number;
  windowsPending: number;
  status: 'succeeded' | 'failed' | 'aborted';
  error?: string;
}

interface TeamCharge {
  team: Team;
  lines: CostLine[];
  total: bigint;
}

/**
 * Bills closed usage windows exactly once, oldest first. A team's usage
 * records and its debit (key `usage:<team id>:<window start>`) are written
 * in one transaction, so replicas billing the same window, a crash half-way
 * or a re-run can neither charge twice nor skip a team: the unique keys turn
 * a second attempt into a no-op. A window that fails (source down) stops the
 * run and is retried first next time.
 */
export class BillingEngine {
  constructor(private readonly options: BillingEngineOptions) {}

  /** Windows ready to bill now, oldest first, at most one run's worth. */
  async pendingWindows(now: Date, limit?: number): Promise<TimeWindow[]> {
    const { store, windowMs, settleDelayMs, firstWindowStart } = this.options;
    return closedWindows({
      watermark: await store.watermark(),
      now,
      windowMs,
      settleDelayMs,
      firstWindowStart,
      limit,
    });
  }

  async run(options: {
    now?: Date;
    signal?: AbortSignal;
    trigger: 'schedule' | 'manual';
    actor?: string;
  }): Promise<RunResult> {
    const { store, logger, maxWindowsPerRun } = this.options;
    const now = options.now ?? new Date();
    const runId = await store.startRun(options.trigger, options.actor, now);
    const all = await this.pendingWindows(now);
    const windows = all.slice(0, maxWindowsPerRun);
    // Billing a window records the namespace owners; a run without one
    // still does, so the history has no gap longer than the schedule.
    if (windows.length === 0) {
      await this.options.owners.observe().catch(error => {
        logger.warn(`Could not observe namespace owners: ${error}`);
      });
    }
    let billed = 0;
    const finish = async (
      status: RunResult['status'],
      error?: string,
    ): Promise<RunResult> => {
      const pending = all.length - billed;
      await store.updateRun(runId, {
        status,
        windowsBilled: billed,
        windowsPending: pending,
        error,
        finishedAt: new Date(),
      });
      return {
        runId,
        windowsBilled: billed,
        windowsPending: pending,
        status,
        ...(error ? { error } : {}),
      };
    };
    await store.updateRun(runId, { windowsPending: all.length });

    for (const window of windows) {
      if (options.signal?.aborted) return finish('aborted');
      try {
        const done = await this.billWindow(window, options.signal);
        if (!done) return finish('aborted');
      } catch (error) {
        const message = (error as Error).message ?? String(error);
        logger.warn(
          `Billing window ${window.start.toISOString()} failed: ${message}`,
        );
        await store.markFailed(window, message, new Date());
        return finish('failed', message);
      }
      billed += 1;
      await store.updateRun(runId, {
        windowsBilled: billed,
        windowsPending: all.length - billed,
      });
    }
    return finish('succeeded');
  }

  /**
   * Bills one window; false when aborted half-way (what was written stays
   * and the rest is written by the next run).
   */
  async billWindow(window: TimeWindow, signal?: AbortSignal): Promise<boolean> {
    const { store, prices, owners } = this.options;
    if (await store.isBilled(window)) return true;
    const source = this.options.source();
    if (!source) throw new Error('no usage source is registered');
    const book = await prices.at(window.start);
    if (!book) throw new Error('no price book is in effect');

    const usage = await source.getUsage(window, { signal });
    const rated = rateUsage(usage, book.prices, { onUnpriced: 'zero' });
    const teams = await owners.teamsDuring(window);

    const charges = new Map<string, TeamCharge>();
    const unallocated: CostLine[] = [];
    for (const line of rated.lines) {
      const team = teams.get(line.namespace);
      if (!team) {
        unallocated.push(line);
        continue;
      }
      const charge = charges.get(team.id) ?? { team, lines: [], total: 0n };
      charge.lines.push(line);
      charge.total += line.costMicros;
      charges.set(team.id, charge);
    }

    const batchSize = this.options.teamsPerTransaction ?? 500;
    const list = [...charges.values()];
    for (let i = 0; i < list.length; i += batchSize) {
      if (signal?.aborted) return false;
      await this.chargeTeams(list.slice(i, i + batchSize), window, book.id);
    }
    await insertUsageRecords(
      this.options.knex,
      unallocated.map(line => ({ ...line, teamId: null })),
      window,
      book.id,
    ).catch(error => {
      // Recorded by an earlier attempt at this window.
      if (!isDatabaseConflictError(error)) throw error;
    });

    const outcome: WindowOutcome = {
      priceBookId: book.id,
      source: source.id,
      teams: list.length,
      lines: rated.lines.length,
      charged: list.reduce((sum, charge) => sum + charge.total, 0n),
      unallocated: unallocated.reduce((sum, line) => sum + line.costMicros, 0n),
    };
    await store.markBilled(window, outcome, new Date());
    for (const charge of list) {
      await this.options.wallets.notifyChanged(charge.team);
    }
    return true;
  }

  /**
   * Writes the teams' records and debits in one transaction; when one of
   * them was already billed (a replica or an earlier, interrupted run), the
   * batch is retried one team per transaction and billed teams are skipped.
   */
  private async chargeTeams(
    batch: TeamCharge[],
    window: TimeWindow,
    priceBookId: number,
  ): Promise<void> {
    const { knex, ledger } = this.options;
    try {
      await knex.transaction(async trx => {
        await insertUsageRecords(
          trx,
          batch.flatMap(charge =>
            charge.lines.map(line => ({ ...line, teamId: charge.team.id })),
          ),
          window,
          priceBookId,
        );
        await ledger.postAll(
          trx,
          batch
            .filter(charge => charge.total > 0n)
            .map(charge => ({
              teamId: charge.team.id,
              amount: -charge.total,
              kind: 'usage' as const,
              idempotencyKey: `usage:${
                charge.team.id
              }:${window.start.toISOString()}`,
              requestHash: `usage:${charge.total}`,
              actor: BILLING_ACTOR,
              reason: describeWindow(window),
              window,
            })),
        );
      });
    } catch (error) {
      if (batch.length > 1) {
        for (const charge of batch) {
          await this.chargeTeams([charge], window, priceBookId);
        }
        return;
      }
      // Billed before: its records and debit exist already.
      if (!isDatabaseConflictError(error)) throw error;
    }
  }
}
