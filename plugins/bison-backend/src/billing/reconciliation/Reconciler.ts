import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { rateUsage } from '@bison/plugin-bison-common';
import { UsageSource } from '@bison/plugin-bison-node';
import { Knex } from 'knex';
import { TeamStore } from '../../tenancy/TeamStore';
import { LedgerWriter } from '../../wallet/LedgerWriter';
import { LedgerEntry } from '../../wallet/types';
import { WalletService } from '../../wallet/WalletService';
import { describeWindow } from '../describeWindow';
import { NamespaceOwners } from '../NamespaceOwners';
import { PriceBookStore } from '../prices/PriceBookStore';
import { compareWindow, windowsToCheck } from './compareWindow';
import {
  BilledWindow,
  ReconciliationCheck,
  ReconciliationStore,
  StoredDifference,
} from './ReconciliationStore';

const DAY_MILLIS = 86_400_000;
/** The most windows one check compares, whatever was asked. */
export const MAX_WINDOWS_PER_CHECK = 744;

export interface ReconcilerOptions {
  knex: Knex;
  store: ReconciliationStore;
  prices: PriceBookStore;
  owners: NamespaceOwners;
  source: () => UsageSource | undefined;
  ledger: LedgerWriter;
  wallets: WalletService;
  teams: TeamStore;
  logger: LoggerService;
  /** The latest billed windows every check compares. */
  recentWindows: number;
  /** How many older windows, picked at random, each check compares too. */
  sampleWindows: number;
  /** How far back the sample reaches. */
  lookbackDays: number;
  clock?: () => Date;
}

/**
 * Asks the usage source again for windows already billed and stores where
 * its answer now differs (late data, a changed OpenCost answer). It never
 * touches the ledger; settling a difference posts one adjustment that names
 * it, once.
 */
export class Reconciler {
  constructor(private readonly options: ReconcilerOptions) {}

  private now() {
    return this.options.clock?.() ?? new Date();
  }

  /** The windows a scheduled check compares: the latest and a sample of older ones. */
  async defaultWindows(): Promise<BilledWindow[]> {
    const { store, recentWindows, sampleWindows, lookbackDays } = this.options;
    const since = new Date(this.now().getTime() - lookbackDays * DAY_MILLIS);
    const billed = await store.billedWindows(
      { from: since },
      MAX_WINDOWS_PER_CHECK * 4,
    );
    return windowsToCheck(billed, recentWindows, sampleWindows);
  }

  async check(request: {
    trigger: ReconciliationCheck['trigger'];
    actor?: string;
    windows?: BilledWindow[];
    signal?: AbortSignal;
  }): Promise<ReconciliationCheck> {
    const { store, logger } = this.options;
    const checkId = await store.startCheck(
      request.trigger,
      request.actor,
      this.now(),
    );
    const windows = (request.windows ?? (await this.defaultWindows())).slice(
      0,
      MAX_WINDOWS_PER_CHECK,
    );
    let checked = 0;
    let differences = 0;
    try {
      const source = this.options.source();
      if (!source) throw new Error('no usage source is registered');
      const books = new Map(
        (await this.options.prices.list()).map(book => [book.id, book]),
      );
      for (const window of windows) {
        if (request.signal?.aborted) break;
        const book = books.get(window.priceBookId);
        if (!book) throw new Error(`price book ${window.priceBookId} is gone`);
        const [billed, usage, owners] = await Promise.all([
          store.billedLines(window),
          source.getUsage(window, { signal: request.signal }),
          this.options.owners.teamsDuring(window),
        ]);
        const rated = rateUsage(usage, book.prices, { onUnpriced: 'zero' });
        const found = compareWindow(
          billed,
          rated.lines.map(line => ({
            namespace: line.namespace,
            resource: line.resource,
            quantity: line.quantity,
            cost: line.costMicros,
          })),
          namespace => owners.get(namespace)?.id,
        );
        await store.recordWindow(window, found, checkId, this.now());
        checked += 1;
        differences += found.length;
      }
      await store.finishCheck(
        checkId,
        { status: 'succeeded', windowsChecked: checked, differences },
        this.now(),
      );
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      logger.warn(`Reconciliation check ${checkId} failed: ${message}`);
      await store.finishCheck(
        checkId,
        {
          status: 'failed',
          windowsChecked: checked,
          differences,
          error: message,
        },
        this.now(),
      );
    }
    return (await store.getCheck(checkId))!;
  }

  /**
   * Settles an open difference of a team with one adjustment of the money
   * the source now adds or removes; the entry's key names the difference,
   * so a retry cannot post twice.
   */
  async settle(
    id: string,
    request: { actor: string; reason?: string },
  ): Promise<{ difference: StoredDifference; entry: LedgerEntry }> {
    const { knex, store, ledger } = this.options;
    const difference = await store.get(id);
    if (!difference)
      throw new NotFoundError(`no reconciliation difference ${id}`);
    if (difference.teamId === null) {
      throw new ConflictError(
        'unallocated usage has no wallet; assign the namespace to a team instead',
      );
    }
    if (difference.status !== 'open') {
      throw new ConflictError(`difference ${id} is ${difference.status}`);
    }
    const amount = difference.billed - difference.source;
    if (amount === 0n) {
      throw new ConflictError(
        `difference ${id} changes no money; there is nothing to settle`,
      );
    }
    const team = await this.options.teams.getTeamById(difference.teamId);
    if (!team) throw new NotFoundError(`team ${difference.teamId} not found`);
    const now = this.now();
    const entry = await knex.transaction(async trx => {
      const posted = await ledger.post(trx, {
        teamId: team.id,
        amount,
        kind: 'adjustment',
        idempotencyKey: `reconciliation:${id}`,
        requestHash: `reconciliation:${amount}`,
        actor: request.actor,
        reason: `Reconciliation #${id} of ${describeWindow(difference)}${
          request.reason ? `: ${request.reason}` : ''
        }`,
        window: difference,
      });
      const settled = await store.markSettled(trx, id, {
        ledgerEntryId: posted.entry.id,
        actor: request.actor,
        now,
      });
      if (!settled) throw new ConflictError(`difference ${id} is not open`);
      return posted.entry;
    });
    await this.options.wallets.notifyChanged(team);
    return { difference: (await store.get(id))!, entry };
  }
}
