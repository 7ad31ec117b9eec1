/**
 * Kinds of ledger entries: what moved a wallet's balance.
 *
 * @public
 */
export const TRANSACTION_KINDS = [
  'recharge',
  'usage',
  'auto_recharge',
  'adjustment',
  'refund',
  'import',
] as const;

/** @public */
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/**
 * States of a wallet, from healthy to suspended.
 *
 * @public
 */
export const WALLET_STATES = ['active', 'low', 'overdue', 'suspended'] as const;

/** @public */
export type WalletState = (typeof WALLET_STATES)[number];
