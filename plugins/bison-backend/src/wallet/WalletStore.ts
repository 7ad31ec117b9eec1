import { Knex } from 'knex';
import { EXACT_INTEGERS, toDbInteger } from '../database/dbValues';
import { Team, toTeam } from '../tenancy/TeamStore';
import {
  LedgerEntryRow,
  toLedgerEntry,
  toWallet,
  WalletRow,
} from './ledgerRows';
import { LedgerEntry, LedgerEntryKind, Wallet } from './types';

export interface TransactionFilter {
  kind?: LedgerEntryKind;
  /** Entries created at or after this instant. */
  from?: Date;
  /** Entries created before this instant. */
  to?: Date;
}

/** Position in a wallet's history: the last entry of the previous page. */
export interface TransactionCursor {
  createdAt: Date;
  id: bigint;
}

export interface TransactionPage {
  entries: LedgerEntry[];
  /** Where the next (older) page starts, when more entries follow. */
  next?: TransactionCursor;
}

/** Reads of wallets and their ledger. */
export class WalletStore {
  constructor(private readonly knex: Knex) {}

  async getWallet(teamId: string): Promise<Wallet | undefined> {
    const row = await this.knex<WalletRow>('wallets')
      .where({ team_id: teamId })
      .whereNull('archived_at')
      .first()
      .options(EXACT_INTEGERS);
    return row ? toWallet(row) : undefined;
  }

  /** A live team and its wallet by the team's name, in one query. */
  async getTeamWallet(
    name: string,
  ): Promise<{ team: Team; wallet: Wallet } | undefined> {
    const row = await this.knex('teams')
      .join('wallets', 'wallets.team_id', 'teams.id')
      .where('teams.name', name)
      .whereNull('teams.archived_at')
      .whereNull('wallets.archived_at')
      .first(
        'teams.id',
        'teams.name',
        'teams.group_ref',
        'teams.display_name',
        'teams.description',
        'teams.created_at',
        'teams.created_by',
        'wallets.team_id',
        'wallets.balance',
        'wallets.state',
        'wallets.overdue_since',
        'wallets.state_seq',
        'wallets.state_changed_at',
        'wallets.burn_rate_per_day',
        'wallets.burn_rate_basis',
        'wallets.version',
        'wallets.last_recharge_at',
        'wallets.last_recharge_amount',
        'wallets.updated_at',
      )
      .options(EXACT_INTEGERS);
    return row ? { team: toTeam(row), wallet: toWallet(row) } : undefined;
  }

  /**
   * The live wallet of a team, locked for the rest of `trx` (PostgreSQL;
   * SQLite transactions are serial anyway).
   */
  async lockWallet(
    trx: Knex.Transaction,
    teamId: string,
  ): Promise<Wallet | undefined> {
    const row = await trx<WalletRow>('wallets')
      .where({ team_id: teamId })
      .whereNull('archived_at')
      .forUpdate()
      .first()
      .options(EXACT_INTEGERS);
    return row ? toWallet(row) : undefined;
  }

  /** The live wallets of the given teams, by team id, in one query. */
  async getWallets(teamIds: string[]): Promise<Map<string, Wallet>> {
    const rows = await this.knex<WalletRow>('wallets')
      .whereIn('team_id', teamIds)
      .whereNull('archived_at')
      .options(EXACT_INTEGERS);
    return new Map(rows.map(row => [row.team_id, toWallet(row)]));
  }

  /** One page of entries, newest first, after the cursor. */
  async listTransactions(
    teamId: string,
    filter: TransactionFilter,
    page: { limit: number; after?: TransactionCursor },
  ): Promise<TransactionPage> {
    const query = this.knex<LedgerEntryRow>('ledger_entries')
      .where({ team_id: teamId })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(page.limit + 1)
      .options(EXACT_INTEGERS);
    if (page.after) {
      query.whereRaw('(created_at, id) < (?, ?)', [
        page.after.createdAt,
        toDbInteger(page.after.id),
      ]);
    }
    if (filter.kind) query.where({ kind: filter.kind });
    if (filter.from) query.where('created_at', '>=', filter.from);
    if (filter.to) query.where('created_at', '<', filter.to);
    const rows = await query;
    const entries = rows.slice(0, page.limit).map(toLedgerEntry);
    const last = entries[entries.length - 1];
    return {
      entries,
      next:
        rows.length > page.limit
          ? { createdAt: last.createdAt, id: last.id }
          : undefined,
    };
  }

  /** Every matching entry, newest first, read in pages to bound memory. */
  async *streamTransactions(
    teamId: string,
    filter: TransactionFilter,
    batchSize = 1000,
  ): AsyncGenerator<LedgerEntry> {
    let after: TransactionCursor | undefined;
    do {
      const page = await this.listTransactions(teamId, filter, {
        limit: batchSize,
        after,
      });
      yield* page.entries;
      after = page.next;
    } while (after);
  }
}
