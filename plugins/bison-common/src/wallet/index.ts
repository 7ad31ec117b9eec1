export { TRANSACTION_KINDS, WALLET_STATES } from './kinds';
export type { TransactionKind, WalletState } from './kinds';
