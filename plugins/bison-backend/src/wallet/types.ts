import { Knex } from 'knex';
import {
  Micros,
  TransactionKind,
  WalletState,
} from '@bison/plugin-bison-common';

export type LedgerEntryKind = TransactionKind;

export interface Wallet {
  teamId: string;
  balance: Micros;
  state: WalletState;
  overdueSince?: Date;
  /** Number of state transitions so far. */
  stateSeq: bigint;
  stateChangedAt?: Date;
  /** Usage per day, as the enforcement task last measured it. */
  burnRatePerDay: Micros;
  burnRateBasis: 'last24h' | 'last7d' | 'none';
  lastRecharge?: { amount: Micros; at: Date };
  updatedAt: Date;
  version: bigint;
}

export interface LedgerEntry {
  id: bigint;
  teamId: string;
  amount: Micros;
  kind: LedgerEntryKind;
  idempotencyKey: string;
  actor: string;
  reason?: string;
  window?: { start: Date; end: Date };
  balanceAfter: Micros;
  createdAt: Date;
}

/** A balance change to write, with the ledger entry that explains it. */
export interface LedgerPosting {
  teamId: string;
  /** Signed amount in micros; never zero. */
  amount: Micros;
  kind: LedgerEntryKind;
  /** Unique across the ledger; a repeated key returns the first entry. */
  idempotencyKey: string;
  /**
   * Fingerprint of the request behind the posting. A repeated key with a
   * different fingerprint is a conflict, not a retry.
   */
  requestHash?: string;
  /** Entity ref of the acting user or service. */
  actor: string;
  reason?: string;
  window?: { start: Date; end: Date };
}

export interface PostingResult {
  entry: LedgerEntry;
  /** False when the idempotency key had been used before (a replay). */
  created: boolean;
}

/** A posting as applied: the wallet's balance after it. */
export interface AppliedPosting {
  teamId: string;
  amount: Micros;
  balanceAfter: Micros;
  actor: string;
}

/**
 * Told of every posting inside the posting's transaction, after the balance
 * changed: what it writes commits or rolls back with the posting.
 */
export interface PostingObserver {
  afterPostings(
    trx: Knex.Transaction,
    postings: AppliedPosting[],
  ): Promise<void>;
}
