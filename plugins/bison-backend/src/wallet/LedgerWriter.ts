import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { MAX_BALANCE_MICROS } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { EXACT_INTEGERS, toDbInteger } from '../database/dbValues';
import { LedgerEntryRow, toLedgerEntry } from './ledgerRows';
import { LedgerPosting, PostingResult } from './types';

const RECHARGE_KINDS = new Set(['recharge', 'auto_recharge']);

/**
 * The only writer of wallet balances. Each posting changes the balance with
 * an atomic `balance = balance + amount` update and appends its ledger entry
 * in the same transaction; the unique idempotency key makes a retried posting
 * return the first entry instead of applying twice.
 */
export class LedgerWriter {
  constructor(private readonly clock: () => Date = () => new Date()) {}

  /**
   * Applies a posting. `db` may be an open transaction (billing writes usage
   * records in the same one): the posting then runs in a savepoint, so a
   * replayed key leaves the outer transaction usable.
   */
  async post(db: Knex, posting: LedgerPosting): Promise<PostingResult> {
    if (posting.amount === 0n) {
      throw new InputError('amount must not be zero');
    }
    const replay = await this.findReplay(db, posting);
    if (replay) return replay;
    try {
      return await db.transaction(trx => this.apply(trx, posting));
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        const winner = await this.findReplay(db, posting);
        if (winner) return winner;
      }
      throw error;
    }
  }

  private async apply(
    trx: Knex.Transaction,
    posting: LedgerPosting,
  ): Promise<PostingResult> {
    const now = this.clock();
    const { amount } = posting;
    const update: Record<string, unknown> = {
      balance: trx.raw('balance + ?', [toDbInteger(amount)]),
      version: trx.raw('version + 1'),
      updated_at: now,
    };
    if (RECHARGE_KINDS.has(posting.kind) && amount > 0n) {
      update.last_recharge_at = now;
      update.last_recharge_amount = toDbInteger(amount);
    }
    // The bound keeps the sum inside int64 without ever computing an
    // overflowing value in SQL.
    const [updated] = await trx('wallets')
      .where({ team_id: posting.teamId })
      .whereNull('archived_at')
      .andWhere(q =>
        amount > 0n
          ? q.where('balance', '<=', toDbInteger(MAX_BALANCE_MICROS - amount))
          : q.where('balance', '>=', toDbInteger(-MAX_BALANCE_MICROS - amount)),
      )
      .update(update, ['balance'])
      .options(EXACT_INTEGERS);
    if (!updated) {
      const exists = await trx('wallets')
        .where({ team_id: posting.teamId })
        .whereNull('archived_at')
        .first('team_id');
      if (!exists) throw new NotFoundError('wallet not found');
      throw new ConflictError(
        'the balance would exceed the largest amount a wallet can hold',
      );
    }

    const row: Omit<LedgerEntryRow, 'id'> = {
      team_id: posting.teamId,
      amount: toDbInteger(amount),
      kind: posting.kind,
      idempotency_key: posting.idempotencyKey,
      request_hash: posting.requestHash ?? null,
      actor: posting.actor,
      reason: posting.reason ?? null,
      window_start: posting.window?.start ?? null,
      window_end: posting.window?.end ?? null,
      balance_after: toDbInteger(BigInt(updated.balance)),
      created_at: now,
    };
    const [inserted] = await trx('ledger_entries')
      .insert(row, ['id'])
      .options(EXACT_INTEGERS);
    return {
      entry: toLedgerEntry({ ...row, id: inserted.id }),
      created: true,
    };
  }

  private async findReplay(
    db: Knex,
    posting: LedgerPosting,
  ): Promise<PostingResult | undefined> {
    const row = await db<LedgerEntryRow>('ledger_entries')
      .where({ idempotency_key: posting.idempotencyKey })
      .first()
      .options(EXACT_INTEGERS);
    if (!row) return undefined;
    if (
      row.team_id !== posting.teamId ||
      (row.request_hash ?? undefined) !== posting.requestHash
    ) {
      throw new ConflictError(
        'this idempotency key was already used for a different request',
      );
    }
    return { entry: toLedgerEntry(row), created: false };
  }
}
