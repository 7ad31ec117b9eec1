import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { MAX_BALANCE_MICROS, moneyFromDb } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { EXACT_INTEGERS, toDbInteger } from '../database/dbValues';
import { LedgerEntryRow, toLedgerEntry } from './ledgerRows';
import { LedgerPosting, PostingObserver, PostingResult } from './types';

const RECHARGE_KINDS = new Set(['recharge', 'auto_recharge']);

const isRecharge = (posting: LedgerPosting) =>
  RECHARGE_KINDS.has(posting.kind) && posting.amount > 0n;

/**
 * The balance a wallet may have before `amount` is added: the sum then stays
 * inside int64 without an overflowing value ever being computed in SQL.
 */
const balanceBound = (amount: bigint) =>
  amount > 0n ? MAX_BALANCE_MICROS - amount : -MAX_BALANCE_MICROS - amount;

/** The ledger row of a posting, without what the database decides. */
function entryRow(
  posting: LedgerPosting,
  now: Date,
): Omit<LedgerEntryRow, 'id' | 'balance_after'> {
  return {
    team_id: posting.teamId,
    amount: toDbInteger(posting.amount),
    kind: posting.kind,
    idempotency_key: posting.idempotencyKey,
    request_hash: posting.requestHash ?? null,
    actor: posting.actor,
    reason: posting.reason ?? null,
    window_start: posting.window?.start ?? null,
    window_end: posting.window?.end ?? null,
    created_at: now,
  };
}

const isPostgres = (db: Knex) => db.client.config.client === 'pg';

/**
 * The only writer of wallet balances. Each posting changes the balance with
 * an atomic `balance = balance + amount` update and appends its ledger entry
 * in the same transaction; the unique idempotency key makes a retried posting
 * return the first entry instead of applying twice.
 */
export class LedgerWriter {
  constructor(
    private readonly clock: () => Date = () => new Date(),
    private observer?: PostingObserver,
  ) {}

  /** Who re-evaluates wallets after postings (the enforcement state machine). */
  observeWith(observer: PostingObserver) {
    this.observer = observer;
  }

