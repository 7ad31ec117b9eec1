import { moneyFromDb, WalletState } from '@bison/plugin-bison-common';
import { dateFromDb, optionalDateFromDb } from '../database/dbValues';
import { LedgerEntry, LedgerEntryKind, Wallet } from './types';

type DbInteger = bigint | number | string;
type DbTime = Date | number | string | bigint;

export interface LedgerEntryRow {
  id: DbInteger;
  team_id: string;
  amount: DbInteger;
  kind: string;
  idempotency_key: string;
  request_hash: string | null;
  actor: string;
  reason: string | null;
  window_start: DbTime | null;
  window_end: DbTime | null;
  balance_after: DbInteger;
  created_at: DbTime;
}

export interface WalletRow {
  team_id: string;
  balance: DbInteger;
  state: string;
  overdue_since: DbTime | null;
  state_seq: DbInteger;
  state_changed_at: DbTime | null;
  burn_rate_per_day: DbInteger;
  burn_rate_basis: string;
  version: DbInteger;
  last_recharge_at: DbTime | null;
  last_recharge_amount: DbInteger | null;
  updated_at: DbTime;
}

export function toLedgerEntry(row: LedgerEntryRow): LedgerEntry {
  const windowStart = optionalDateFromDb(row.window_start);
  const windowEnd = optionalDateFromDb(row.window_end);
  return {
    id: BigInt(row.id),
    teamId: row.team_id,
    amount: moneyFromDb(row.amount),
    kind: row.kind as LedgerEntryKind,
    idempotencyKey: row.idempotency_key,
    actor: row.actor,
    reason: row.reason ?? undefined,
    window:
      windowStart && windowEnd
        ? { start: windowStart, end: windowEnd }
        : undefined,
    balanceAfter: moneyFromDb(row.balance_after),
    createdAt: dateFromDb(row.created_at),
  };
}

export function toWallet(row: WalletRow): Wallet {
  const lastRechargeAt = optionalDateFromDb(row.last_recharge_at);
  return {
    teamId: row.team_id,
    balance: moneyFromDb(row.balance),
    state: row.state as WalletState,
    overdueSince: optionalDateFromDb(row.overdue_since),
    stateSeq: BigInt(row.state_seq),
    stateChangedAt: optionalDateFromDb(row.state_changed_at),
    burnRatePerDay: moneyFromDb(row.burn_rate_per_day),
    burnRateBasis: row.burn_rate_basis as Wallet['burnRateBasis'],
    lastRecharge:
      lastRechargeAt && row.last_recharge_amount !== null
        ? { amount: moneyFromDb(row.last_recharge_amount), at: lastRechargeAt }
        : undefined,
    updatedAt: dateFromDb(row.updated_at),
    version: BigInt(row.version),
  };
}
