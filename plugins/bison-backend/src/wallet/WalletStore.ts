import { Knex } from 'knex';
import { EXACT_INTEGERS, toDbInteger } from '../database/dbValues';
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

export interface TransactionPage {
  entries: LedgerEntry[];
  /** Id of the last entry when more entries follow. */
  nextAfterId?: bigint;
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

  /** One page of entries, newest first, after the entry `beforeId`. */
  async listTransactions(
    teamId: string,
    filter: TransactionFilter,
    page: { limit: number; beforeId?: bigint },
  ): Promise<TransactionPage> {
    const query = this.knex<LedgerEntryRow>('ledger_entries')
      .where({ team_id: teamId })
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .options(EXACT_INTEGERS);
    if (page.beforeId !== undefined)
      query.where('id', '<', toDbInteger(page.beforeId));
    if (filter.kind) query.where({ kind: filter.kind });
    if (filter.from) query.where('created_at', '>=', filter.from);
    if (filter.to) query.where('created_at', '<', filter.to);
    const rows = await query;
    const entries = rows.slice(0, page.limit).map(toLedgerEntry);
    return {
      entries,
      nextAfterId:
        rows.length > page.limit ? entries[entries.length - 1].id : undefined,
    };
  }

  /** Every matching entry, newest first, read in pages to bound memory. */
  async *streamTransactions(
    teamId: string,
    filter: TransactionFilter,
    batchSize = 1000,
  ): AsyncGenerator<LedgerEntry> {
    let beforeId: bigint | undefined;
    do {
      const page = await this.listTransactions(teamId, filter, {
        limit: batchSize,
        beforeId,
      });
      yield* page.entries;
      beforeId = page.nextAfterId;
    } while (beforeId !== undefined);
  }
}