  /**
   * Applies a posting. `db` may be an open transaction (billing writes usage
   * records in the same one): the posting then runs in a savepoint, so a
   * replayed key leaves the outer transaction usable.
   */
  async post(db: Knex, posting: LedgerPosting): Promise<PostingResult> {
    if (posting.amount === 0n) {
      throw new InputError('amount must not be zero');
    }
    // Optimistic: a replayed key is rare, so it is detected by the unique
    // index rather than by a lookup before every posting.
    try {
      if (isPostgres(db) && !db.isTransaction && !this.observer) {
        // One statement is its own transaction and holds the wallet's row
        // lock only while it runs, which keeps a busy wallet fast.
        return await this.applyInOneStatement(db, posting);
      }
      return await db.transaction(async trx => {
        const result = isPostgres(trx)
          ? await this.applyInOneStatement(trx, posting)
          : await this.apply(trx, posting);
        await this.observer?.afterPostings(trx, [
          {
            teamId: posting.teamId,
            amount: posting.amount,
            balanceAfter: result.entry.balanceAfter,
            actor: posting.actor,
          },
        ]);
        return result;
      });
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        const winner = await this.findReplay(db, posting);
        if (winner) return winner;
      }
      throw error;
    }
  }

  /**
   * Applies postings to distinct wallets inside the caller's transaction,
   * all or none: a used idempotency key or a missing wallet fails the lot
   * (the billing engine then retries team by team). On PostgreSQL one
   * statement updates every balance and appends every entry.
   */
  async postAll(
    trx: Knex.Transaction,
    postings: LedgerPosting[],
  ): Promise<void> {
    if (postings.length === 0) return;
    if (new Set(postings.map(p => p.teamId)).size !== postings.length) {
      throw new InputError('postings must be for distinct wallets');
    }
    if (postings.some(posting => posting.amount === 0n)) {
      throw new InputError('amount must not be zero');
    }
    const balances = isPostgres(trx)
      ? await this.postAllOnPostgres(trx, postings)
      : await this.postAllOnSqlite(trx, postings);
    await this.observer?.afterPostings(
      trx,
      postings.map(posting => ({
        teamId: posting.teamId,
        amount: posting.amount,
        balanceAfter: moneyFromDb(balances.get(posting.teamId)!),
        actor: posting.actor,
      })),
    );
  }

  /** PostgreSQL: one statement updates every balance and appends every entry. */
  private async postAllOnPostgres(
    trx: Knex.Transaction,
    postings: LedgerPosting[],
  ): Promise<Map<string, string>> {
    const now = this.clock();
    const rows = postings.map(posting => entryRow(posting, now));
    const column = <K extends keyof (typeof rows)[number]>(key: K) =>
      rows.map(row => row[key]);
    const result = await trx.raw(
      `WITH input AS (
         SELECT * FROM unnest(
           CAST(:teamIds AS text[]), CAST(:amounts AS bigint[]),
           CAST(:bounds AS bigint[]), CAST(:recharges AS boolean[]),
           CAST(:kinds AS text[]), CAST(:keys AS text[]), CAST(:hashes AS text[]),
           CAST(:actors AS text[]), CAST(:reasons AS text[]),
           CAST(:windowStarts AS timestamptz[]), CAST(:windowEnds AS timestamptz[])
         ) AS i(team_id, amount, bound, recharge, kind, idempotency_key,
                request_hash, actor, reason, window_start, window_end)
       ),
       updated AS (
         UPDATE wallets w
            SET balance = w.balance + i.amount,
                version = w.version + 1,
                updated_at = CAST(:now AS timestamptz),
                last_recharge_at = CASE WHEN i.recharge THEN CAST(:now AS timestamptz) ELSE w.last_recharge_at END,
                last_recharge_amount = CASE WHEN i.recharge THEN i.amount ELSE w.last_recharge_amount END
           FROM input i
          WHERE w.team_id = i.team_id
            AND w.archived_at IS NULL
            AND ((i.amount > 0 AND w.balance <= i.bound)
              OR (i.amount < 0 AND w.balance >= i.bound))
          RETURNING w.team_id, w.balance
       )
       INSERT INTO ledger_entries
         (team_id, amount, kind, idempotency_key, request_hash, actor, reason,
          window_start, window_end, balance_after, created_at)
       SELECT i.team_id, i.amount, i.kind, i.idempotency_key, i.request_hash,
              i.actor, i.reason, i.window_start, i.window_end, u.balance,
              CAST(:now AS timestamptz)
         FROM input i JOIN updated u ON u.team_id = i.team_id
       RETURNING team_id, balance_after`,
      {
        now,
        teamIds: column('team_id'),
        amounts: column('amount'),
        bounds: postings.map(p => toDbInteger(balanceBound(p.amount))),
        recharges: postings.map(isRecharge),
        kinds: column('kind'),
        keys: column('idempotency_key'),
        hashes: column('request_hash'),
        actors: column('actor'),
        reasons: column('reason'),
        windowStarts: column('window_start'),
        windowEnds: column('window_end'),
      },
    );
    if (result.rows.length !== postings.length) {
      throw new ConflictError(
        `${postings.length - result.rows.length} of ${
          postings.length
        } wallets could not be posted to`,
      );
    }
    return new Map(
      (result.rows as Array<{ team_id: string; balance_after: string }>).map(
        row => [row.team_id, row.balance_after],
      ),
    );
  }

  /**
   * SQLite: one UPDATE of every wallet and one INSERT of every entry, with
   * the postings passed as JSON (integers as exact JSON numbers).
   */
  private async postAllOnSqlite(
    trx: Knex.Transaction,
    postings: LedgerPosting[],
  ): Promise<Map<string, string>> {
    const now = this.clock().getTime();
    const updates = `[${postings
      .map(
        p =>
          `[${JSON.stringify(p.teamId)},${p.amount},${balanceBound(p.amount)},${
            isRecharge(p) ? 1 : 0
          }]`,
      )
      .join(',')}]`;
    const updated: Array<{ team_id: string; balance: string }> = await trx.raw(
      `UPDATE wallets
          SET balance = wallets.balance + j.amount,
              version = wallets.version + 1,
              updated_at = ?,
              last_recharge_at = CASE WHEN j.recharge THEN ? ELSE wallets.last_recharge_at END,
              last_recharge_amount = CASE WHEN j.recharge THEN j.amount ELSE wallets.last_recharge_amount END
         FROM (SELECT json_extract(value, '$[0]') AS team_id,
                      json_extract(value, '$[1]') AS amount,
                      json_extract(value, '$[2]') AS bound,
                      json_extract(value, '$[3]') AS recharge
                 FROM json_each(?)) AS j
        WHERE wallets.team_id = j.team_id
          AND wallets.archived_at IS NULL
          AND ((j.amount > 0 AND wallets.balance <= j.bound)
            OR (j.amount < 0 AND wallets.balance >= j.bound))
       RETURNING wallets.team_id AS team_id,
                 CAST(wallets.balance AS TEXT) AS balance`,
      [now, now, updates],
    );
    if (updated.length !== postings.length) {
      throw new ConflictError(
        `${postings.length - updated.length} of ${
          postings.length
        } wallets could not be posted to`,
      );
    }
    const balances = new Map(updated.map(row => [row.team_id, row.balance]));
    const entries = `[${postings
      .map(p =>
        [
          JSON.stringify(p.teamId),
          p.amount,
          JSON.stringify(p.kind),
          JSON.stringify(p.idempotencyKey),
          JSON.stringify(p.requestHash ?? null),
          JSON.stringify(p.actor),
          JSON.stringify(p.reason ?? null),
          p.window ? p.window.start.getTime() : 'null',
          p.window ? p.window.end.getTime() : 'null',
          balances.get(p.teamId),
        ].join(','),
      )
      .map(row => `[${row}]`)
      .join(',')}]`;
    await trx.raw(
      `INSERT INTO ledger_entries
         (team_id, amount, kind, idempotency_key, request_hash, actor, reason,
          window_start, window_end, balance_after, created_at)
       SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'),
              json_extract(value, '$[2]'), json_extract(value, '$[3]'),
              json_extract(value, '$[4]'), json_extract(value, '$[5]'),
              json_extract(value, '$[6]'), json_extract(value, '$[7]'),
              json_extract(value, '$[8]'), json_extract(value, '$[9]'), ?
         FROM json_each(?)`,
      [now, entries],
    );
    return balances;
  }

  /** PostgreSQL: the balance update and the entry in one statement. */
  private async applyInOneStatement(
    db: Knex,
    posting: LedgerPosting,
  ): Promise<PostingResult> {
    const now = this.clock();
    const { amount } = posting;
    const row = entryRow(posting, now);
    const result = await db.raw(
      `WITH updated AS (
         UPDATE wallets
            SET balance = balance + CAST(:amount AS bigint),
                version = version + 1,
                updated_at = CAST(:now AS timestamptz),
                last_recharge_at = CASE WHEN :recharge THEN CAST(:now AS timestamptz) ELSE last_recharge_at END,
                last_recharge_amount = CASE WHEN :recharge THEN CAST(:amount AS bigint) ELSE last_recharge_amount END
          WHERE team_id = :teamId
            AND archived_at IS NULL
            AND balance ${amount > 0n ? '<=' : '>='} CAST(:bound AS bigint)
          RETURNING balance
       )
       INSERT INTO ledger_entries
         (team_id, amount, kind, idempotency_key, request_hash, actor, reason,
          window_start, window_end, balance_after, created_at)
       SELECT :teamId, CAST(:amount AS bigint), :kind, :key, :hash, :actor, :reason,
              CAST(:windowStart AS timestamptz), CAST(:windowEnd AS timestamptz),
              balance, CAST(:now AS timestamptz)
         FROM updated
       RETURNING id, balance_after`,
      {
        amount: row.amount,
        bound: toDbInteger(balanceBound(amount)),
        recharge: isRecharge(posting),
        now,
        teamId: row.team_id,
        kind: row.kind,
        key: row.idempotency_key,
        hash: row.request_hash,
        actor: row.actor,
        reason: row.reason,
        windowStart: row.window_start,
        windowEnd: row.window_end,
      },
    );
    const [inserted] = result.rows as Array<{
      id: string;
      balance_after: string;
    }>;
    if (!inserted) throw await this.whyNotApplied(db, posting);
    return {
      entry: toLedgerEntry({ ...row, ...inserted }),
      created: true,
    };
  }

  /** Any database: update and insert in the caller's transaction. */
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
    if (isRecharge(posting)) {
      update.last_recharge_at = now;
      update.last_recharge_amount = toDbInteger(amount);
    }
    const [updated] = await trx('wallets')
      .where({ team_id: posting.teamId })
      .whereNull('archived_at')
      .andWhere(q => {
        const bound = toDbInteger(balanceBound(amount));
        if (amount > 0n) q.where('balance', '<=', bound);
        else q.where('balance', '>=', bound);
      })
      .update(update, ['balance'])
      .options(EXACT_INTEGERS);
    if (!updated) throw await this.whyNotApplied(trx, posting);

    const row = {
      ...entryRow(posting, now),
      balance_after: toDbInteger(BigInt(updated.balance)),
    };
    const [inserted] = await trx('ledger_entries')
      .insert(row, ['id'])
      .options(EXACT_INTEGERS);
    return {
      entry: toLedgerEntry({ ...row, id: inserted.id }),
      created: true,
    };
  }

  /** The error for a posting whose wallet update matched no row. */
  private async whyNotApplied(db: Knex, posting: LedgerPosting) {
    const exists = await db('wallets')
      .where({ team_id: posting.teamId })
      .whereNull('archived_at')
      .first('team_id');
    if (!exists) return new NotFoundError('wallet not found');
    return new ConflictError(
      'the balance would exceed the largest amount a wallet can hold',
    );
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
